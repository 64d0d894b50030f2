import { describe, expect, it } from 'vitest';
import { healthOf } from '../../../src/core/care/health.js';
import { DEFAULT_POLICY, type Interaction } from '../../../src/core/model/index.js';
import { client, interaction } from '../support/snapshot.js';

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
