// Turns office.js callback APIs into promises that reject with a clear error and never hang.
import type { OfficeLike } from './office-like.ts';

export class OfficeApiError extends Error {
  constructor(
    readonly api: string,
    message: string,
    readonly code?: number | string,
  ) {
    super(`${api} failed: ${message}`);
    this.name = 'OfficeApiError';
  }
}

export const DEFAULT_OFFICE_TIMEOUT_MS = 30_000;

/** Calls `start(callback)` and settles with the AsyncResult's value or an OfficeApiError. */
export function officeCall<T>(
  office: OfficeLike,
  api: string,
  start: (callback: (result: Office.AsyncResult<T>) => void) => void,
  timeoutMs = DEFAULT_OFFICE_TIMEOUT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new OfficeApiError(api, `no answer within ${timeoutMs} ms`)), timeoutMs);
    const settle = (result: Office.AsyncResult<T> | undefined) => {
      clearTimeout(timer);
      if (!result) reject(new OfficeApiError(api, 'no result'));
      else if (result.status === office.AsyncResultStatus.Failed) {
        reject(new OfficeApiError(api, result.error?.message || result.error?.name || 'unknown error', result.error?.code));
      } else resolve(result.value);
    };
    try {
      start(settle);
    } catch (error) {
      clearTimeout(timer);
      reject(new OfficeApiError(api, (error as Error).message ?? String(error)));
    }
  });
}
