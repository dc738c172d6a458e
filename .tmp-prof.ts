import { extractPhones } from './shared/phone/index.ts';
const MB = 1 << 20;
const name = process.argv[2]!;
const unit = JSON.parse('"' + name + '"');
const text = unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
for (let r = 0; r < 4; r++) { const t0 = performance.now(); const x = extractPhones([{ id: 'x', text }]); console.log(name, (performance.now() - t0).toFixed(0), x.phones.length, x.placeholders.length); }
