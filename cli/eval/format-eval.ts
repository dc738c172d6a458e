import type { EvalReport } from './tally.ts';

/** Readable tables of one eval report: per label, per reason code, then misses and false alarms. */
export function formatReport(title: string, report: EvalReport): string {
  const out: string[] = [`== ${title}: ${report.files} files ==`, ''];
  const labels = report.labels.map((r) => r.label);
  out.push(table(
    ['label', 'flagged', 'total', 'rate', 'danger', 'warning', 'caution', 'none', 'unreadable'],
    report.labels.map((r) => [
      r.label, String(r.flagged), String(r.total), percent(r.flagged, r.total),
      String(r.levels.danger), String(r.levels.warning), String(r.levels.caution), String(r.levels.none), String(r.errors),
    ]),
  ));
  out.push('');
  if (report.reasons.length > 0) {
    out.push(table(
      ['reason', ...labels, 'fired', 'precision'],
      report.reasons.map((r) => [
        r.code, ...labels.map((l) => String(r.byLabel[l] ?? 0)), String(r.fired),
        r.precision === null ? '-' : `${(r.precision * 100).toFixed(1)}%`,
      ]),
    ));
    out.push('');
  }
  out.push(`misses (${report.misses.length}):`);
  for (const m of report.misses) out.push(`  ${m.level.padEnd(7)} ${m.label.padEnd(8)} ${m.file}${m.reasons.length ? `  [${m.reasons.join(', ')}]` : ''}`);
  out.push(`false alarms (${report.falseAlarms.length}):`);
  for (const f of report.falseAlarms) out.push(`  ${f.level.padEnd(7)} ${f.file}  [${f.reasons.join(', ')}]`);
  return out.join('\n');
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((part / whole) * 100).toFixed(1)}%`;
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const render = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [render(head), ...rows.map(render)].join('\n');
}
