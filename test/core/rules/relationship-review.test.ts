import { describe, expect, it } from 'vitest';
import { relationshipReview } from '../../../src/core/rules/relationship-review.rule.js';
import { DEFAULT_POLICY, type Interaction, type Mood } from '../../../src/core/model/index.js';
import { addDays } from '../../../src/core/time/index.js';
import { at, client, DST_WEEKENDS, interaction, snapshot, workspace } from '../support/snapshot.js';

function moods(zone: string, rows: [string, Mood][]): Interaction[] {
  return rows.map(([when, mood], n) => interaction(`i${n}`, { clientId: 'c1', occurredAt: at(when, zone), mood, direction: 'in', summary: `Shouted about invoice ${n}` }));
}

function run(now: string, rows: [string, Mood][], zone = 'Europe/London') {
  const snap = snapshot({ workspace: workspace({ timeZone: zone }), clients: [client('c1', { name: 'Victor Crane' })], moodInteractions: moods(zone, rows) });
  return relationshipReview(at(now, zone), snap, DEFAULT_POLICY);
}

describe('relationship review: repeated rude or abusive interactions', () => {
  it.each([
    { name: 'two rude: not yet', rows: [['2026-02-01T10:00', 'rude'], ['2026-03-01T10:00', 'rude']] as [string, Mood][], count: 0 },
    { name: 'three in 60 days', rows: [['2026-02-01T10:00', 'rude'], ['2026-02-20T10:00', 'abusive'], ['2026-03-01T10:00', 'rude']] as [string, Mood][], count: 1 },
    { name: 'one outside the window', rows: [['2026-01-05T10:00', 'rude'], ['2026-02-20T10:00', 'abusive'], ['2026-03-01T10:00', 'rude']] as [string, Mood][], count: 0 },
    { name: 'angry is not rude', rows: [['2026-02-01T10:00', 'angry'], ['2026-02-20T10:00', 'angry'], ['2026-03-01T10:00', 'angry']] as [string, Mood][], count: 0 },
  ])('$name', ({ rows, count }) => {
    const nudges = run('2026-03-10T08:45', rows);
    expect(nudges).toHaveLength(count);
    if (count) {
      expect(nudges[0]!.title).toBe('Review the relationship with Victor Crane: 3 rude or abusive interactions in 60 days.');
      expect(nudges[0]!.context.at(-1)).toMatch(/never the bot’s/);
    }
  });

  it('a new hostile interaction is a new trigger', () => {
    const three: [string, Mood][] = [['2026-02-01T10:00', 'rude'], ['2026-02-20T10:00', 'rude'], ['2026-03-01T10:00', 'rude']];
    const a = run('2026-03-10T08:45', three)[0]!;
    const b = run('2026-03-12T08:45', [...three, ['2026-03-11T10:00', 'abusive']])[0]!;
    expect(a.id).not.toBe(b.id);
  });

  it.each(DST_WEEKENDS)('$zone: counted across the clock change', ({ zone, fri, sun, mon }) => {
    const rows: [string, Mood][] = [[`${addDays(fri, -50)}T10:00`, 'rude'], [`${fri}T16:00`, 'rude'], [`${sun}T03:30`, 'abusive']];
    expect(run(`${mon}T08:45`, rows, zone)).toHaveLength(1);
  });
});
