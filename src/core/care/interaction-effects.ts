import { isReply, wantsReply } from './replies.js';
import type { FollowUp, FollowUpKind, Interaction, Mood, Policy, Workspace } from '../model/index.js';
import type { ClientTouch, NewFollowUp } from '../ports/store.js';
import { atLocalTime, localDateOf, nextBusinessDay, shortDate } from '../time/index.js';

export interface InteractionEffects {
  readonly open: readonly NewFollowUp[];
  readonly close: { readonly kinds: readonly FollowUpKind[] };
  readonly touch: ClientTouch;
  readonly guidance: readonly string[];
}

export type LoggedInteraction = Pick<Interaction, 'id' | 'clientId' | 'kind' | 'direction' | 'mood' | 'occurredAt' | 'summary' | 'source' | 'externalRef'>;

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
  readonly workspace: Pick<Workspace, 'timeZone' | 'businessDays' | 'businessStart' | 'businessEnd'>;
  readonly policy: Policy;
}): InteractionEffects {
  const { interaction: i, openFollowUps, workspace, policy } = input;
  const open: NewFollowUp[] = [];
  const close = new Set<FollowUpKind>();
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
  });
  const mine = openFollowUps.filter((f) => f.clientId === i.clientId && f.state !== 'done');

  if (wantsReply(i)) {
    const what = i.kind === 'email-in' ? 'Email' : i.kind === 'call' ? 'Call' : 'Message';
    open.push(follow('reply', `${what}: ${summary}`));
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
  return { open, close: { kinds: [...close] }, touch: cleanTouch, guidance };
}
