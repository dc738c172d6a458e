import { readMessage } from '/work/main/cli/read-message.ts';
import { countSplitWords } from '/work/main/shared/verdict/word-splitting.ts';
import { readManifest } from '/work/main/test/support/corpus.ts';
for (const e of readManifest()) {
  const m = await readMessage(e.path).catch(() => null); if (!m) continue;
  const n = countSplitWords(m.subject + '\n' + m.text + m.parts.map(p => p.text).join('\n'));
  if (n > 0) console.log(e.label, e.file, n);
}
