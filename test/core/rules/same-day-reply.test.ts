import { describe, expect, it } from 'vitest';
import { sameDayReply, sweepFor } from '../../../src/core/rules/same-day-reply.rule.js';
import { DEFAULT_POLICY, type FollowUp } from '../../../src/core/model/index.js';
import { at, client, DST_WEEKENDS, followUp, snapshot, workspace } from '../support/snapshot.js';

function run(zone: string, openedAt: string, now: string, over: Partial<FollowUp> = {}) {
  const snap = snapshot({
    workspace: workspace({ timeZone: zone }),
    clients: [client('c1', { name: 'Jane Doe' })],
    openFollowUps: [followUp('f1', { clientId: 'c1', kind: 'reply', openedAt: at(openedAt, zone), summary: 'renewal terms', channel: 'email', ...over })],
  });
  return sameDayReply(at(now, zone), snap, DEFAULT_POLICY);
}

describe('same-day reply: an inbound item unanswered by the sweep', () => {
  it.each([
    { name: 'morning email, at the sweep', opened: '2026-03-10T10:00', now: '2026-03-10T16:30', title: /waited 6 business hours/ },
    { name: 'morning email, before the sweep', opened: '2026-03-10T10:00', now: '2026-03-10T16:29', title: null },
    { name: 'after the sweep rolls to the next one', opened: '2026-03-10T16:45', now: '2026-03-10T23:00', title: null },
    { name: 'after the sweep, still not late the next morning', opened: '2026-03-10T16:45', now: '2026-03-11T08:45', title: null },
    { name: 'after the sweep, next day sweep', opened: '2026-03-10T16:45', now: '2026-03-11T16:30', title: /waited 7 business hours/ },
    { name: 'Saturday email waits for Monday', opened: '2026-03-14T11:00', now: '2026-03-16T16:30', title: /waited 7 business hours/ },
    { name: 'still open next morning', opened: '2026-03-10T10:00', now: '2026-03-11T08:45', title: /waited 7 business hours/ },
  ])('$name', ({ opened, now, title }) => {
    const nudges = run('America/New_York', opened, now).filter((n) => n.sweep);
    if (title === null) expect(nudges).toEqual([]);
    else {
      expect(nudges).toHaveLength(1);
      expect(nudges[0]!.title).toMatch(title);
      expect(nudges[0]!.sweep).toBe(true);
      expect(nudges[0]!.followUpId).toBe('f1');
      expect(nudges[0]!.context.join(' ')).toContain('renewal terms');
    }
  });

  it.each([
    { name: 'arrived this morning', opened: '2026-03-10T10:00', now: '2026-03-10T11:00', title: "Reply today: Jane Doe's email came in Tue 10 Mar at 10:00." },
    { name: 'arrived after yesterday’s sweep', opened: '2026-03-10T16:45', now: '2026-03-11T08:45', title: "Reply today: Jane Doe's email came in Tue 10 Mar at 16:45." },
    { name: 'arrived after today’s sweep', opened: '2026-03-10T16:45', now: '2026-03-10T17:00', title: "Reply by Wed 11 Mar: Jane Doe's email came in Tue 10 Mar at 16:45." },
    { name: 'arrived on Saturday', opened: '2026-03-14T11:00', now: '2026-03-14T12:00', title: "Reply by Mon 16 Mar: Jane Doe's email came in Sat 14 Mar at 11:00." },
  ])('before its sweep, $name: a reminder for /client due and the morning digest, not the sweep', ({ opened, now, title }) => {
    const nudges = run('America/New_York', opened, now);
    expect(nudges.map((n) => n.title)).toEqual([title]);
    expect(nudges[0]!.sweep).toBe(false);
    expect(nudges[0]!.followUpId).toBe('f1');
  });

  it('keeps one id before and after the sweep, so Done on the reminder ends the item', () => {
    const before = run('America/New_York', '2026-03-10T10:00', '2026-03-10T11:00')[0]!;
    const after = run('America/New_York', '2026-03-10T10:00', '2026-03-10T16:30')[0]!;
    expect(after.id).toBe(before.id);
    expect(after.sweep).toBe(true);
  });

  it.each(DST_WEEKENDS)('$zone: a Friday 16:45 call is in Monday’s sweep after the clock change', ({ zone, fri, mon }) => {
    expect(sweepFor(workspace({ timeZone: zone }), '16:30', at(`${fri}T16:45`, zone))).toEqual(at(`${mon}T16:30`, zone));
    const nudges = run(zone, `${fri}T16:45`, `${mon}T16:30`, { summary: 'wants a quote', channel: 'call' });
    expect(nudges.map((n) => n.title)).toEqual(["Still unanswered: Jane Doe's call has waited 7 business hours."]);
  });

  it.each(DST_WEEKENDS)('$zone: Friday 10:00 email counts 14.5 business hours by Monday’s sweep', ({ zone, fri, mon }) => {
    expect(run(zone, `${fri}T10:00`, `${mon}T16:30`)[0]?.title).toMatch(/14 business hours/);
  });

  it.each([
    { name: 'snoozed until later', over: { snoozedUntil: at('2026-03-12T09:00', 'America/New_York') }, count: 0 },
    { name: 'snooze over', over: { snoozedUntil: at('2026-03-10T12:00', 'America/New_York') }, count: 1 },
    { name: 'closed', over: { state: 'done' as const, closedAt: at('2026-03-10T12:00', 'America/New_York') }, count: 0 },
  ])('$name', ({ over, count }) => {
    expect(run('America/New_York', '2026-03-10T10:00', '2026-03-10T16:30', over)).toHaveLength(count);
  });

  it('a former client is not chased', () => {
    const zone = 'America/New_York';
    const snap = snapshot({
      clients: [client('c1', { status: 'former' })],
      openFollowUps: [followUp('f1', { clientId: 'c1', kind: 'reply', openedAt: at('2026-03-10T10:00', zone) })],
    });
    expect(sameDayReply(at('2026-03-10T16:30', zone), snap, DEFAULT_POLICY)).toEqual([]);
  });

  it('the sweep time is a workspace setting', () => {
    const zone = 'Asia/Kolkata';
    const snap = snapshot({
      workspace: workspace({ timeZone: zone }),
      clients: [client('c1')],
      openFollowUps: [followUp('f1', { clientId: 'c1', kind: 'reply', openedAt: at('2026-03-10T10:00', zone) })],
    });
    const policy = { ...DEFAULT_POLICY, sweepAt: '15:00' };
    const late = (t: string) => sameDayReply(at(t, zone), snap, policy).filter((n) => n.sweep);
    expect(late('2026-03-10T15:00')).toHaveLength(1);
    expect(late('2026-03-10T14:59')).toHaveLength(0);
  });
});
