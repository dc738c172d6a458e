import type { Verdict } from '../shared/types.ts';
import { terminalJson, terminalLine } from './terminal-text.ts';
import { LANGUAGES, translatorFor } from '../shared/i18n/catalogues.ts';
import { catalogueLanguage } from '../shared/i18n/translator.ts';
import { platformName, reasonText } from '../shared/i18n/reason-text.ts';

/** Where a message sits inside an mbox: its index (from 0) and the byte offset of its `From ` line. */
export interface MessagePlace {
  index?: number;
  offset?: number;
}

/** The `--json` line DESIGN.md fixes: file (plus index and offset inside an mbox), level, phones, reasons, brands, saas. */
export function verdictJson(file: string, verdict: Verdict, place: MessagePlace = {}): string {
  return terminalJson({
    file,
    ...place,
    level: verdict.level,
    phones: verdict.phones.map(({ e164, raw, region, lineType, part, inFeed, block, trusted }) => ({
      e164, raw, region, lineType, part, inFeed, block, trusted,
    })),
    reasons: verdict.reasons.map(({ code, message, evidence, params }) => ({ code, message, evidence, params })),
    brands: verdict.brands,
    saas: verdict.saas,
  });
}

export function errorJson(file: string, error: string, place: MessagePlace = {}): string {
  return terminalJson({ file, ...place, error });
}

/**
 * One readable line per message: level, file, numbers, then the reasons indented below; every field on one
 * line. Tags and (in languages other than English) reason sentences come from the locale catalogue of `LANG`
 * (German for `de_DE.UTF-8`); codes stay in brackets for analysts.
 */
export function verdictText(file: string, verdict: Verdict, locale: string | undefined = localeFromEnv()): string {
  const { t, locale: tag } = translatorFor(locale);
  const numbers = verdict.phones.map((p) => p.e164 + (p.trusted ? ` (${t('cliTrusted')})` : p.inFeed ? ` (${t('cliOnFeed')})` : p.block ? ` (${t('cliBlockOnFeed')})` : ''));
  const head = `${verdict.level.toUpperCase().padEnd(7)} ${terminalLine(file)}${numbers.length ? `  ${numbers.join(', ')}` : ''}`;
  const saas = verdict.saas
    ? [`        ${terminalLine(platformName(verdict.saas.platform))}: ${terminalLine(verdict.saas.instance)} (${t(verdict.saas.authentic ? 'cliAuthentic' : 'cliNotAuthentic')})${verdict.saas.trusted ? `, ${t('cliTrustedInstance')}` : ''}`]
    : [];
  // English readers get the core's own sentence (it names the number and the evidence); others the catalogue's.
  const english = catalogueLanguage(tag, LANGUAGES) === 'en';
  const reasons = verdict.reasons.map((r) => `        - [${terminalLine(r.code)}] ${terminalLine(english ? r.message : reasonText(r, verdict, t, tag, { facts: true }))}`);
  return [head, ...saas, ...reasons].join('\n');
}

/** The reader's locale from the usual variables: LC_ALL, LC_MESSAGES, LANG ("de_DE.UTF-8" → "de-DE"). */
export function localeFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG || 'en';
  const tag = raw.split('.')[0]!.replace('_', '-');
  return tag === 'C' || tag === 'POSIX' || tag === '' ? 'en' : tag;
}
