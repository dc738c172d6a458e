// Everything the scan found, for the reader who opens the pane: every number (trusted ones too), brands,
// platform identity and the text each warning rests on (the banner above gives the reasons).
// Text only: nothing from the message is rendered as HTML.
import type { Verdict } from '../../shared/types.ts';
import { formatNumber } from '../../shared/verdict/format-number.ts';
import { platformName } from '../../shared/i18n/reason-text.ts';
import type { Translator } from '../../shared/i18n/translator.ts';

export function VerdictDetails({ verdict, translator }: { verdict: Verdict; translator: Translator }) {
  const { t } = translator;
  const platform = platformName(verdict.saas?.platform);
  return (
    <section class="details-full" aria-label={t('paneFound')}>
      <h2>{t('panePhones')}</h2>
      {verdict.phones.length === 0 ? (
        <p class="empty">{t('paneNoPhones')}</p>
      ) : (
        <table class="phones">
          <thead>
            <tr>
              <th scope="col">{t('paneNumber')}</th>
              <th scope="col">{t('paneAsWritten')}</th>
              <th scope="col">{t('paneStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {verdict.phones.map((p) => (
              <tr key={`${p.e164}-${p.part}-${p.start}`} data-e164={p.e164}>
                <td>{formatNumber(p.e164)}</td>
                <td class="raw">{p.raw}</td>
                <td>{phoneStatus(p, translator)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {verdict.brands.length > 0 && (
        <>
          <h2>{t('paneBrands')}</h2>
          <p class="brands">{verdict.brands.join(', ')}</p>
        </>
      )}
      {verdict.saas && (
        <>
          <h2>{t('panePlatform')}</h2>
          <p class="saas">
            {t(verdict.saas.authentic ? 'paneSaasAuthentic' : 'paneSaasNotAuthentic', { platform })},{' '}
            {t(verdict.saas.trusted ? 'paneSaasTrusted' : 'paneSaasUntrusted', { instance: verdict.saas.instance || t('paneUnknownInstance') })}
          </p>
        </>
      )}
      {verdict.reasons.some((r) => r.evidence) && (
        <>
          <h2>{t('bannerAnalysts')}</h2>
          <ul class="reasons-full">
            {verdict.reasons
              .filter((r) => r.evidence)
              .map((r) => (
                <li key={r.code} data-code={r.code}>
                  <code>{r.code}</code> <q class="evidence">{r.evidence}</q>
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}

function phoneStatus(p: Verdict['phones'][number], { t }: Translator): string {
  const bits: string[] = [];
  if (p.trusted) bits.push(t('paneTrusted'));
  else if (p.inFeed) bits.push(t('bannerNumberOnFeed'));
  else if (p.block) bits.push(t('bannerNumberInBlock'));
  else bits.push(t('bannerNumberUnknown'));
  if (p.lineType && p.lineType !== 'unknown') bits.push(t(`lineType_${p.lineType.replace(/-/g, '_')}`));
  if (p.part !== 'body') bits.push(t('paneInPart', { part: p.part }));
  return bits.join(' · ');
}
