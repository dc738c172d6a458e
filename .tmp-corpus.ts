import { readFileSync } from 'node:fs';
import { parseEml } from './shared/mime/parse-eml.ts';
import { visibleParts } from './shared/message-parts.ts';
import { extractPhones } from './shared/phone/index.ts';
import { readManifest } from './test/phone/corpus-manifest.ts';
const rows = readManifest()!;
const stats: Record<string, { exp: number; found: number; junk: number; files: number }> = {};
const verbose = process.argv[2];
let ms = 0;
for (const row of rows) {
  const bytes = readFileSync('/work/shared/corpus/' + row.file);
  let parts;
  try { parts = visibleParts(await parseEml(bytes)); } catch (e) { console.log('PARSE FAIL', row.file, String(e)); continue; }
  const t0 = performance.now();
  const r = extractPhones(parts);
  ms += performance.now() - t0;
  const got = new Set(r.phones.map((p) => p.e164));
  const s = (stats[row.label] ??= { exp: 0, found: 0, junk: 0, files: 0 });
  s.files++;
  const onlyAttachment = /phone in: (pdf|ocr)/.test(row.notes) && !/phone in: body/.test(row.notes);
  for (const e of row.phones) {
    if (onlyAttachment) continue;
    s.exp++;
    if (got.has(e)) s.found++;
    else if (verbose === 'miss' || verbose === 'all') console.log('MISS', row.label, row.file, e, row.notes.slice(0, 200));
  }
  for (const p of r.phones) {
    if (!row.phones.includes(p.e164)) {
      s.junk++;
      if (verbose === 'junk' || verbose === 'all') console.log('EXTRA', row.label, row.file, p.e164, JSON.stringify(p.raw), p.part, JSON.stringify(parts.find(x=>x.id===p.part)!.text.slice(Math.max(0,p.start-60), p.end+20)));
    }
  }
  if (verbose === 'ph') for (const p of r.placeholders) console.log('PH', row.label, row.file, p.kind, JSON.stringify(p.raw));
}
console.log(stats, 'extract ms', ms.toFixed(0));
