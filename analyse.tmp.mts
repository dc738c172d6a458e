import { readMessage } from '/work/main/cli/read-message.ts';
import { visibleParts } from '/work/main/shared/message-parts.ts';
import { extractPhones } from '/work/main/shared/phone/index.ts';
import { extractLure } from '/work/main/shared/lure/index.ts';
import { readManifest } from '/work/main/test/support/corpus.ts';
const rows = [];
for (const e of readManifest()) {
  if (!['toad','ham','phish'].includes(e.label)) continue;
  const m = await readMessage(e.path).catch(() => null); if (!m) continue;
  const parts = visibleParts(m);
  const { phones } = extractPhones(parts, { defaultRegion: 'US' });
  const lure = extractLure(parts, phones, {});
  const req = lure.callToAction.filter(c => c.phoneE164 && c.kind === 'request').length;
  const lab = lure.callToAction.filter(c => c.phoneE164 && c.kind === 'label').length;
  const brandParts = [...new Set(lure.brands.map(b => b.part))].join('+');
  const ctx = [...new Set(lure.contexts.map(c=>c.kind))].join(',');
  const trig = [...new Set(lure.triggers.map(c=>c.kind))].join(',');
  const len = parts.reduce((n,p)=>n+p.text.length,0);
  console.log([e.label, e.file.split('__')[1]?.slice(0,14), 'len='+len, 'ph='+phones.length, 'req='+req, 'lab='+lab, 'br='+[...new Set(lure.brands.map(b=>b.brand))].join(',')+'@'+brandParts, 'ctx='+ctx, 'trg='+trig, 'amt='+lure.amounts.length].join('\t'));
}
