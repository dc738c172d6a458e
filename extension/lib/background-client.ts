// Typed calls from content scripts and extension pages to the background worker.
import { browser } from './browser-api.ts';
import type { Answer, BackgroundRequest } from './messages.ts';

export async function ask<T>(request: BackgroundRequest): Promise<T> {
  const answer = (await browser.runtime.sendMessage(request)) as Answer<T> | undefined;
  if (!answer) throw new Error('Ringfence background did not answer');
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}
