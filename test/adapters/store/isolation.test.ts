// Workspace isolation: every WorkspaceStore method called on A with B's ids neither reads nor
// changes B's data.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../src/adapters/store/index.js';
import type { WorkspaceStore } from '../../../src/core/ports/store.js';
import { forEachDatabase } from '../../support/databases.js';
import { days, newClient, newFollowUp, newInteraction, seedFullClient, T0 } from './fixtures.js';

forEachDatabase((database) => {
  let opened: OpenedStore;
  let a: WorkspaceStore;
  let b: WorkspaceStore;
  let bSeed: Awaited<ReturnType<typeof seedFullClient>>;

  beforeAll(async () => {
    opened = await openStore({ databaseUrl: database.url });
    const wa = await opened.store.ensureWorkspace({ platform: 'slack', externalId: 'TA', name: 'A' });
    const wb = await opened.store.ensureWorkspace({ platform: 'slack', externalId: 'TB', name: 'B' });
    a = opened.store.workspace(wa.id);
    b = opened.store.workspace(wb.id);
    await seedFullClient(a, 'Alpha');
    bSeed = await seedFullClient(b, 'Beta');
    await b.saveNudgeAck({ nudgeId: 'n-b', action: 'done', until: null, actorId: null, at: T0 });
    await b.setCalendarFeed('b'.repeat(64), T0);
  });
  afterAll(async () => {
    await opened.close();
  });

  async function bSnapshot() {
    return {
      profile: await b.getProfile(bSeed.client.id),
      directory: await b.clientDirectory(),
      followUps: await b.listOpenFollowUps(),
      acks: await b.getNudgeAcks(['n-b']),
      members: await b.getMembers([bSeed.member.id]),
      workspace: await b.getWorkspace(),
      calendarFeed: await b.calendarFeed(),
    };
  }

  it('reads nothing of B through A', async () => {
    const { client, member, followUp, contact } = bSeed;
    expect(await a.getClient(client.id)).toBeNull();
    expect(await a.getProfile(client.id)).toBeNull();
    expect(await a.getFollowUp(followUp.id)).toBeNull();
    expect(await a.getMembers([member.id])).toEqual([]);
    expect(await a.findMember(member.platformUserId)).toBeNull();
    expect(await a.findContactByEmail(contact.emails[0] ?? '')).toBeNull();
    expect(await a.findInteractionByRef('ref-Beta')).toBeNull();
    expect(await a.getNudgeAcks(['n-b'])).toEqual([]);
    expect(await a.listOpenFollowUps(client.id)).toEqual([]);
    expect((await a.clientDirectory()).map((c) => c.name)).toEqual(['Alpha']);
    expect((await a.listClients()).map((c) => c.name)).toEqual(['Alpha']);
    expect((await a.listClients({ ownerId: member.id }))).toEqual([]);
    expect((await a.calendarDates(100)).map((d) => d.clientName)).not.toContain('Beta');
  });

  it('changes nothing of B through A', async () => {
    const before = await bSnapshot();
    const { client, member, followUp, family, interaction } = bSeed;
    const cid = client.id;
    const attempts: [string, () => Promise<unknown>][] = [
      ['updateClient', () => a.updateClient(cid, { name: 'Hijacked', addAliases: [{ alias: 'x', normalized: 'x' }] })],
      ['updateFollowUp', () => a.updateFollowUp(followUp.id, { state: 'done', closedAt: T0 })],
      ['addNote', () => a.addNote({ clientId: cid, authorId: null, text: 'sneaky', createdAt: T0 })],
      ['addContact', () => a.addContact({ clientId: cid, name: 'x', role: null, phone: null, emails: ['x@example.com'] })],
      ['addFamilyMember', () => a.addFamilyMember({ clientId: cid, relation: 'son', name: 'x' })],
      ['addLike', () => a.addLike({ clientId: cid, category: 'wine', value: 'x' })],
      ['addDate', () => a.addDate({ clientId: cid, familyMemberId: null, kind: 'birthday', label: null, month: 1, day: 1, year: null })],
      ['recordInteraction', () => a.recordInteraction(newInteraction(cid))],
      ['recordGift', () => a.recordGift({ clientId: cid, description: 'x', occasion: null, givenAt: T0, loggedById: null })],
      ['openFollowUp', () => a.openFollowUp(newFollowUp(cid))],
    ];
    for (const [name, attempt] of attempts) await expect(attempt(), name).rejects.toThrow(/not in this workspace/);

    // Ids of B passed as references from A's own clients are refused too.
    const own = await a.createClient(newClient('Own'));
    await expect(a.createClient(newClient('Owned', { ownerId: member.id }))).rejects.toThrow(/not in this workspace/);
    await expect(a.addNote({ clientId: own.id, authorId: member.id, text: 'x', createdAt: T0 })).rejects.toThrow(/not in this workspace/);
    await expect(a.addDate({ clientId: own.id, familyMemberId: family.id, kind: 'birthday', label: null, month: 1, day: 1, year: null })).rejects.toThrow(/not in this workspace/);
    await expect(a.openFollowUp(newFollowUp(own.id, { interactionId: interaction.id }))).rejects.toThrow(/not in this workspace/);

    // Writes that silently match nothing.
    await a.touchClient(cid, { lastInteractionAt: days(100), lastGestureAt: days(100), lastAdviceAt: days(100) });
    expect(await a.closeFollowUps({ clientId: cid, ids: [followUp.id], closedAt: T0, closedById: null })).toBe(0);
    await a.forgetClient(cid);
    // An ack with the same nudge id in A is A's own row.
    await a.saveNudgeAck({ nudgeId: 'n-b', action: 'snoozed', until: days(1), actorId: null, at: days(1) });
    // A's own feed, set and turned off, is A's row only.
    await a.setCalendarFeed('a'.repeat(64), T0);
    await a.setCalendarFeed(null, T0);

    expect(await bSnapshot()).toEqual(before);
  });
});
