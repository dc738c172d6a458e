// Runs analyseSaas on a fixture the way scan() does: the product's phone extractor over the visible text.
import { analyseSaas } from '../../../shared/saas/index.ts';
import type { SaasFinding } from '../../../shared/saas/index.ts';
import type { Level, MailMessage, Policy } from '../../../shared/types.ts';
import { LEVELS } from '../../../shared/types.ts';
import { loadMessage, phonesOf } from './load-message.ts';
import { fixture } from './mail.ts';

export async function judgeFixture(name: string, policy: Policy = {}, edit?: (m: MailMessage) => void): Promise<SaasFinding | undefined> {
  const message = await loadMessage(fixture(name));
  edit?.(message);
  return analyseSaas(message, policy, await phonesOf(message));
}

export function topLevel(finding: SaasFinding | undefined): Level {
  let best: Level = 'none';
  for (const r of finding?.reasons ?? []) if (LEVELS.indexOf(r.level) > LEVELS.indexOf(best)) best = r.level;
  return best;
}

export const codes = (finding: SaasFinding | undefined) => (finding?.reasons ?? []).map((r) => `${r.code}:${r.level}`);
