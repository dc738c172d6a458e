import { extractPhones } from './shared/phone/index.ts';
import { mailLikeText } from './test/phone/mail-like-text.ts';
const { text } = mailLikeText(1 << 20);
for (let r = 0; r < 8; r++) { const c0 = process.cpuUsage(); const t0 = performance.now(); extractPhones([{ id: 'body', text }]); const c = process.cpuUsage(c0); console.log((performance.now() - t0).toFixed(0), 'cpu', ((c.user + c.system) / 1000).toFixed(0)); }
