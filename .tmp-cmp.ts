import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import { extractPhones } from './shared/phone/index.ts';
const MB = 1 << 20;
const unit = JSON.parse('"' + process.argv[2] + '"');
const text = unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
for (let r = 0; r < 3; r++) {
  let c0 = process.cpuUsage(); let t0 = performance.now(); const a = extractPhones([{ id: 'x', text }]); const ta = performance.now() - t0; const ca = process.cpuUsage(c0);
  c0 = process.cpuUsage(); t0 = performance.now(); const b = findPhoneNumbersInText(text, 'US'); const tb = performance.now() - t0; const cb = process.cpuUsage(c0);
  console.log('ours', ta.toFixed(0), 'cpu', ((ca.user + ca.system) / 1000).toFixed(0), a.phones.length, '| lib', tb.toFixed(0), 'cpu', ((cb.user + cb.system) / 1000).toFixed(0), b.length);
}
