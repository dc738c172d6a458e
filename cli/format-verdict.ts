import type { Verdict } from '../shared/types.ts';
import { terminalJson, terminalLine } from './terminal-text.ts';

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
    reasons: verdict.reasons.map(({ code, message, evidence }) => ({ code, message, evidence })),
    brands: verdict.brands,
    saas: verdict.saas,
  });
}

export function errorJson(file: string, error: string, place: MessagePlace = {}): string {
  return terminalJson({ file, ...place, error });
}

/** One readable line per message: level, file, numbers, then the reasons indented below; every field on one line. */
export function verdictText(file: string, verdict: Verdict): string {
  const numbers = verdict.phones.map((p) => p.e164 + (p.trusted ? ' (trusted)' : p.inFeed ? ' (on feed)' : p.block ? ' (block on feed)' : ''));
  const head = `${verdict.level.toUpperCase().padEnd(7)} ${terminalLine(file)}${numbers.length ? `  ${numbers.join(', ')}` : ''}`;
  const saas = verdict.saas
    ? [`        ${terminalLine(verdict.saas.platform)}: ${terminalLine(verdict.saas.instance)}${verdict.saas.authentic ? ' (authentic)' : ' (not authentic)'}${verdict.saas.trusted ? ', trusted' : ''}`]
    : [];
  const reasons = verdict.reasons.map((r) => `        - [${terminalLine(r.code)}] ${terminalLine(r.message)}`);
  return [head, ...saas, ...reasons].join('\n');
}
