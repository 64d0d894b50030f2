// The care snapshot selects candidates by their indexed fields and brings the rows the rules need
// for exactly those clients.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../src/adapters/store/index.js';
import type { CareSnapshotQuery } from '../../../src/core/ports/care-snapshot.js';
import type { WorkspaceStore } from '../../../src/core/ports/store.js';
import { forEachDatabase } from '../../support/databases.js';
import { days, newClient, newFollowUp, newInteraction } from './fixtures.js';

const NOW = new Date('2026-12-28T09:00:00.000Z');
const ago = (n: number) => days(-n, NOW);
const query: CareSnapshotQuery = {
  now: NOW,
  dateWindow: { from: { month: 12, day: 28 }, to: { month: 1, day: 4 } },
  quietBefore: ago(14),
  gestureBefore: ago(120),
  adviceBefore: ago(90),
  moodSince: ago(60),
  giftsSince: ago(365),
  outreachAtLeast: 3,
};

forEachDatabase((database) => {
  let opened: OpenedStore;
  let ws: WorkspaceStore;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    opened = await openStore({ databaseUrl: database.url });
    const w = await opened.store.ensureWorkspace({ platform: 'console', externalId: 'local', name: 'Local' });
    ws = opened.store.workspace(w.id);
    const owner = await ws.ensureMember('U1', 'Ann');
    const other = await opened.store.ensureWorkspace({ platform: 'console', externalId: 'other', name: 'Other' });
    await opened.store.workspace(other.id).createClient(newClient('Foreign'));

    const make = async (name: string, touch: { i?: number; g?: number; a?: number }, tier: 'top' | 'standard' = 'standard') => {
      const c = await ws.createClient(newClient(name, { tier, ownerId: name === 'Quiet' ? owner.id : null }));
      await ws.touchClient(c.id, {
        ...(touch.i === undefined ? {} : { lastInteractionAt: ago(touch.i) }),
        ...(touch.g === undefined ? {} : { lastGestureAt: ago(touch.g) }),
        ...(touch.a === undefined ? {} : { lastAdviceAt: ago(touch.a) }),
      });
      ids[name] = c.id;
      return c.id;
    };
    const quiet = await make('Quiet', { i: 30, g: 10 });
    await make('Fresh', { i: 2, g: 10 });
    await make('NoGift', { i: 2, g: 200 });
    await make('TopAdvice', { i: 2, g: 10, a: 100 }, 'top');
    await make('TopAdvised', { i: 2, g: 10, a: 10 }, 'top');
    const birthday = await make('NewYearBirthday', { i: 2, g: 10 });
    const summer = await make('SummerBirthday', { i: 2, g: 10 });
    const complaint = await make('Complaint', { i: 1, g: 10 });
    const angry = await make('Angry', { i: 1, g: 10 });
    const closed = await make('ClosedFollowUp', { i: 1, g: 10 });

    await ws.addDate({ clientId: birthday, familyMemberId: null, kind: 'birthday', label: null, month: 1, day: 2, year: null });
    await ws.addDate({ clientId: quiet, familyMemberId: null, kind: 'client-since', label: null, month: 12, day: 30, year: 2020 });
    await ws.addDate({ clientId: summer, familyMemberId: null, kind: 'birthday', label: null, month: 7, day: 1, year: null });
    await ws.openFollowUp(newFollowUp(complaint, { kind: 'complaint' }));
    const done = await ws.openFollowUp(newFollowUp(closed));
    await ws.updateFollowUp(done.id, { state: 'done', closedAt: ago(1) });
    await ws.recordInteraction(newInteraction(angry, { mood: 'angry', occurredAt: ago(3) }));
    await ws.recordInteraction(newInteraction(angry, { mood: 'rude', occurredAt: ago(100) }));
    await ws.recordInteraction(newInteraction(angry, { occurredAt: ago(1), summary: 'latest' }));
    await ws.recordInteraction(newInteraction(quiet, { occurredAt: ago(30), summary: 'last call' }));
    await ws.recordInteraction(newInteraction(quiet, { occurredAt: ago(40), summary: 'older call' }));
    await ws.addLike({ clientId: quiet, category: 'coffee', value: 'espresso' });
    await ws.addLike({ clientId: summer, category: 'wine', value: 'rioja' });
    await ws.addFamilyMember({ clientId: birthday, relation: 'spouse', name: 'Sam' });
    await ws.addContact({ clientId: quiet, name: 'Quinn', role: null, phone: null, emails: [] });
    await ws.recordGift({ clientId: quiet, description: 'recent book', occasion: null, givenAt: ago(10), loggedById: null });
    await ws.recordGift({ clientId: quiet, description: 'old mug', occasion: null, givenAt: ago(400), loggedById: null });
    await ws.saveNudgeAck({ nudgeId: 'recent', action: 'done', until: null, actorId: null, at: ago(30) });
    await ws.saveNudgeAck({ nudgeId: 'snoozed-long', action: 'snoozed', until: days(10, NOW), actorId: null, at: ago(500) });
    await ws.saveNudgeAck({ nudgeId: 'ancient', action: 'done', until: null, actorId: null, at: ago(500) });
  });
  afterAll(async () => {
    await opened.close();
  });

  it('selects candidates and the clients referenced by due items, not the recently contacted', async () => {
    const snap = await ws.careSnapshot(query);
    const names = snap.clients.map((c) => c.name).sort();
    expect(names).toEqual(['Angry', 'Complaint', 'NewYearBirthday', 'NoGift', 'Quiet', 'TopAdvice']);
    expect(snap.workspace.id).toBe(ws.workspaceId);
    expect(snap.members.map((m) => m.displayName)).toEqual(['Ann']);
  });

  it('reads dates in a window that wraps the year end', async () => {
    const snap = await ws.careSnapshot(query);
    expect(snap.upcomingDates.map((d) => `${d.month}-${d.day}`).sort()).toEqual(['1-2', '12-30']);
    const july = await ws.careSnapshot({ ...query, dateWindow: { from: { month: 6, day: 25 }, to: { month: 7, day: 2 } } });
    expect(july.upcomingDates.map((d) => d.clientId)).toEqual([ids.SummerBirthday]);
    expect(july.clients.map((c) => c.name)).toContain('SummerBirthday');
  });

  it('brings open follow-ups, recent moods, recent gifts, latest interactions, details and acks', async () => {
    const snap = await ws.careSnapshot(query);
    expect(snap.openFollowUps.map((f) => f.clientId)).toEqual([ids.Complaint]);
    expect(snap.moodInteractions.map((i) => i.mood)).toEqual(['angry']);
    expect(snap.recentGifts.map((g) => g.description)).toEqual(['recent book']);
    const latest = Object.fromEntries(snap.lastInteractions.map((i) => [i.clientId, i.summary]));
    expect(latest).toEqual({ [ids.Angry as string]: 'latest', [ids.Quiet as string]: 'last call' });
    expect(snap.likes.map((l) => l.value)).toEqual(['espresso']);
    expect(snap.family.map((f) => f.name)).toEqual(['Sam']);
    expect(snap.contacts.map((c) => c.name)).toEqual(['Quinn']);
    expect(snap.acks.map((a) => a.nudgeId).sort()).toEqual(['recent', 'snoozed-long']);
  });

  // Runs last: it adds clients that the earlier selections would otherwise see.
  it('selects one-sided candidates by counting outreach in the window, with what came back', async () => {
    const make = async (name: string) => (await ws.createClient(newClient(name))).id;
    const unanswered = await make('Unanswered');
    const answered = await make('Answered');
    for (const d of [5, 20, 40]) await ws.recordInteraction(newInteraction(unanswered, { occurredAt: ago(d) }));
    await ws.recordInteraction(newInteraction(unanswered, { occurredAt: ago(70), direction: 'in' }));
    for (const d of [5, 20, 40]) await ws.recordInteraction(newInteraction(answered, { occurredAt: ago(d) }));
    await ws.recordInteraction(newInteraction(answered, { occurredAt: ago(10), direction: 'in', kind: 'email-in' }));
    const snap = await ws.careSnapshot(query);
    const byName = (id: string) => snap.exchanges.find((e) => e.clientId === id);
    expect(byName(unanswered)).toEqual({ clientId: unanswered, inbound: 0, outbound: 3, lastOutboundAt: ago(5) });
    expect(byName(answered)).toMatchObject({ inbound: 1, outbound: 3 });
    expect(snap.exchanges.map((e) => e.clientId).sort()).toEqual([unanswered, answered].sort());
    expect(snap.clients.map((c) => c.name)).toEqual(expect.arrayContaining(['Unanswered', 'Answered']));
  });

  // Runs after the others: it adds clients.
  it('brings the client-since dates that can start the surprise clock of clients never given anything', async () => {
    const make = async (name: string, gestureAgo: number | null) => {
      const c = await ws.createClient(newClient(name, { createdAt: ago(1) }));
      await ws.touchClient(c.id, { lastInteractionAt: ago(1), ...(gestureAgo === null ? {} : { lastGestureAt: ago(gestureAgo) }) });
      return c.id;
    };
    const longTime = await make('LongTime', null);
    const gifted = await make('LongTimeGifted', 10);
    const noYear = await make('NoYearSince', null);
    const thisYear = await make('SinceNextYear', null);
    const since = (clientId: string, year: number | null) => ws.addDate({ clientId, familyMemberId: null, kind: 'client-since', label: null, month: 5, day: 1, year });
    await since(longTime, 2019);
    await since(gifted, 2019);
    await since(noYear, null);
    await since(thisYear, 2027);
    await ws.addDate({ clientId: longTime, familyMemberId: null, kind: 'birthday', label: null, month: 5, day: 1, year: 1980 });
    const snap = await ws.careSnapshot(query);
    expect(snap.clientSince.map((d) => [d.clientId, d.kind, d.year])).toEqual([[longTime, 'client-since', 2019]]);
    expect(snap.clients.map((c) => c.name)).toContain('LongTime');
  });
});
