import { describe, expect, it } from 'vitest';
import { personalDates } from '../../../src/core/rules/personal-dates.rule.js';
import { DEFAULT_GIFT_CATALOG } from '../../../src/core/care/gift-catalog.js';
import { DEFAULT_POLICY, type ImportantDate } from '../../../src/core/model/index.js';
import { at, client, DST_WEEKENDS, family, importantDate, like, snapshot, workspace } from '../support/snapshot.js';

const rule = personalDates(DEFAULT_GIFT_CATALOG);

function run(now: string, date: Partial<ImportantDate> & Pick<ImportantDate, 'month' | 'day'>, zone = 'America/New_York') {
  const snap = snapshot({
    workspace: workspace({ timeZone: zone }),
    clients: [client('c1', { name: 'Jane Doe', tier: 'top' })],
    upcomingDates: [importantDate('d1', { clientId: 'c1', ...date })],
    likes: [like('c1', 'wine', 'pinot noir')],
    family: [family('fm1', 'c1', 'daughter', 'Mia')],
  });
  return rule(at(now, zone), snap, DEFAULT_POLICY);
}

describe('personal dates: a heads-up ahead and a reminder on the day', () => {
  it.each([
    { name: '8 days ahead: nothing yet', now: '2026-03-06T08:45', date: { month: 3, day: 14 }, titles: [] },
    { name: '7 days ahead: order a gift', now: '2026-03-07T08:45', date: { month: 3, day: 14 }, titles: ["Jane Doe's birthday is next Saturday (14 Mar): time to order a gift."] },
    { name: '4 days ahead', now: '2026-03-10T08:45', date: { month: 3, day: 17 }, titles: ["Jane Doe's birthday is next Tuesday (17 Mar): time to order a gift."] },
    { name: 'on the day', now: '2026-03-10T08:45', date: { month: 3, day: 10 }, titles: ["Jane Doe's birthday is today: send a note today."] },
    {
      name: 'Saturday date announced on Friday',
      now: '2026-03-13T08:45',
      date: { month: 3, day: 14 },
      titles: ["Jane Doe's birthday is tomorrow: send your note today, before the weekend."],
    },
    { name: 'the day after: nothing', now: '2026-03-11T08:45', date: { month: 3, day: 10 }, titles: [] },
    { name: '29 Feb in a non-leap year falls on 28 Feb', now: '2027-02-26T08:45', date: { month: 2, day: 29, year: 1980 }, titles: ["Jane Doe's birthday is on Sunday (28 Feb): send your note today, before the weekend."] },
    { name: '29 Feb in a leap year', now: '2028-02-29T08:45', date: { month: 2, day: 29 }, titles: ["Jane Doe's birthday is today: send a note today."] },
    { name: 'year end wraps', now: '2026-12-28T08:45', date: { month: 1, day: 2 }, titles: ["Jane Doe's birthday is on Saturday (2 Jan): time to order a gift."] },
    {
      name: 'child birthday',
      now: '2026-03-10T08:45',
      date: { month: 3, day: 10, kind: 'child-birthday' as const, familyMemberId: 'fm1', year: 2019 },
      titles: ["Mia's birthday (Jane Doe's daughter) is today: send a note today."],
    },
    {
      name: 'client since, known year',
      now: '2026-03-10T08:45',
      date: { month: 3, day: 12, kind: 'client-since' as const, year: 2021 },
      titles: ["Jane Doe's 5th anniversary as a client is on Thursday (12 Mar): a good moment for a thank-you."],
    },
  ])('$name', ({ now, date, titles }) => {
    expect(run(now, date).map((n) => n.title)).toEqual(titles);
  });

  it('the heads-up carries a gift idea from their likes, within the tier budget', () => {
    const [n] = run('2026-03-10T08:45', { month: 3, day: 17, year: 1981 });
    expect(n!.context).toContain('Turns 45.');
    expect(n!.context.some((l) => l.startsWith('Jane loves pinot noir: '))).toBe(true);
    expect(n!.group).toBe('coming-up');
  });

  it('an unknown year gives no age', () => {
    const [n] = run('2026-03-10T08:45', { month: 3, day: 10 });
    expect(n!.context.join(' ')).not.toMatch(/Turns/);
  });

  it('a wedding anniversary counts the years', () => {
    const [n] = run('2026-03-10T08:45', { month: 3, day: 10, kind: 'wedding-anniversary', year: 2014 });
    expect(n!.title).toBe("Jane Doe's wedding anniversary is today: send a note today.");
    expect(n!.context[0]).toBe('12 years married.');
  });

  it('heads-up and day reminder have different, stable ids', () => {
    const ahead = run('2026-03-10T08:45', { month: 3, day: 17 })[0]!;
    const again = run('2026-03-11T08:45', { month: 3, day: 17 })[0]!;
    const day = run('2026-03-17T08:45', { month: 3, day: 17 })[0]!;
    expect(ahead.id).toBe(again.id);
    expect(day.id).not.toBe(ahead.id);
    expect(ahead.id).toMatch(/^n-[0-9a-z]{8}$/);
  });

  it('next year’s birthday is a new trigger', () => {
    const y1 = run('2026-03-10T08:45', { month: 3, day: 10 })[0]!;
    const y2 = run('2027-03-10T08:45', { month: 3, day: 10 })[0]!;
    expect(y1.id).not.toBe(y2.id);
  });

  it.each(DST_WEEKENDS)('$zone: a birthday on the change Sunday is announced on the Friday before', ({ zone, fri, sun }) => {
    const [month, day] = [Number(sun.slice(5, 7)), Number(sun.slice(8, 10))];
    const friday = run(`${fri}T08:45`, { month, day }, zone);
    expect(friday.map((n) => n.title)).toEqual(["Jane Doe's birthday is on Sunday (" + Number(sun.slice(8, 10)) + ` ${sunMonth(sun)}): send your note today, before the weekend.`]);
    const sunday = run(`${sun}T23:30`, { month, day }, zone);
    expect(sunday.map((n) => n.id)).toEqual(friday.map((n) => n.id));
  });
});

function sunMonth(date: string): string {
  return ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(date.slice(5, 7)) - 1]!;
}
