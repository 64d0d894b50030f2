import { describe, expect, it } from 'vitest';
import { interactionEffects, UPSET_GUIDANCE, type LoggedInteraction } from '../../../src/core/care/interaction-effects.js';
import { DEFAULT_POLICY, type FollowUp, type FollowUpKind, type InteractionKind, type Direction, type Mood } from '../../../src/core/model/index.js';
import { at, DST_WEEKENDS, followUp, workspace } from '../support/snapshot.js';

const zone = 'America/New_York';
const when = at('2026-03-10T11:00', zone);

function effects(kind: InteractionKind, direction: Direction = 'none', mood: Mood | null = null, open: FollowUp[] = [], ws = workspace(), occurredAt = when) {
  const interaction: LoggedInteraction = { id: 'i-1', clientId: 'c1', kind, direction, mood, occurredAt, summary: 'Asked about renewal', source: 'command', externalRef: null };
  return interactionEffects({ interaction, openFollowUps: open, workspace: ws, policy: DEFAULT_POLICY });
}

const kinds = (list: readonly { kind: FollowUpKind }[]) => list.map((f) => f.kind);

/** One open item of each kind an interaction can settle, all from before `when`. */
const EARLIER = (['reply', 'complaint', 'apology', 'referral-thanks'] as const).map((kind, n) => followUp(`f-${kind}`, { clientId: 'c1', kind, openedAt: at(`2026-03-0${n + 2}T10:00`, zone) }));

describe('interaction effects: the table in docs/rules.md', () => {
  it.each([
    { kind: 'email-in' as const, direction: 'in' as const, opens: ['reply'], closes: [] },
    { kind: 'call' as const, direction: 'in' as const, opens: ['reply'], closes: [] },
    { kind: 'message' as const, direction: 'in' as const, opens: ['reply'], closes: [] },
    { kind: 'email-out' as const, direction: 'out' as const, opens: [], closes: ['reply'] },
    { kind: 'call' as const, direction: 'out' as const, opens: [], closes: ['reply'] },
    { kind: 'message' as const, direction: 'out' as const, opens: [], closes: ['reply'] },
    { kind: 'meeting' as const, direction: 'none' as const, opens: [], closes: ['reply'] },
    { kind: 'complaint' as const, direction: 'in' as const, opens: ['complaint'], closes: [] },
    { kind: 'resolution' as const, direction: 'out' as const, opens: [], closes: ['complaint'] },
    { kind: 'mistake' as const, direction: 'none' as const, opens: ['apology'], closes: [] },
    { kind: 'apology' as const, direction: 'out' as const, opens: ['check-in'], closes: ['apology'] },
    { kind: 'referral' as const, direction: 'in' as const, opens: ['referral-thanks'], closes: [] },
    { kind: 'gift' as const, direction: 'out' as const, opens: [], closes: ['referral-thanks'] },
    { kind: 'note' as const, direction: 'none' as const, opens: [], closes: [] },
  ])('$kind ($direction)', ({ kind, direction, opens, closes }) => {
    const e = effects(kind, direction, null, EARLIER);
    expect(kinds(e.open)).toEqual(opens);
    expect(kinds(e.close)).toEqual(closes);
    expect(e.touch.lastInteractionAt).toEqual(when);
    expect(e.guidance).toEqual([]);
  });

  it.each([
    { kind: 'gift' as const, touch: { lastInteractionAt: when, lastGestureAt: when } },
    { kind: 'advice-asked' as const, touch: { lastInteractionAt: when, lastAdviceAt: when } },
    { kind: 'feedback' as const, touch: { lastInteractionAt: when, lastAdviceAt: when } },
    { kind: 'note' as const, touch: { lastInteractionAt: when } },
  ])('$kind touches', ({ kind, touch }) => {
    expect(effects(kind).touch).toEqual(touch);
  });

  it('a status update restarts every open complaint with its summary', () => {
    const open = [followUp('f-c', { clientId: 'c1', kind: 'complaint', openedAt: at('2026-03-05T10:00', zone), summary: 'Late delivery', interactionId: 'i-0' })];
    const e = effects('status-update', 'out', null, open);
    expect(kinds(e.close)).toEqual(['complaint']);
    expect(e.open).toEqual([expect.objectContaining({ kind: 'complaint', summary: 'Late delivery', openedAt: when, interactionId: 'i-0' })]);
  });

  it('a status update without an open complaint changes nothing', () => {
    expect(effects('status-update', 'out').open).toEqual([]);
  });

  it('the check-in after an apology waits a week', () => {
    const [checkIn] = effects('apology', 'out').open;
    expect(checkIn!.snoozedUntil).toEqual(at('2026-03-17T00:00', zone));
  });

  it.each(['upset', 'angry', 'rude', 'abusive'] as const)('a %s client: guidance and a check-in next business day', (mood) => {
    const friday = at('2026-03-13T15:00', zone);
    const e = effects('call', 'in', mood, [], workspace(), friday);
    expect(e.guidance.slice(0, 4)).toEqual(UPSET_GUIDANCE);
    const checkIn = e.open.find((f) => f.kind === 'check-in');
    expect(checkIn!.snoozedUntil).toEqual(at('2026-03-16T00:00', zone));
  });

  it('an outbound call closes a due check-in but not one still a week away', () => {
    const due = followUp('f-1', { clientId: 'c1', kind: 'check-in', openedAt: at('2026-03-09T10:00', zone), snoozedUntil: at('2026-03-10T00:00', zone) });
    const later = followUp('f-2', { clientId: 'c1', kind: 'check-in', openedAt: at('2026-03-09T10:00', zone), snoozedUntil: at('2026-03-16T00:00', zone) });
    expect(effects('call', 'out', null, [due]).close.map((f) => f.kind)).toContain('check-in');
    expect(effects('call', 'out', null, [due, later]).close.map((f) => f.kind)).not.toContain('check-in');
  });

  it.each(DST_WEEKENDS)('$zone: an angry Friday call is checked on Monday', ({ zone: z, fri, mon }) => {
    const e = effects('call', 'in', 'angry', [], workspace({ timeZone: z }), at(`${fri}T16:00`, z));
    expect(e.open.find((f) => f.kind === 'check-in')!.snoozedUntil).toEqual(at(`${mon}T00:00`, z));
  });
});
