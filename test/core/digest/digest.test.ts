import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildDigest, digestToText } from '../../../src/core/digest/index.js';
import { runRules } from '../../../src/core/rules/index.js';
import { planDigest } from '../../../src/core/use-cases/plan-digest.js';
import { listDue } from '../../../src/core/use-cases/due.js';
import type { CareSnapshot } from '../../../src/core/ports/care-snapshot.js';
import type { Nudge } from '../../../src/core/model/index.js';
import { instant, snapshotArb } from './arbitrary.js';

const nudge = (id: string, over: Partial<Nudge> = {}): Nudge => ({
  id,
  rule: 'keep-in-touch',
  clientId: 'c1',
  clientName: 'Jane Doe',
  ownerId: 'm-sam',
  group: 'attention',
  urgency: 10,
  title: `Item ${id}`,
  context: ['Last contact: call, yesterday.'],
  triggeredAt: new Date('2026-03-01T00:00:00Z'),
  followUpId: null,
  sweep: false,
  ...over,
});

const build = (nudges: Nudge[], kind: 'morning' | 'sweep' = 'morning', maxItems = 25) =>
  buildDigest({ workspaceId: 'ws', timeZone: 'Europe/London', now: new Date('2026-03-10T08:45:00Z'), kind, nudges, maxItems });

const storeOf = (snap: CareSnapshot) => ({ getWorkspace: async () => snap.workspace, careSnapshot: async () => snap });

describe('buildDigest', () => {
  it('groups Today, Needs attention, Coming up, each by urgency', () => {
    const d = build([nudge('a', { group: 'coming-up', urgency: 5 }), nudge('b', { group: 'today', urgency: 1 }), nudge('c', { urgency: 50 }), nudge('d', { urgency: 60 })]);
    expect(d.sections.map((s) => [s.heading, s.items.map((i) => i.nudgeId)])).toEqual([
      ['Today', ['b']],
      ['Needs attention', ['d', 'c']],
      ['Coming up', ['a']],
    ]);
    expect(d.title).toBe('Good morning: 4 things for your clients, Tuesday 10 March');
  });

  it('past the limit it ends with "and N more" and the command that shows all', () => {
    const d = build(['a', 'b', 'c', 'd', 'e'].map((id) => nudge(id)), 'morning', 3);
    expect(d.sections[0]!.items).toHaveLength(3);
    expect(d.overflow).toEqual({ count: 2, command: '/client due all' });
    expect(digestToText(d, new Map([['m-sam', 'sam']]))).toContain('…and 2 more: /client due all');
  });

  it('the sweep carries only same-day replies', () => {
    const d = build([nudge('a'), nudge('b', { sweep: true, group: 'today' })], 'sweep');
    expect(d.sections.flatMap((s) => s.items.map((i) => i.nudgeId))).toEqual(['b']);
    expect(d.title).toBe('End of day, Tuesday 10 March: 1 still unanswered');
  });

  it('a sweep before its time does not claim every reply is sent while one is still due: it lists it', () => {
    const due = nudge('r', { rule: 'same-day-reply', group: 'today', urgency: 60, sweep: false, title: "Reply today: Jane Doe's email came in Tue 10 Mar at 08:00." });
    const d = build([nudge('a'), due], 'sweep');
    expect(d.title).toBe('End of day, Tuesday 10 March: nothing late, 1 reply still due');
    expect(d.title).not.toMatch(/every call and email answered/);
    expect(d.sections.flatMap((s) => s.items.map((i) => i.title))).toEqual([due.title]);
  });

  it.each([
    { late: 0, due: 0, title: 'End of day, Tuesday 10 March: every call and email answered' },
    { late: 2, due: 0, title: 'End of day, Tuesday 10 March: 2 still unanswered' },
    { late: 0, due: 2, title: 'End of day, Tuesday 10 March: nothing late, 2 replies still due' },
    { late: 1, due: 1, title: 'End of day, Tuesday 10 March: 1 still unanswered, 1 more reply due' },
  ])('the sweep title: $late late and $due still due', ({ late, due, title }) => {
    const nudges = [
      ...Array.from({ length: late }, (_, n) => nudge(`late${n}`, { rule: 'same-day-reply', group: 'today', urgency: 80, sweep: true })),
      ...Array.from({ length: due }, (_, n) => nudge(`due${n}`, { rule: 'same-day-reply', group: 'today', urgency: 60, sweep: false })),
      nudge('other'),
    ];
    const d = build(nudges, 'sweep');
    expect(d.title).toBe(title);
    // Late items lead; what is still due follows; other rules stay out of the sweep.
    expect(d.sections.flatMap((s) => s.items.map((i) => i.nudgeId))).toEqual([...nudges.slice(0, late + due).map((n) => n.id)]);
  });

  it('renders plain text with the owner and the id', () => {
    expect(digestToText(build([nudge('n-1')]), { 'm-sam': 'sam' })).toBe(
      [
        'Good morning: 1 thing for your clients, Tuesday 10 March',
        '',
        'NEEDS ATTENTION',
        '• Item n-1  [n-1]',
        '    Last contact: call, yesterday.',
        '    Owner: @sam',
        '',
        'Done or snooze any item: /client done <id>, /client snooze <id> 1d|1w|<date>',
        '',
      ].join('\n'),
    );
  });
});

describe('digest properties', () => {
  it('the same input gives the same digest', async () => {
    await fc.assert(
      fc.asyncProperty(snapshotArb, instant, fc.constantFrom('morning' as const, 'sweep' as const), async (snap, now, kind) => {
        const a = await planDigest({ store: storeOf(snap), now, kind });
        const b = await planDigest({ store: storeOf(snap), now, kind });
        expect(digestToText(a)).toBe(digestToText(b));
        expect(a).toEqual(b);
      }),
      { numRuns: 75 },
    );
  });

  it('every nudge has a typeable id, a title and context', () => {
    fc.assert(
      fc.property(snapshotArb, instant, (snap, now) => {
        for (const n of runRules(now, snap, snap.workspace.policy)) {
          expect(n.id).toMatch(/^n-[0-9a-z]{8}$/);
          expect(n.title.length).toBeGreaterThan(0);
          expect(n.context.length).toBeGreaterThan(0);
          expect(n.clientName.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a done item never returns before its next trigger', () => {
    fc.assert(
      fc.property(snapshotArb, instant, fc.array(fc.integer({ min: 0, max: 400 * 24 }), { minLength: 1, maxLength: 5 }), (snap, now, laterHours) => {
        const first = runRules(now, snap, snap.workspace.policy);
        const acks = first.map((n) => ({ nudgeId: n.id, action: 'done' as const, until: null, actorId: null, at: now }));
        const acked = { ...snap, acks };
        for (const h of laterHours) {
          const later = new Date(now.getTime() + h * 3_600_000);
          const ids = new Set(runRules(later, acked, snap.workspace.policy).map((n) => n.id));
          // One assertion a step: thousands of expect() calls cost more than the rules themselves.
          expect(first.filter((n) => ids.has(n.id)).map((n) => n.id)).toEqual([]);
        }
      }),
      { numRuns: 75 },
    );
  });

  it('listDue filters by owner and keeps the digest order', async () => {
    await fc.assert(
      fc.asyncProperty(snapshotArb, instant, async (snap, now) => {
        const all = await listDue({ store: storeOf(snap), now, ownerId: null });
        const mine = await listDue({ store: storeOf(snap), now, ownerId: 'm-sam' });
        expect(mine).toEqual(all.filter((n) => n.ownerId === 'm-sam'));
      }),
      { numRuns: 60 },
    );
  });
});
