import { isReply, wantsReply } from './replies.js';
import type { FollowUp, FollowUpKind, Interaction, MessageChannel, Mood, Policy, Workspace } from '../model/index.js';
import type { ClientTouch, NewFollowUp } from '../ports/store.js';
import { atLocalTime, localDateOf, nextBusinessDay, shortDate } from '../time/index.js';

export interface InteractionEffects {
  readonly open: readonly NewFollowUp[];
  /** The open items this interaction settles: only ones that came in before it. */
  readonly close: readonly FollowUp[];
  readonly touch: ClientTouch;
  readonly guidance: readonly string[];
}

export type LoggedInteraction = Pick<Interaction, 'id' | 'clientId' | 'kind' | 'direction' | 'mood' | 'occurredAt' | 'summary' | 'source' | 'externalRef'>;

/** Where a message travelled, when it is known: its channel and the ids of its thread. */
export interface MessageTrail {
  readonly channel: MessageChannel;
  readonly threadIds: readonly string[];
}

/** The channel a logged kind travelled on, for awaiting-reply items logged by hand. */
export function channelOfKind(kind: Interaction['kind']): MessageChannel | null {
  return kind === 'email-in' || kind === 'email-out' ? 'email' : kind === 'call' ? 'call' : kind === 'message' ? 'chat' : null;
}

const DAY_MS = 86_400_000;
const UPSET_MOODS: readonly Mood[] = ['upset', 'angry', 'rude', 'abusive'];

/** Short guidance for the person who just dealt with an upset client; drawn from client-care practice. */
export const UPSET_GUIDANCE: readonly string[] = [
  'Listen first: let them finish, and play back what you heard.',
  'It is rarely about you. Don’t take it personally, and don’t lash back.',
  'Empathise before you analyse: “I understand why that is frustrating” comes before the fix.',
  'Say what happens next, and when they will hear from you.',
];

const HOSTILE_GUIDANCE = 'Rude or abusive behaviour is logged toward the relationship review; you do not have to accept it.';


function clip(text: string, max = 80): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/**
 * What one logged interaction means for the client's open items and clocks. Pure: the caller
 * (`/client log`, the mail watcher) writes the result. The table is documented in docs/rules.md.
 */
export function interactionEffects(input: {
  readonly interaction: LoggedInteraction;
  readonly openFollowUps: readonly FollowUp[];
  /** The message's channel and thread, when it came from a mailbox or a platform thread. */
  readonly trail?: MessageTrail;
  readonly workspace: Pick<Workspace, 'timeZone' | 'businessDays' | 'businessStart' | 'businessEnd'>;
  readonly policy: Policy;
}): InteractionEffects {
  const { interaction: i, openFollowUps, workspace, policy } = input;
  const open: NewFollowUp[] = [];
  const close = new Set<FollowUpKind>();
  const trail: MessageTrail | null = input.trail ?? (channelOfKind(i.kind) ? { channel: channelOfKind(i.kind)!, threadIds: [] } : null);
  const guidance: string[] = [];
  const touch: { lastInteractionAt: Date; lastGestureAt?: Date; lastAdviceAt?: Date } = { lastInteractionAt: i.occurredAt };
  const summary = clip(i.summary);
  const follow = (kind: FollowUpKind, text: string, snoozedUntil: Date | null = null, interactionId: string | null = i.id): NewFollowUp => ({
    clientId: i.clientId,
    interactionId,
    kind,
    summary: text,
    openedAt: i.occurredAt,
    snoozedUntil,
    source: i.source,
    externalRef: kind === 'reply' ? i.externalRef : null,
    channel: kind === 'reply' ? (trail?.channel ?? null) : null,
    threadIds: kind === 'reply' ? (trail?.threadIds ?? []) : [],
  });
  // Only what came in before this interaction can be settled by it: logging last month's call must
  // not answer this morning's email.
  const mine = openFollowUps.filter((f) => f.clientId === i.clientId && f.state !== 'done' && f.openedAt <= i.occurredAt);

  if (wantsReply(i)) {
    open.push(follow('reply', summary));
  }
  if (isReply(i)) {
    close.add('reply');
    // A conversation is the check-in, once the check-in is due; an early one must not erase it.
    const checkIns = mine.filter((f) => f.kind === 'check-in');
    if (checkIns.length > 0 && checkIns.every((f) => f.snoozedUntil === null || f.snoozedUntil <= i.occurredAt)) close.add('check-in');
  }
  switch (i.kind) {
    case 'complaint':
      open.push(follow('complaint', summary));
      break;
    case 'status-update': {
      // A status update restarts each open complaint's clock: close it and open it afresh.
      const complaints = mine.filter((f) => f.kind === 'complaint');
      if (complaints.length > 0) {
        close.add('complaint');
        for (const c of complaints) open.push(follow('complaint', c.summary, null, c.interactionId));
      }
      break;
    }
    case 'resolution':
      close.add('complaint');
      break;
    case 'mistake':
      open.push(follow('apology', summary));
      break;
    case 'apology': {
      close.add('apology');
      const at = new Date(i.occurredAt.getTime() + policy.checkInAfterDays * DAY_MS);
      const when = atLocalTime(localDateOf(at, workspace.timeZone), '00:00', workspace.timeZone);
      const mistake = mine.find((f) => f.kind === 'apology');
      const what = mistake ? ` for “${clip(mistake.summary, 60)}”` : '';
      open.push(follow('check-in', `see how things are a week after the apology${what}.`, when));
      break;
    }
    case 'referral':
      open.push(follow('referral-thanks', summary));
      break;
    case 'gift':
      close.add('referral-thanks');
      touch.lastGestureAt = i.occurredAt;
      break;
    case 'advice-asked':
    case 'feedback':
      touch.lastAdviceAt = i.occurredAt;
      break;
    default:
      break;
  }
  if (i.mood && UPSET_MOODS.includes(i.mood)) {
    guidance.push(...UPSET_GUIDANCE);
    if (i.mood === 'rude' || i.mood === 'abusive') guidance.push(HOSTILE_GUIDANCE);
    const day = nextBusinessDay(workspace, localDateOf(i.occurredAt, workspace.timeZone));
    // Due from that day's first minute, so the morning digest carries it.
    const when = atLocalTime(day, '00:00', workspace.timeZone);
    open.push(follow('check-in', `they were ${i.mood} on ${shortDate(localDateOf(i.occurredAt, workspace.timeZone))}; see how they are now.`, when));
  }
  const cleanTouch: ClientTouch = Object.fromEntries(Object.entries(touch).filter(([, v]) => v !== undefined));
  const settled = mine.filter((f) => close.has(f.kind) && (f.kind !== 'reply' || sameThread(f.threadIds, trail?.threadIds ?? [])));
  return { open, close: settled, touch: cleanTouch, guidance };
}

/** A reply settles an item in its own thread; when either side has no thread ids, any earlier item. */
function sameThread(item: readonly string[], reply: readonly string[]): boolean {
  return item.length === 0 || reply.length === 0 || item.some((id) => reply.includes(id));
}
