// The add-in pane remembers who the mailbox gets mail from (familiar senders), once per message.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseEml } from '../../shared/mime/parse-eml.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import { scan } from '../../shared/scan.ts';
import { openIdbSendersStore } from '../../shared/browser/idb-senders-store.ts';
import type { ScanContext } from '../../shared/types.ts';
import { runPane, type PaneDeps } from '../../addin/taskpane/run-pane.ts';
import { createFakeOffice } from './fake-office.ts';
import { fakeMessageFromEml } from './fixture-message.ts';

describe('pane and familiar senders', () => {
  it('passes the device\'s senders to scan and records the open message once, however often it is judged', async () => {
    const senders = await openIdbSendersStore({ name: `pane-senders-${process.pid}` });
    const message = fakeMessageFromEml();
    const office = createFakeOffice({ mailboxVersion: '1.14', message });
    const contexts: ScanContext[] = [];
    const deps: PaneDeps = {
      office,
      loadPolicy: async () => ({ policy: mergePolicy({}, {}), reportMove: { to: 'junk' }, source: 'hosted', problems: [] }),
      parseEml,
      scan: async (m, context) => {
        contexts.push(context);
        return scan(m, context);
      },
      openSenders: async () => senders,
      render: () => {},
      now: () => new Date('2026-03-10T12:00:00Z'),
      version: '0.1.0',
    };
    const pane = await runPane(deps);
    await pane.rescan();
    expect(contexts.length).toBeGreaterThanOrEqual(2);
    expect(contexts.every((c) => c.senders !== undefined)).toBe(true);
    const from = message.from!.emailAddress.toLowerCase();
    expect(await senders.get(`address:${from}`)).toMatchObject({ days: ['2026-03-10'], messages: 1 });
    await pane.stop();
    senders.close();
  });
});
