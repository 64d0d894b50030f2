import { describe, expect, it } from 'vitest';
import { askAdvice } from '../../../src/core/rules/ask-advice.rule.js';
import { DEFAULT_POLICY, type Client } from '../../../src/core/model/index.js';
import { addDays } from '../../../src/core/time/index.js';
import { at, client, DST_WEEKENDS, snapshot, workspace } from '../support/snapshot.js';

function run(now: string, c: Partial<Client>, zone = 'Asia/Kolkata') {
  const snap = snapshot({ workspace: workspace({ timeZone: zone }), clients: [client('c1', { name: 'Arjun Mehta', tier: 'top', ...c })] });
  return askAdvice(at(now, zone), snap, DEFAULT_POLICY);
}

describe('ask for their advice: top clients every 90 days', () => {
  it.each([
    { name: '89 days', last: '2025-12-11T12:00', count: 0, tier: 'top' as const },
    { name: '90 days', last: '2025-12-10T12:00', count: 1, tier: 'top' as const },
    { name: 'standard tier is not asked by the bot', last: '2025-06-01T12:00', count: 0, tier: 'standard' as const },
  ])('$name', ({ last, count, tier }) => {
    const nudges = run('2026-03-10T08:45', { tier, lastAdviceAt: at(last, 'Asia/Kolkata') });
    expect(nudges).toHaveLength(count);
    if (count) expect(nudges[0]!.title).toBe('Ask Arjun Mehta for their advice: the last time was 90 days ago.');
  });

  it('never asked: counted from when they joined', () => {
    expect(run('2026-03-10T08:45', { createdAt: at('2025-06-01T12:00', 'Asia/Kolkata') })[0]!.title).toBe('Ask Arjun Mehta for their advice: we never have.');
  });

  it.each(DST_WEEKENDS)('$zone: 90 local days across the clock change', ({ zone, mon }) => {
    const last = at(`${addDays(mon, -90)}T20:00`, zone);
    expect(run(`${mon}T00:01`, { lastAdviceAt: last }, zone)).toHaveLength(1);
    expect(run(`${addDays(mon, -1)}T23:59`, { lastAdviceAt: last }, zone)).toHaveLength(0);
  });
});
