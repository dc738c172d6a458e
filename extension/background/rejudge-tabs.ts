// After the policy or a feed changed, asks the webmail tabs to judge their open messages again, so a banner
// reflects the new feed without the reader re-opening the message.
// Every tab is asked: matching tabs by URL needs host access to the webmail sites, which the extension does not
// ask for (its content scripts are enough), and a tab without Ringfence's content script simply does not answer.
import browser from 'webextension-polyfill';
import type { ContentRequest } from '../lib/messages.ts';

export async function rejudgeOpenMessages(): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  const request: ContentRequest = { type: 'rejudge' };
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, request).catch(() => {}))));
}
