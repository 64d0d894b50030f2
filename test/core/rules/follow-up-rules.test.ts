import { describe, expect, it } from 'vitest';
import { complaintUpdate } from '../../../src/core/rules/complaint-update.rule.js';
import { apology } from '../../../src/core/rules/apology.rule.js';
import { followUp as followUpRule } from '../../../src/core/rules/follow-up.rule.js';
import { referralThanks } from '../../../src/core/rules/referral-thanks.rule.js';
import { DEFAULT_GIFT_CATALOG } from '../../../src/core/care/gift-catalog.js';
import { DEFAULT_POLICY, type FollowUp, type FollowUpKind } from '../../../src/core/model/index.js';
import type { Rule } from '../../../src/core/rules/rule.js';
import { at, client, DST_WEEKENDS, followUp, like, snapshot, workspace } from '../support/snapshot.js';

function run(rule: Rule, kind: FollowUpKind, opened: string, now: string, zone = 'America/New_York', over: Partial<FollowUp> = {}) {
  const snap = snapshot({
    workspace: workspace({ timeZone: zone }),
    clients: [client('c1', { name: 'Lena Fischer' })],
    likes: [like('c1', 'coffee', 'Square Mile')],
    openFollowUps: [followUp('f1', { clientId: 'c1', kind, openedAt: at(opened, zone), summary: 'Invoice charged twice', ...over })],
  });
  return rule(at(now, zone), snap, DEFAULT_POLICY);
}

describe('complaint: tell them what is going on every 24 business hours', () => {
  it.each([
    { opened: '2026-03-09T10:00', now: '2026-03-11T16:00', count: 0 },
    { opened: '2026-03-09T10:00', now: '2026-03-12T09:59', count: 0 },
    { opened: '2026-03-09T10:00', now: '2026-03-12T10:00', count: 1 },
    { opened: '2026-03-13T15:00', now: '2026-03-18T08:45', count: 0 },
    { opened: '2026-03-13T15:00', now: '2026-03-19T08:45', count: 1 },
  ])('$opened -> $now', ({ opened, now, count }) => {
    const nudges = run(complaintUpdate, 'complaint', opened, now);
    expect(nudges).toHaveLength(count);
    if (count) expect(nudges[0]!.context).toContain('Send an update even without an answer yet: what you are doing, and when they will hear next.');
  });

  it.each(DST_WEEKENDS)('$zone: the weekend clock change adds no hours', ({ zone, fri, mon }) => {
    // Friday 09:00 -> Monday 17:00 is 16 business hours; Wednesday 09:00 makes it 24.
    expect(run(complaintUpdate, 'complaint', `${fri}T09:00`, `${mon}T17:00`, zone)).toHaveLength(0);
    expect(run(complaintUpdate, 'complaint', `${fri}T09:00`, `${mon}T23:00`, zone)).toHaveLength(0);
  });
});

describe('apology: a mistake needs an apology within a business day', () => {
  it.each([
    { name: 'same day', opened: '2026-03-10T15:00', now: '2026-03-10T16:30', count: 0 },
    { name: 'next business morning', opened: '2026-03-10T15:00', now: '2026-03-11T08:45', count: 1 },
    { name: 'Friday mistake, Monday morning', opened: '2026-03-13T15:00', now: '2026-03-16T08:45', count: 1 },
    { name: 'Friday mistake, Sunday', opened: '2026-03-13T15:00', now: '2026-03-15T20:00', count: 0 },
  ])('$name', ({ opened, now, count }) => {
    expect(run(apology, 'apology', opened, now)).toHaveLength(count);
  });

  it.each(DST_WEEKENDS)('$zone: Friday mistake is due Monday after the change', ({ zone, fri, sun, mon }) => {
    expect(run(apology, 'apology', `${fri}T16:00`, `${sun}T23:59`, zone)).toHaveLength(0);
    expect(run(apology, 'apology', `${fri}T16:00`, `${mon}T00:00`, zone)).toHaveLength(1);
  });
});

describe('check-ins and custom follow-ups wait out their snooze', () => {
  it.each([
    { name: 'snoozed a week', until: '2026-03-17T00:00', now: '2026-03-16T08:45', count: 0 },
    { name: 'snooze over', until: '2026-03-17T00:00', now: '2026-03-17T08:45', count: 1 },
  ])('$name', ({ until, now, count }) => {
    const nudges = run(followUpRule, 'check-in', '2026-03-10T10:00', now, 'Asia/Kolkata', {
      snoozedUntil: at(until, 'Asia/Kolkata'),
      summary: 'see how things are since the apology.',
    });
    expect(nudges.map((n) => n.title)).toEqual(count ? ['Check in with Lena Fischer: see how things are since the apology.'] : []);
  });

  it.each(DST_WEEKENDS)('$zone: a check-in for Monday shows on Monday', ({ zone, sun, mon }) => {
    const over = { snoozedUntil: at(`${mon}T00:00`, zone), summary: 'they were angry; see how they are now.' };
    expect(run(followUpRule, 'check-in', `${sun}T10:00`, `${sun}T23:00`, zone, over)).toHaveLength(0);
    expect(run(followUpRule, 'check-in', `${sun}T10:00`, `${mon}T08:45`, zone, over)).toHaveLength(1);
  });
});

describe('referral thanks: within two days, with a gift idea', () => {
  const rule = referralThanks(DEFAULT_GIFT_CATALOG);
  it.each([
    { now: '2026-03-10T16:30', title: 'Thank Lena Fischer for the referral, by Thursday (12 Mar).' },
    { now: '2026-03-12T08:45', title: 'Thank Lena Fischer for the referral, today.' },
    { now: '2026-03-13T08:45', title: 'Thank Lena Fischer for the referral: it has waited 3 days.' },
  ])('$now', ({ now, title }) => {
    const [n] = run(rule, 'referral-thanks', '2026-03-10T11:00', now, 'Australia/Sydney');
    expect(n!.title).toBe(title);
    expect(n!.context.join(' ')).toMatch(/Lena loves Square Mile/);
  });

  it.each(DST_WEEKENDS)('$zone: a Friday referral is due Sunday, late on Monday', ({ zone, fri, mon }) => {
    expect(run(rule, 'referral-thanks', `${fri}T11:00`, `${mon}T08:45`, zone)[0]!.title).toMatch(/waited 3 days/);
  });
});
