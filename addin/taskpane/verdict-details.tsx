// Everything the scan found, for the reader who opens the pane: every number (trusted ones too), brands,
// platform identity and the text each warning rests on (the banner above gives the reasons).
// Text only: nothing from the message is rendered as HTML.
import type { Verdict } from '../../shared/types.ts';
import { formatNumber } from '../../shared/verdict/format-number.ts';

export function VerdictDetails({ verdict }: { verdict: Verdict }) {
  return (
    <section class="details-full" aria-label="What Ringfence found">
      <h2>Phone numbers</h2>
      {verdict.phones.length === 0 ? (
        <p class="empty">No phone numbers found.</p>
      ) : (
        <table class="phones">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">As written</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {verdict.phones.map((p) => (
              <tr key={`${p.e164}-${p.part}-${p.start}`} data-e164={p.e164}>
                <td>{formatNumber(p.e164)}</td>
                <td class="raw">{p.raw}</td>
                <td>{phoneStatus(p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {verdict.brands.length > 0 && (
        <>
          <h2>Brands named</h2>
          <p class="brands">{verdict.brands.join(', ')}</p>
        </>
      )}
      {verdict.saas && (
        <>
          <h2>Platform notification</h2>
          <p class="saas">
            {verdict.saas.platform}: {verdict.saas.authentic ? 'sent by the platform' : 'not sent by the platform'}, instance {verdict.saas.instance || 'unknown'},{' '}
            {verdict.saas.trusted ? 'one your organisation trusts' : 'not one your organisation trusts'}
          </p>
        </>
      )}
      {verdict.reasons.some((r) => r.evidence) && (
        <>
          <h2>Evidence</h2>
          <ul class="reasons-full">
            {verdict.reasons
              .filter((r) => r.evidence)
              .map((r) => (
                <li key={r.code} data-code={r.code}>
                  <q class="evidence">{r.evidence}</q>
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}

function phoneStatus(p: Verdict['phones'][number]): string {
  const bits: string[] = [];
  if (p.trusted) bits.push('trusted by your organisation');
  if (p.inFeed) bits.push(p.block ? `in scam block ${p.block}…` : 'on a scam list');
  if (p.lineType && p.lineType !== 'unknown') bits.push(p.lineType);
  if (p.part !== 'body') bits.push(`in ${p.part}`);
  return bits.join(' · ') || 'not on any list';
}
