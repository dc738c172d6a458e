import { readFileSync } from 'node:fs';
import { parseEml } from './shared/mime/parse-eml.ts';
import { visibleParts } from './shared/message-parts.ts';
const [file, needle] = process.argv.slice(2);
const parts = visibleParts(await parseEml(readFileSync('/work/shared/corpus/' + file)));
for (const p of parts) { let i = p.text.indexOf(needle!); while (i >= 0) { console.log(p.id, JSON.stringify(p.text.slice(Math.max(0, i - 120), i + 60))); i = p.text.indexOf(needle!, i + 1); } }
