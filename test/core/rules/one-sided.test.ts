import { describe, expect, it } from 'vitest';
import { oneSided } from '../../../src/core/rules/one-sided.rule.js';
import { DEFAULT_POLICY } from '../../../src/core/model/index.js';
import { at, client, DST_WEEKENDS, snapshot, workspace } from '../support/snapshot.js';

function run(now: string, exchange: { inbound: number; outbound: number; last: string }, zone = 'Europe/London', status: 'active' | 'paused' = 'active') {
  const snap = snapshot({
    workspace: workspace({ timeZone: zone }),
    clients: [client('c1', { name: 'Nora Quiet', status })],
    exchanges: [{ clientId: 'c1', inbound: exchange.inbound, outbound: exchange.outbound, lastOutboundAt: at(exchange.last, zone) }],
  });
  return oneSided(at(now, zone), snap, DEFAULT_POLICY);
}

describe('one-sided relationship: we keep reaching out, nothing comes back', () => {
  it.each([
    { name: 'six outreaches, nothing back', inbound: 0, outbound: 6, count: 1 },
    { name: 'five outreaches: not yet', inbound: 0, outbound: 5, count: 0 },
    { name: 'ten outreaches, one answer', inbound: 1, outbound: 10, count: 0 },
  ])('$name', ({ inbound, outbound, count }) => {
    const nudges = run('2026-03-10T08:45', { inbound, outbound, last: '2026-03-06T11:00' });
    expect(nudges).toHaveLength(count);
    if (count) {
      expect(nudges[0]!.title).toBe(`Review the relationship with Nora Quiet: ${outbound} calls, emails or messages from us in 90 days, and nothing back.`);
      expect(nudges[0]!.context[0]).toBe('Last reached out on Fri 6 Mar.');
      expect(nudges[0]!.group).toBe('attention');
    }
  });

  it('never flags a paused client', () => {
    expect(run('2026-03-10T08:45', { inbound: 0, outbound: 8, last: '2026-03-06T11:00' }, 'Europe/London', 'paused')).toHaveLength(0);
  });

  it('one more unanswered outreach is a new trigger; the same count keeps the same id', () => {
    const a = run('2026-03-10T08:45', { inbound: 0, outbound: 6, last: '2026-03-06T11:00' })[0]!;
    const same = run('2026-03-11T08:45', { inbound: 0, outbound: 6, last: '2026-03-06T11:00' })[0]!;
    const more = run('2026-03-12T08:45', { inbound: 0, outbound: 7, last: '2026-03-11T11:00' })[0]!;
    expect(same.id).toBe(a.id);
    expect(more.id).not.toBe(a.id);
  });

  it.each(DST_WEEKENDS)('$zone: the last outreach is dated in local time across the clock change', ({ zone, sun, mon }) => {
    const [nudge] = run(`${mon}T08:45`, { inbound: 0, outbound: 6, last: `${sun}T23:30` }, zone);
    expect(nudge!.context[0]).toContain(new Date(`${sun}T12:00:00Z`).toUTCString().slice(0, 3));
  });
});
