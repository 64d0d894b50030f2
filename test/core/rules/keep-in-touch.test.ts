import { describe, expect, it } from 'vitest';
import { keepInTouch } from '../../../src/core/rules/keep-in-touch.rule.js';
import { DEFAULT_POLICY, type Client } from '../../../src/core/model/index.js';
import { addDays } from '../../../src/core/time/index.js';
import { at, client, DST_WEEKENDS, interaction, snapshot, workspace } from '../support/snapshot.js';

const zone = 'America/New_York';

function run(now: string, c: Partial<Client>, z = zone, policy = DEFAULT_POLICY) {
  const snap = snapshot({ workspace: workspace({ timeZone: z }), clients: [client('c1', { name: 'Omar Haddad', ...c })] });
  return keepInTouch(at(now, z), snap, policy);
}

describe('keep in touch: silence longer than the tier allows', () => {
  it.each([
    { tier: 'top' as const, last: '2026-02-24T15:00', count: 1, days: 14 },
    { tier: 'top' as const, last: '2026-02-25T09:00', count: 0, days: 13 },
    { tier: 'standard' as const, last: '2026-02-08T10:00', count: 1, days: 30 },
    { tier: 'standard' as const, last: '2026-02-09T10:00', count: 0, days: 29 },
    { tier: 'light' as const, last: '2025-12-10T10:00', count: 1, days: 90 },
    { tier: 'light' as const, last: '2025-12-11T10:00', count: 0, days: 89 },
  ])('$tier, $days days quiet', ({ tier, last, count, days }) => {
    const nudges = run('2026-03-10T08:45', { tier, lastInteractionAt: at(last, zone) });
    expect(nudges).toHaveLength(count);
    if (count) expect(nudges[0]!.title).toContain(`${days} days without a word`);
  });

  it('with nothing ever logged, the clock starts when they became a client', () => {
    expect(run('2026-03-10T08:45', { tier: 'top', createdAt: at('2026-03-01T10:00', zone) })).toHaveLength(0);
    expect(run('2026-03-16T08:45', { tier: 'top', createdAt: at('2026-03-01T10:00', zone) })).toHaveLength(1);
  });

  it('any logged interaction restarts the clock, and the id with it', () => {
    const first = run('2026-03-10T08:45', { tier: 'top', lastInteractionAt: at('2026-02-20T10:00', zone) });
    const later = run('2026-03-20T08:45', { tier: 'top', lastInteractionAt: at('2026-03-02T10:00', zone) });
    expect(first[0]!.id).not.toBe(later[0]!.id);
    expect(run('2026-03-10T08:45', { tier: 'top', lastInteractionAt: at('2026-03-09T10:00', zone) })).toHaveLength(0);
  });

  it('paused and former clients are left alone', () => {
    expect(run('2026-03-10T08:45', { status: 'paused', lastInteractionAt: at('2025-01-01T10:00', zone) })).toEqual([]);
    expect(run('2026-03-10T08:45', { status: 'former', lastInteractionAt: at('2025-01-01T10:00', zone) })).toEqual([]);
  });

  it('the thresholds are workspace settings', () => {
    const policy = { ...DEFAULT_POLICY, keepInTouchStandardDays: 7 };
    expect(run('2026-03-10T08:45', { lastInteractionAt: at('2026-03-03T10:00', zone) }, zone, policy)).toHaveLength(1);
  });

  it('the context carries the last interaction', () => {
    const snap = snapshot({
      clients: [client('c1', { tier: 'top', lastInteractionAt: at('2026-02-20T10:00', zone) })],
      lastInteractions: [interaction('i1', { clientId: 'c1', occurredAt: at('2026-02-20T10:00', zone), summary: 'Lunch at Dishoom' })],
    });
    expect(keepInTouch(at('2026-03-10T08:45', zone), snap, DEFAULT_POLICY)[0]!.context[0]).toBe(
      'Last contact: call, 18 days ago (20 Feb): “Lunch at Dishoom”.',
    );
  });

  it.each(DST_WEEKENDS)('$zone: 14 local days across the clock change are 14 days', ({ zone: z, mon }) => {
    const last = `${addDays(mon, -14)}T18:00`;
    expect(run(`${mon}T08:45`, { tier: 'top', lastInteractionAt: at(last, z) }, z)).toHaveLength(1);
    expect(run(`${addDays(mon, -1)}T23:59`, { tier: 'top', lastInteractionAt: at(last, z) }, z)).toHaveLength(0);
  });
});
