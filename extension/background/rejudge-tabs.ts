// After the policy or a feed changed, asks the webmail tabs to judge their open messages again, so a banner
// reflects the new feed without the reader re-opening the message.
import browser from 'webextension-polyfill';
import { CONTENT_SCRIPTS } from '../manifest.ts';
import type { ContentRequest } from '../lib/messages.ts';

export async function rejudgeOpenMessages(): Promise<void> {
  const tabs = await browser.tabs.query({ url: CONTENT_SCRIPTS.flatMap((c) => [...c.matches]) }).catch(() => []);
  const request: ContentRequest = { type: 'rejudge' };
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, request).catch(() => {}))));
}
