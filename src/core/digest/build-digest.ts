import { NUDGE_GROUPS, type Digest, type DigestItem, type DigestKind, type DigestSection, type Nudge, type NudgeGroup } from '../model/index.js';
import { localDateOf, longDate } from '../time/index.js';

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
  return { nudgeId: n.id, clientId: n.clientId, clientName: n.clientName, ownerId: n.ownerId, title: n.title, context: n.context };
}

function titleFor(kind: DigestKind, localDate: string, count: number): string {
  const day = longDate(localDate);
  if (kind === 'sweep') {
    return count === 0 ? `End of day, ${day}: every call and email answered` : `End of day, ${day}: ${count} still unanswered`;
  }
  if (count === 0) return `Good morning: nothing pressing for ${day}`;
  return `Good morning: ${count} thing${count === 1 ? '' : 's'} for your clients, ${day}`;
}

/**
 * Nudges -> one neutral digest: the sweep keeps only same-day replies; the morning takes all.
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
  const chosen = input.nudges.filter((n) => input.kind === 'morning' || n.sweep).slice().sort(compareNudges);
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
    title: titleFor(input.kind, localDate, chosen.length + unlisted),
    sections,
    overflow: hidden > 0 ? { count: hidden, command: DUE_ALL_COMMAND } : null,
    notices: [...(input.notices ?? [])],
  };
}
