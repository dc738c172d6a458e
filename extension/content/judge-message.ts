// Judges one opened message: first on what the page shows (fast), then once more if the webmail serves the
// headers. Each result goes to every subscriber (a message re-rendered by the webmail keeps its verdict).
import type { MailMessage } from '../../shared/types.ts';
import { ask } from '../lib/background-client.ts';
import type { ScanResponse } from '../lib/messages.ts';
import type { OpenedMessage, WebmailProvider } from './registry.ts';

export interface Judged {
  response: ScanResponse;
  message: MailMessage;
}

export class MessageJudgement {
  latest: Judged | undefined;
  private readonly listeners = new Set<(judged: Judged) => void>();

  constructor(provider: WebmailProvider, opened: OpenedMessage, signal: AbortSignal) {
    void this.run(provider, opened, signal).catch((error: unknown) => {
      if (!signal.aborted) console.warn(`Ringfence: could not check this message: ${(error as Error).message}`);
    });
  }

  subscribe(listener: (judged: Judged) => void): void {
    this.listeners.add(listener);
    if (this.latest) listener(this.latest);
  }

  private publish(judged: Judged): void {
    this.latest = judged;
    for (const listener of this.listeners) listener(judged);
  }

  private async run(provider: WebmailProvider, opened: OpenedMessage, signal: AbortSignal): Promise<void> {
    const message = await provider.readMessage(opened, signal);
    const withHeaders = provider.addHeaders?.(opened, message, signal).catch(() => null);
    const first = await scanIn(provider, message);
    if (signal.aborted) return;
    this.publish({ response: first, message });
    const enriched = await withHeaders;
    if (!enriched || signal.aborted) return;
    const second = await scanIn(provider, enriched);
    if (signal.aborted) return;
    // Same verdict: keep the banner (and any open details) as it is, but report with the fuller identity.
    if (sameVerdict(first, second)) this.latest = { response: first, message: enriched };
    else this.publish({ response: second, message: enriched });
  }
}

function scanIn(provider: WebmailProvider, message: MailMessage): Promise<ScanResponse> {
  return ask<ScanResponse>({ type: 'scan', surface: provider.id, message });
}

function sameVerdict(a: ScanResponse, b: ScanResponse): boolean {
  return a.show === b.show && JSON.stringify(a.verdict) === JSON.stringify(b.verdict);
}
