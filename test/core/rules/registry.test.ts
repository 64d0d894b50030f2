import { describe, expect, it } from 'vitest';
import { careQuery, careRules, isSilenced, runRules } from '../../../src/core/rules/index.js';
import { DEFAULT_POLICY } from '../../../src/core/model/index.js';
import { at, client, followUp, snapshot, workspace } from '../support/snapshot.js';

const zone = 'America/New_York';
const now = at('2026-03-11T08:45', zone);
const base = snapshot({
  clients: [client('c1', { name: 'Jane Doe', lastInteractionAt: at('2026-03-10T10:00', zone) })],
  openFollowUps: [followUp('f1', { clientId: 'c1', kind: 'reply', openedAt: at('2026-03-10T10:00', zone) })],
});

describe('the rule list and acknowledgements', () => {
  it('lists every rule once, by name', () => {
    const names = careRules().map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['same-day-reply', 'apology', 'complaint-update', 'referral-thanks', 'follow-up', 'personal-dates', 'relationship-review', 'one-sided', 'keep-in-touch', 'surprise', 'ask-advice']);
  });

  it.each([
    { name: 'no ack', acks: [], count: 1 },
    { name: 'done', acks: [{ action: 'done' as const, until: null }], count: 0 },
    { name: 'snoozed until tomorrow', acks: [{ action: 'snoozed' as const, until: at('2026-03-12T00:00', zone) }], count: 0 },
    { name: 'snooze over', acks: [{ action: 'snoozed' as const, until: at('2026-03-11T00:00', zone) }], count: 1 },
  ])('$name', ({ acks, count }) => {
    const replies = (s: typeof base) => runRules(now, s, DEFAULT_POLICY).filter((n) => n.rule === 'same-day-reply');
    const id = replies(base)[0]!.id;
    const snap = { ...base, acks: acks.map((a) => ({ ...a, nudgeId: id, actorId: null, at: now })) };
    expect(replies(snap)).toHaveLength(count);
    expect(isSilenced(id, snap.acks, now)).toBe(count === 0);
  });
});

describe('the snapshot query', () => {
  it.each([
    { now: '2026-03-10T08:45', from: { month: 3, day: 10 }, to: { month: 3, day: 17 } },
    { now: '2026-12-28T08:45', from: { month: 12, day: 28 }, to: { month: 1, day: 4 } },
    { now: '2027-02-21T08:45', from: { month: 2, day: 21 }, to: { month: 2, day: 29 } },
  ])('date window from $now', ({ now: n, from, to }) => {
    expect(careQuery(workspace(), at(n, zone)).dateWindow).toEqual({ from, to });
  });

  it('windows follow the policy', () => {
    const q = careQuery(workspace({ policy: { keepInTouchTopDays: 10 } }), at('2026-03-10T08:45', zone));
    expect(q.quietBefore.toISOString()).toBe(at('2026-03-01T00:00', zone).toISOString());
    expect(q.giftsSince < at('2025-03-11T00:00', zone)).toBe(true);
  });
});
