// Reports the Report button saved while the policy could not be read (so neither the endpoint nor whether the
// .eml goes along was known): kept whole, .eml included, in IndexedDB of the add-in's origin, on this machine
// only, until a runtime that can read the policy releases them into the outbox (release-parked.ts).
import { openDB } from 'idb';
import type { ReportPayload } from '../../shared/report/report-payload.ts';

export const PARKED_DB = 'ringfence-parked';
/** More than this many waiting reports is refused (the message then stays where it is): nothing is dropped. */
export const PARKED_STORE_MAX = 50;

export interface ParkedStore {
  /** Keeps a report; throws when the store is full or cannot be written. */
  put(report: ReportPayload): Promise<void>;
  list(): Promise<ReportPayload[]>;
  remove(ids: string[]): Promise<void>;
  close(): void;
}

export async function openParkedStore(name = PARKED_DB): Promise<ParkedStore> {
  const db = await openDB(name, 1, {
    upgrade(database) {
      database.createObjectStore('reports', { keyPath: 'id' });
    },
  });
  return {
    async put(report) {
      const tx = db.transaction('reports', 'readwrite');
      const exists = (await tx.store.getKey(report.id)) !== undefined;
      if (!exists && (await tx.store.count()) >= PARKED_STORE_MAX) {
        tx.abort();
        await tx.done.catch(() => {});
        throw new Error(`${PARKED_STORE_MAX} reports are already waiting to be sent`);
      }
      await tx.store.put(report);
      await tx.done;
    },
    list: () => db.getAll('reports') as Promise<ReportPayload[]>,
    async remove(ids) {
      const tx = db.transaction('reports', 'readwrite');
      await Promise.all(ids.map((id) => tx.store.delete(id)));
      await tx.done;
    },
    close: () => db.close(),
  };
}
