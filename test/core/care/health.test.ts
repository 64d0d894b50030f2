import { describe, expect, it } from 'vitest';
import { healthOf } from '../../../src/core/care/health.js';
import { relationshipReview } from '../../../src/core/rules/relationship-review.rule.js';
import { oneSided } from '../../../src/core/rules/one-sided.rule.js';
import { keepInTouch } from '../../../src/core/rules/keep-in-touch.rule.js';
import { DEFAULT_POLICY, type Client, type Interaction, type Mood } from '../../../src/core/model/index.js';
import { client, interaction, snapshot, workspace } from '../support/snapshot.js';

const now = new Date('2026-03-10T14:00:00Z');
const daysAgo = (d: number, h = 0) => new Date(now.getTime() - d * 86_400_000 - h * 3_600_000);

function health(interactions: Interaction[], tier: 'top' | 'standard' | 'light' = 'standard') {
  return healthOf({ client: client('c1', { tier }), interactions }, now, DEFAULT_POLICY);
}

describe('relationship health', () => {
  it('regular, quick, happy contact is strong', () => {
    const list = [0, 10, 20, 30, 40, 50, 60, 70].flatMap((d, n) => [
      interaction(`in${n}`, { clientId: 'c1', occurredAt: daysAgo(d, 3), kind: 'email-in', direction: 'in', mood: 'happy' }),
      interaction(`out${n}`, { clientId: 'c1', occurredAt: daysAgo(d, 1), kind: 'email-out', direction: 'out' }),
    ]);
    const h = health(list);
    expect(h.label).toBe('strong');
    expect(h.flags).toEqual([]);
    expect(h.reasons[2]).toBe('We usually reply within 2 hours.');
  });

  it('silence and slow replies cool it down', () => {
    const list = [
      interaction('a', { clientId: 'c1', occurredAt: daysAgo(80), kind: 'email-in', direction: 'in', mood: 'upset' }),
      interaction('b', { clientId: 'c1', occurredAt: daysAgo(75), kind: 'email-out', direction: 'out' }),
    ];
    const h = health(list);
    expect(h.score).toBeLessThan(40);
    expect(['cooling', 'at risk']).toContain(h.label);
  });

  it('nothing logged at all scores low but does not throw', () => {
    expect(health([]).reasons[0]).toBe('Nothing logged yet.');
  });

  it('repeated rude interactions are flagged with the reason', () => {
    const list = [5, 15, 25].map((d) => interaction(`r${d}`, { clientId: 'c1', occurredAt: daysAgo(d), mood: 'rude', direction: 'in' }));
    expect(health(list).flags[0]).toMatch(/^3 rude or abusive interactions in the last 60 days/);
  });

  it('a one-sided pattern is flagged', () => {
    const list = [2, 9, 16, 23, 30, 37].map((d) => interaction(`o${d}`, { clientId: 'c1', occurredAt: daysAgo(d), kind: 'email-out', direction: 'out' }));
    expect(health(list).flags).toEqual(['6 contacts from us in 90 days and nothing back: is the relationship one-sided?']);
  });

  it('one answer from them in the window means it is not one-sided', () => {
    const list = [2, 9, 16, 23, 30, 37].map((d) => interaction(`o${d}`, { clientId: 'c1', occurredAt: daysAgo(d), kind: 'email-out', direction: 'out' }));
    expect(health([...list, interaction('in', { clientId: 'c1', occurredAt: daysAgo(60), kind: 'email-in', direction: 'in' })]).flags).toEqual([]);
  });

  it.each([
    [0.2, 'Last contact today'],
    [1.5, 'Last contact yesterday'],
    [12, 'Last contact 12 days ago'],
  ])('says when we last spoke in words: %s days -> %s', (days, words) => {
    const list = [interaction('x', { clientId: 'c1', occurredAt: daysAgo(days) })];
    expect(health(list).reasons[0]).toBe(`${words} (aim: every 30 days).`);
  });

  it('is pure: same input, same answer', () => {
    const list = [interaction('x', { clientId: 'c1', occurredAt: daysAgo(3), mood: 'neutral' })];
    expect(health(list)).toEqual(health(list));
  });
});

/** Regular, quick, happy exchanges with a top client: every part of the score is high. */
const warm = (days: readonly number[], mood: Mood | null = 'happy') =>
  days.flatMap((d) => [
    interaction(`in${d}`, { clientId: 'c1', occurredAt: daysAgo(d, 3), kind: 'email-in', direction: 'in', mood }),
    interaction(`out${d}`, { clientId: 'c1', occurredAt: daysAgo(d, 2), kind: 'email-out', direction: 'out' }),
  ]);
/** Rude calls from them, each answered within the hour: the other parts stay high. */
const rude = (days: readonly number[], mood: Mood = 'rude') =>
  days.flatMap((d) => [
    interaction(`rude${d}`, { clientId: 'c1', occurredAt: daysAgo(d, 1), kind: 'call', direction: 'in', mood }),
    interaction(`back${d}`, { clientId: 'c1', occurredAt: daysAgo(d, 0.5), kind: 'call', direction: 'out' }),
  ]);
const ours = (days: readonly number[]) => days.map((d) => interaction(`o${d}`, { clientId: 'c1', occurredAt: daysAgo(d), kind: 'email-out', direction: 'out' }));

/** What the digest's rules say about the same client and history. */
function rulesSay(c: Client, list: Interaction[]) {
  const withLast = { ...c, lastInteractionAt: list.reduce<Date | null>((a, i) => (a === null || i.occurredAt > a ? i.occurredAt : a), null) };
  const since = now.getTime() - Math.max(DEFAULT_POLICY.abuseWindowDays, 90) * 86_400_000;
  const window = list.filter((i) => i.occurredAt.getTime() >= since);
  const outbound = window.filter((i) => i.direction === 'out');
  const snap = snapshot({
    workspace: workspace({ timeZone: 'UTC' }),
    clients: [withLast],
    moodInteractions: list.filter((i) => i.mood !== null),
    exchanges: outbound.length >= 6 ? [{ clientId: 'c1', inbound: window.length - outbound.length, outbound: outbound.length, lastOutboundAt: outbound.at(-1)!.occurredAt }] : [],
  });
  return {
    review: relationshipReview(now, snap, DEFAULT_POLICY).length > 0 || oneSided(now, snap, DEFAULT_POLICY).length > 0,
    reconnect: keepInTouch(now, snap, DEFAULT_POLICY).length > 0,
  };
}

describe('health agrees with the rules', () => {
  const minuteAgo = new Date(now.getTime() - 60_000);
  it.each([
    { name: 'added a minute ago, nothing logged', c: { createdAt: minuteAgo }, list: [], label: 'new' },
    { name: 'added a week ago, nothing logged', c: { createdAt: daysAgo(7) }, list: [], label: 'new' },
    { name: 'a top client added 12 days ago, nothing logged', c: { tier: 'top' as const, createdAt: daysAgo(12, 23) }, list: [], label: 'new' },
    { name: 'a top client added 14 days ago, nothing logged', c: { tier: 'top' as const, createdAt: daysAgo(14) }, list: [], label: 'cooling' },
    { name: 'added 31 days ago, nothing logged: the reconnect nudge is due', c: { createdAt: daysAgo(31) }, list: [], label: 'cooling' },
    { name: 'added 120 days ago, nothing logged', c: { createdAt: daysAgo(120) }, list: [], label: 'at risk' },
    { name: 'added a week ago, one call logged', c: { createdAt: daysAgo(7) }, list: [interaction('x', { clientId: 'c1', occurredAt: daysAgo(2) })], label: 'steady' },
    { name: 'warm and regular', c: { tier: 'top' as const }, list: warm([1, 10, 20, 30, 40, 50, 60, 70, 80]), label: 'strong' },
    { name: 'warm, with three rude calls in 60 days', c: { tier: 'top' as const }, list: [...warm([1, 10, 20, 30, 40, 50, 60, 70, 80]), ...rude([5, 15, 25])], label: 'at risk' },
    { name: 'warm, with three abusive calls in 60 days', c: { tier: 'top' as const }, list: [...warm([1, 10, 20, 30, 40, 50, 60, 70, 80]), ...rude([5, 15, 25], 'abusive')], label: 'at risk' },
    { name: 'warm, with two rude calls: not flagged', c: { tier: 'top' as const }, list: [...warm([1, 10, 20, 30, 40, 50, 60, 70, 80]), ...rude([5, 15])], label: 'strong' },
    { name: 'three rude calls, the oldest 70 days ago: out of the window', c: { tier: 'top' as const }, list: [...warm([1, 10, 20, 30, 40, 50, 60, 70, 80]), ...rude([5, 15, 70])], label: 'strong' },
    { name: 'we write every week and nothing comes back', c: {}, list: ours([1, 8, 15, 22, 29, 36]), label: 'cooling' },
  ])('$name: $label', ({ c, list, label }) => {
    const who = client('c1', c);
    const h = healthOf({ client: who, interactions: list }, now, DEFAULT_POLICY);
    expect(h.label).toBe(label);
    const rules = rulesSay(who, list);
    // A flag in the digest and a flag in /client health go together, and a flagged client is never strong.
    expect(h.flags.length > 0).toBe(rules.review);
    if (rules.review) expect(['cooling', 'at risk']).toContain(h.label);
    // A client the reconnect rule is not yet chasing and with nothing logged is new, never at risk.
    if (list.length === 0) expect(h.label === 'new').toBe(!rules.reconnect);
  });

  it('a new client says so in words', () => {
    const h = healthOf({ client: client('c1', { createdAt: new Date(now.getTime() - 60_000) }), interactions: [] }, now, DEFAULT_POLICY);
    expect(h.reasons[0]).toBe('Added today, nothing logged yet (aim: every 30 days).');
  });

  it('a flagged client is held down and told why', () => {
    const h = healthOf({ client: client('c1', { tier: 'top' }), interactions: [...warm([1, 10, 20, 30, 40, 50, 60, 70, 80]), ...rude([5, 15, 25])] }, now, DEFAULT_POLICY);
    expect(h.score).toBeLessThan(35);
    expect(h.reasons.at(-1)).toBe('Held at “at risk” while flagged for review.');
  });
});
