// Where the JS-only runtime (classic Outlook on Windows, no IndexedDB) leaves a report it could not deliver,
// or could not deliver yet because the policy was unreachable: the add-in's roaming settings. A runtime with
// IndexedDB that can read the policy later releases them into its outbox (release-parked.ts).
import type { ReportPayload } from '../../shared/report/report-payload.ts';
import { officeCall } from '../outlook/office-async.ts';
import type { OfficeLike } from '../outlook/office-like.ts';

export const PARKED_KEY = 'ringfence-parked-reports';
/** Roaming settings hold 32 KB in all; reports are parked without their .eml and at most this many. */
export const PARKED_MAX = 20;

/** Parks a report without its .eml. Throws when the settings are missing, full or cannot be saved: nothing is dropped. */
export async function parkReport(office: OfficeLike, payload: ReportPayload): Promise<void> {
  const settings = office.context.mailbox.roamingSettings;
  if (!settings) throw new Error('roaming settings are not available');
  const { eml: _eml, ...light } = payload as ReportPayload & { eml?: unknown };
  const parked = readParked(settings.get(PARKED_KEY)).filter((p) => p.id !== payload.id);
  if (parked.length >= PARKED_MAX) throw new Error(`${PARKED_MAX} reports are already waiting to be sent`);
  parked.push({ ...light, ...(_eml ? { emlOmitted: 'unavailable' } : {}) } as ReportPayload);
  settings.set(PARKED_KEY, parked);
  await officeCall<void>(office, 'roamingSettings.saveAsync', (cb) => settings.saveAsync(cb));
}

/** The parked reports, and a function that forgets those (and only those) once they are safely queued elsewhere. */
export function parkedReports(office: OfficeLike): { reports: ReportPayload[]; forget(ids?: string[]): Promise<void> } {
  const settings = office.context.mailbox.roamingSettings;
  const reports = settings ? readParked(settings.get(PARKED_KEY)) : [];
  return {
    reports,
    async forget(ids = reports.map((r) => r.id)) {
      if (!settings || ids.length === 0) return;
      const gone = new Set(ids);
      // Re-read: a report parked since `reports` was read stays.
      const left = readParked(settings.get(PARKED_KEY)).filter((p) => !gone.has(p.id));
      if (left.length) settings.set(PARKED_KEY, left);
      else settings.remove(PARKED_KEY);
      await officeCall<void>(office, 'roamingSettings.saveAsync', (cb) => settings.saveAsync(cb));
    },
  };
}

function readParked(value: unknown): ReportPayload[] {
  return Array.isArray(value) ? value.filter((p): p is ReportPayload => typeof p === 'object' && p !== null && typeof (p as ReportPayload).id === 'string') : [];
}

/** The roaming settings as a source release-parked.ts reads from. */
export function roamingParkedSource(office: OfficeLike): { list(): Promise<ReportPayload[]>; remove(ids: string[]): Promise<void> } {
  return {
    list: async () => parkedReports(office).reports,
    remove: (ids) => parkedReports(office).forget(ids),
  };
}
