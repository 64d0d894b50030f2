import { describe, expect, it } from 'vitest';
import { surprise } from '../../../src/core/rules/surprise.rule.js';
import { DEFAULT_GIFT_CATALOG, mergeGiftCatalog } from '../../../src/core/care/gift-catalog.js';
import { DEFAULT_POLICY, type Client, type Gift, type ImportantDate, type Like } from '../../../src/core/model/index.js';
import { addDays } from '../../../src/core/time/index.js';
import { at, client, DST_WEEKENDS, gift, importantDate, like, snapshot, workspace } from '../support/snapshot.js';

const zone = 'Europe/London';
const rule = surprise(DEFAULT_GIFT_CATALOG);

function run(now: string, c: Partial<Client>, likes: Like[], gifts: Gift[] = [], z = zone, r = rule, clientSince: ImportantDate[] = []) {
  const snap = snapshot({ workspace: workspace({ timeZone: z }), clients: [client('c1', { name: 'Priya Raman', ...c })], likes, recentGifts: gifts, clientSince });
  return r(at(now, z), snap, DEFAULT_POLICY);
}

const lastGift = at('2025-11-10T12:00', zone); // 120 days before 10 Mar 2026

describe('surprise them: no gesture in 120 days', () => {
  it.each([
    { name: '119 days: not yet', now: '2026-03-09T08:45', likes: [like('c1', 'coffee', 'Monmouth')], expect: null },
    { name: 'coffee lover, 120 days', now: '2026-03-10T08:45', likes: [like('c1', 'coffee', 'Monmouth')], expect: /Priya loves Monmouth: a bag of beans from their favourite roaster \(about \$25\)/ },
    { name: 'pinot noir', now: '2026-03-10T08:45', likes: [like('c1', 'wine', 'pinot noir')], expect: /Priya loves pinot noir: a bottle of good Burgundy pinot noir \(about \$40\)/ },
    { name: 'their team', now: '2026-03-10T08:45', likes: [like('c1', 'team', 'Arsenal')], expect: /a scarf or mug from the Arsenal club shop/ },
    { name: 'no likes: find out', now: '2026-03-10T08:45', likes: [], expect: /^Find out what Priya Raman loves/ },
  ])('$name', ({ now, likes, expect: pattern }) => {
    const nudges = run(now, { lastGestureAt: lastGift }, likes);
    if (pattern === null) expect(nudges).toEqual([]);
    else expect([nudges[0]!.title, ...nudges[0]!.context].join('\n')).toMatch(pattern);
  });

  it('never repeats a gift given in the last 12 months', () => {
    const [n] = run('2026-03-10T08:45', { lastGestureAt: lastGift }, [like('c1', 'wine', 'pinot noir')], [gift('c1', 'Bottle of pinot noir', lastGift)]);
    expect(n!.context.join(' ')).not.toMatch(/pinot noir \(about/);
  });

  it.each([
    { tier: 'top' as const, idea: /two tickets to see Arsenal at home \(about \$140\)/ },
    { tier: 'standard' as const, idea: /a scarf or mug from the Arsenal club shop \(about \$30\)/ },
    { tier: 'light' as const, idea: /handwritten card/ },
  ])('stays within the $tier budget', ({ tier, idea }) => {
    const [n] = run('2026-03-10T08:45', { tier, lastGestureAt: lastGift }, [like('c1', 'team', 'Arsenal')]);
    expect(n!.context.join(' ')).toMatch(idea);
  });

  it('a team’s own catalog entries come first', () => {
    const catalog = mergeGiftCatalog([{ id: 'local-roaster', for: 'coffee', idea: 'a bag from Ozone, round the corner', cost: 18, keywords: ['ozone'] }]);
    const [n] = run('2026-03-10T08:45', { tier: 'light', lastGestureAt: lastGift }, [like('c1', 'coffee', 'flat whites')], [], zone, surprise(catalog));
    expect(n!.context[0]).toContain('Ozone');
  });

  it('with no gesture ever, the clock starts when they joined', () => {
    expect(run('2026-03-10T08:45', { createdAt: at('2025-12-01T10:00', zone) }, [])).toEqual([]);
    expect(run('2026-03-31T08:45', { createdAt: at('2025-12-01T10:00', zone) }, [])).toHaveLength(1);
  });

  it.each(DST_WEEKENDS)('$zone: 120 local days across the clock change', ({ zone: z, mon }) => {
    const given = at(`${addDays(mon, -120)}T23:30`, z);
    expect(run(`${mon}T00:30`, { lastGestureAt: given }, [], [], z)).toHaveLength(1);
    expect(run(`${addDays(mon, -1)}T23:30`, { lastGestureAt: given }, [], [], z)).toHaveLength(0);
  });

  describe('a client since before they were added to Rapport', () => {
    const since = (year: number | null, month = 5, day = 1) => [importantDate('d1', { clientId: 'c1', kind: 'client-since', month, day, year })];
    const addedToday = { createdAt: at('2026-03-10T08:00', zone) };

    it.each([
      { name: 'client since 2019, added today: due at once', c: addedToday, dates: since(2019), now: '2026-03-10T08:45', due: true },
      { name: 'client since 120 days ago, added today: due', c: addedToday, dates: since(2025, 11, 10), now: '2026-03-10T08:45', due: true },
      { name: 'client since 119 days ago, added today: not yet', c: addedToday, dates: since(2025, 11, 11), now: '2026-03-10T08:45', due: false },
      { name: 'no year: the day the client joined is unknown, the clock starts when added', c: addedToday, dates: since(null), now: '2026-03-10T08:45', due: false },
      { name: 'client-since later than when added (a typo or a re-signing): the earlier counts', c: { createdAt: at('2025-11-01T10:00', zone) }, dates: since(2026, 3, 1), now: '2026-03-10T08:45', due: true },
      { name: 'a gesture since: the gesture counts', c: { ...addedToday, lastGestureAt: at('2026-03-09T12:00', zone) }, dates: since(2019), now: '2026-03-10T08:45', due: false },
      { name: 'the date of another client does not count', c: addedToday, dates: [importantDate('d2', { clientId: 'c2', kind: 'client-since', month: 5, day: 1, year: 2019 })], now: '2026-03-10T08:45', due: false },
      { name: 'a birthday is not a client-since date', c: addedToday, dates: [importantDate('d3', { clientId: 'c1', kind: 'birthday', month: 5, day: 1, year: 1980 })], now: '2026-03-10T08:45', due: false },
    ])('$name', ({ c, dates, now, due }) => {
      expect(run(now, c, [like('c1', 'sport', 'tennis')], [], zone, rule, dates)).toHaveLength(due ? 1 : 0);
    });

    it('says how long they have been a client, not how long since they were added', () => {
      const [withLikes] = run('2026-03-10T08:45', addedToday, [like('c1', 'sport', 'tennis')], [], zone, rule, since(2019));
      expect(withLikes!.title).toBe('Surprise Priya Raman: a client since May 2019, and no gift or gesture on record.');
      const [unknown] = run('2026-03-10T08:45', addedToday, [], [], zone, rule, since(2019));
      expect(unknown!.title).toBe('Find out what Priya Raman loves (a client since May 2019, and no gift or gesture on record).');
    });

    it('keeps one id from day to day, so Done holds', () => {
      const a = run('2026-03-10T08:45', addedToday, [], [], zone, rule, since(2019))[0]!;
      const b = run('2026-03-11T08:45', addedToday, [], [], zone, rule, since(2019))[0]!;
      expect(b.id).toBe(a.id);
    });
  });
});
