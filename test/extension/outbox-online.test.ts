// @vitest-environment happy-dom
// Back online, waiting reports are retried at once rather than when their back-off runs out.
import { describe, expect, it, vi } from 'vitest';
import { onBackOnline } from '../../shared/browser/outbox.ts';

describe('onBackOnline', () => {
  it('runs on each "online" event until stopped', () => {
    const run = vi.fn();
    const stop = onBackOnline(run);
    globalThis.dispatchEvent(new Event('online'));
    globalThis.dispatchEvent(new Event('offline'));
    expect(run).toHaveBeenCalledTimes(1);
    stop();
    globalThis.dispatchEvent(new Event('online'));
    expect(run).toHaveBeenCalledTimes(1);
  });
});
