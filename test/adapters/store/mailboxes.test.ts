// The Mailboxes port on both databases: where reading stopped moves forward only, a new UIDVALIDITY
// starts over, failures count up until a sync, and the failure notice is claimed once.
import { expect, it } from 'vitest';
import { forEachDatabase } from '../../support/databases.js';
import { useHarness } from '../../support/core-harness.js';

const T = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00Z`);

forEachDatabase((db) => {
  const h = useHarness(db, { workspaceName: 'mailboxes' });
  const port = () => h.opened.store.mailboxes;

  it('ensure creates one row per address, lower-cased, and finds it again', async () => {
    const a = await port().ensure({ workspaceId: h.workspace.id, address: 'Support@Team.example', host: 'imap.team.example' });
    const b = await port().ensure({ workspaceId: h.workspace.id, address: 'support@team.example', host: 'imap.team.example' });
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ address: 'support@team.example', connected: false, failures: 0, cursors: { inbox: null, sent: null } });
  });

  it('a cursor moves forward only, per folder; a new UIDVALIDITY replaces it', async () => {
    const { id } = await port().ensure({ workspaceId: h.workspace.id, address: 'cursor@team.example', host: 'imap.team.example' });
    await port().saveCursor(id, 'inbox', { uidValidity: '7', lastUid: 10 });
    await port().saveCursor(id, 'inbox', { uidValidity: '7', lastUid: 4 });
    await port().saveCursor(id, 'sent', { uidValidity: '9', lastUid: 3 });
    expect((await port().get(id))!.cursors).toEqual({ inbox: { uidValidity: '7', lastUid: 10 }, sent: { uidValidity: '9', lastUid: 3 } });
    await port().saveCursor(id, 'inbox', { uidValidity: '8', lastUid: 2 });
    expect((await port().get(id))!.cursors.inbox).toEqual({ uidValidity: '8', lastUid: 2 });
  });

  it('the same address on another server starts reading afresh', async () => {
    const { id } = await port().ensure({ workspaceId: h.workspace.id, address: 'moved@team.example', host: 'old.example' });
    await port().saveCursor(id, 'inbox', { uidValidity: '1', lastUid: 50 });
    const moved = await port().ensure({ workspaceId: h.workspace.id, address: 'moved@team.example', host: 'new.example' });
    expect(moved).toMatchObject({ id, host: 'new.example', cursors: { inbox: null, sent: null } });
  });

  it('failures count up from the first one, the notice is claimed once, and a sync clears it all', async () => {
    const { id } = await port().ensure({ workspaceId: h.workspace.id, address: 'failing@team.example', host: 'imap.team.example' });
    await port().failed(id, 'connection refused', T('09:00'));
    const second = await port().failed(id, 'login refused', T('09:05'));
    expect(second).toMatchObject({ failures: 2, lastError: 'login refused', failingSince: T('09:00'), connected: false });
    expect(await port().noticeSent(id, T('09:06'))).toBe(true);
    expect(await port().noticeSent(id, T('09:07'))).toBe(false);
    await port().synced(id, T('10:00'));
    expect(await port().get(id)).toMatchObject({ connected: true, checkedAt: T('10:00'), failures: 0, lastError: null, failingSince: null, noticeSentAt: null });
    await port().disconnected(id);
    expect((await port().get(id))!.connected).toBe(false);
  });

  it('the workspace store lists only its own mailboxes', async () => {
    const other = await h.opened.store.ensureWorkspace({ platform: 'console', externalId: 'elsewhere', name: 'Elsewhere' });
    await port().ensure({ workspaceId: other.id, address: 'theirs@other.example', host: 'imap.other.example' });
    const mine = await h.opened.store.workspace(h.workspace.id).mailboxStates();
    expect(mine.map((m) => m.address)).toEqual(['cursor@team.example', 'failing@team.example', 'moved@team.example', 'support@team.example']);
  });
});
