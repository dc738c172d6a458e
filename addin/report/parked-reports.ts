// Where the JS-only runtime (classic Outlook on Windows, no IndexedDB) leaves a report it could not deliver:
// the add-in's roaming settings, which the task pane reads on its next open and moves into its outbox.
import type { ReportPayload } from '../../shared/report/report-payload.ts';
import { officeCall } from '../outlook/office-async.ts';
import type { OfficeLike } from '../outlook/office-like.ts';

export const PARKED_KEY = 'ringfence-parked-reports';
/** Roaming settings hold 32 KB in all; reports are parked without their .eml and at most this many. */
export const PARKED_MAX = 20;

export async function parkReport(office: OfficeLike, payload: ReportPayload): Promise<void> {
  const settings = office.context.mailbox.roamingSettings;
  if (!settings) throw new Error('roaming settings are not available');
  const { eml: _eml, ...light } = payload as ReportPayload & { eml?: unknown };
  const parked = readParked(settings.get(PARKED_KEY)).filter((p) => p.id !== payload.id);
  parked.push({ ...light, ...(_eml ? { emlOmitted: 'unavailable' } : {}) } as ReportPayload);
  settings.set(PARKED_KEY, parked.slice(-PARKED_MAX));
  await officeCall<void>(office, 'roamingSettings.saveAsync', (cb) => settings.saveAsync(cb));
}

/** Returns the parked reports and a function that forgets them once they are safely queued elsewhere. */
export function parkedReports(office: OfficeLike): { reports: ReportPayload[]; forget(): Promise<void> } {
  const settings = office.context.mailbox.roamingSettings;
  const reports = settings ? readParked(settings.get(PARKED_KEY)) : [];
  return {
    reports,
    async forget() {
      if (!settings || reports.length === 0) return;
      settings.remove(PARKED_KEY);
      await officeCall<void>(office, 'roamingSettings.saveAsync', (cb) => settings.saveAsync(cb));
    },
  };
}

function readParked(value: unknown): ReportPayload[] {
  return Array.isArray(value) ? value.filter((p): p is ReportPayload => typeof p === 'object' && p !== null && typeof (p as ReportPayload).id === 'string') : [];
}
