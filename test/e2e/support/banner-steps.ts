// Records, inside the page, each state a message's banner goes through (level and the numbers it shows) with
// its time, from the moment the message's body appears: so a test can tell the text verdict from a later update
// and measure both. Works the same over puppeteer (Chromium or Firefox BiDi).
import type { Page } from 'puppeteer-core';

export interface BannerStep {
  /** 'opened' when the message body appeared, else the banner's data-level. */
  level: string;
  /** E.164 numbers the banner shows (data-e164 of its .number elements). */
  numbers: string[];
  /** performance.now() in the page. */
  at: number;
}

/** Starts recording into window.ringfenceBannerSteps; sampled every 20 ms (the banner's numbers are in its shadow root). */
export async function watchBanner(page: Page, bannerSelector: string, openedSelector: string): Promise<void> {
  await page.evaluate((banner: string, opened: string) => {
    const steps: { level: string; numbers: string[]; at: number }[] = [];
    (window as unknown as { ringfenceBannerSteps: typeof steps }).ringfenceBannerSteps = steps;
    let last = '';
    const timer = setInterval(() => {
      if (steps.length === 0) {
        if (document.querySelector(opened)) steps.push({ level: 'opened', numbers: [], at: performance.now() });
        else return;
      }
      const host = document.querySelector(banner);
      if (!host) return;
      const level = host.getAttribute('data-level') ?? '';
      const numbers = [...(host.shadowRoot?.querySelectorAll('section.banner .number[data-e164]') ?? [])].map((el) => el.getAttribute('data-e164') ?? '');
      const key = `${level} ${numbers.join(',')}`;
      if (key === last) return;
      last = key;
      steps.push({ level, numbers: [...new Set(numbers)], at: performance.now() });
      if (steps.length > 20) clearInterval(timer);
    }, 20);
  }, bannerSelector, openedSelector);
}
