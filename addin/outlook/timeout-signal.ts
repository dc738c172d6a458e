/** AbortSignal.timeout where the runtime has it (not every Outlook runtime does); a timer otherwise. */
export function timeoutSignal(ms: number): AbortSignal | undefined {
  if (typeof AbortSignal !== 'undefined' && typeof AbortSignal.timeout === 'function') return AbortSignal.timeout(ms);
  if (typeof AbortController === 'undefined') return undefined;
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error(`timed out after ${ms} ms`)), ms);
  return controller.signal;
}

/** Fetch init carrying a timeout signal, or nothing where the runtime cannot abort. */
export function withTimeout(ms: number): { signal?: AbortSignal } {
  const signal = timeoutSignal(ms);
  return signal ? { signal } : {};
}
