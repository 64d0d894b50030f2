import { NUDGE_GROUPS, type Digest, type DigestItem, type DigestKind, type DigestSection, type Nudge, type NudgeGroup } from '../model/index.js';
import { localDateOf, longDate } from '../time/index.js';
import { SAME_DAY_REPLY } from '../rules/same-day-reply.rule.js';

export const DUE_ALL_COMMAND = '/client due all';

const HEADINGS: Record<NudgeGroup, string> = {
  today: 'Today',
  attention: 'Needs attention',
  'coming-up': 'Coming up',
};

/** Group order, then urgency (highest first), then the oldest trigger, then id: a total order. */
export function compareNudges(a: Nudge, b: Nudge): number {
  return (
    NUDGE_GROUPS.indexOf(a.group) - NUDGE_GROUPS.indexOf(b.group) ||
    b.urgency - a.urgency ||
    a.triggeredAt.getTime() - b.triggeredAt.getTime() ||
    a.id.localeCompare(b.id)
  );
}

function toItem(n: Nudge): DigestItem {
  return { nudgeId: n.id, clientId: n.clientId, clientName: n.clientName, ownerId: n.ownerId, title: n.title, context: n.context, ...(n.source ? { source: n.source } : {}) };
}

const replies = (n: number) => `${n} repl${n === 1 ? 'y' : 'ies'}`;

function sweepTitle(day: string, late: number, due: number): string {
  if (late === 0 && due === 0) return `End of day, ${day}: every call and email answered`;
  if (due === 0) return `End of day, ${day}: ${late} still unanswered`;
  if (late === 0) return `End of day, ${day}: nothing late, ${replies(due)} still due`;
  return `End of day, ${day}: ${late} still unanswered, ${due} more ${due === 1 ? 'reply' : 'replies'} due`;
}

function morningTitle(day: string, count: number): string {
  if (count === 0) return `Good morning: nothing pressing for ${day}`;
  return `Good morning: ${count} thing${count === 1 ? '' : 's'} for your clients, ${day}`;
}

/** A same-day reply whose sweep has not come yet ("Reply today"): not late, but not answered either. */
const stillDue = (n: Nudge) => n.rule === SAME_DAY_REPLY && !n.sweep;

/**
 * Nudges -> one neutral digest: the sweep keeps only same-day replies (the late ones, then those
 * still due, so a sweep asked for early never claims all is answered); the morning takes all.
 * Sorted, grouped, and cut at `maxItems` with "and N more" pointing at the command that lists all.
 */
export function buildDigest(input: {
  readonly workspaceId: string;
  readonly timeZone: string;
  readonly now: Date;
  readonly kind: DigestKind;
  readonly nudges: readonly Nudge[];
  readonly maxItems: number;
  readonly notices?: readonly string[];
  /** Due nudges the planner counted but did not build (they rank below what the digest shows). */
  readonly unlisted?: number;
}): Digest {
  const localDate = localDateOf(input.now, input.timeZone);
  const chosen = input.nudges.filter((n) => input.kind === 'morning' || n.sweep || stillDue(n)).slice().sort(compareNudges);
  const shown = chosen.slice(0, Math.max(0, input.maxItems));
  const sections: DigestSection[] = NUDGE_GROUPS.map((group) => ({
    group,
    heading: HEADINGS[group],
    items: shown.filter((n) => n.group === group).map(toItem),
  })).filter((s) => s.items.length > 0);
  const unlisted = input.unlisted ?? 0;
  const hidden = chosen.length - shown.length + unlisted;
  return {
    kind: input.kind,
    workspaceId: input.workspaceId,
    localDate,
    title:
      input.kind === 'sweep'
        ? sweepTitle(longDate(localDate), chosen.filter((n) => n.sweep).length, chosen.filter(stillDue).length)
        : morningTitle(longDate(localDate), chosen.length + unlisted),
    sections,
    overflow: hidden > 0 ? { count: hidden, command: DUE_ALL_COMMAND } : null,
    notices: [...(input.notices ?? [])],
  };
}
