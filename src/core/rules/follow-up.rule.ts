import { sourceOf, type Nudge } from '../model/index.js';
import type { CareSnapshot } from '../ports/care-snapshot.js';
import { dueFollowUps, indexSnapshot, isFollowedUp, lastContactLine, lines, makeNudge } from './context.js';

export const FOLLOW_UP = 'follow-up';

/**
 * Check-ins (a week after an apology, the business day after an upset client) and custom
 * follow-ups, once their snooze has passed. The follow-up's summary says why.
 */
export function followUp(now: Date, snapshot: CareSnapshot): Nudge[] {
  const ix = indexSnapshot(snapshot);
  return dueFollowUps(snapshot, ['check-in', 'custom'], now).flatMap((f) => {
    const client = ix.clients.get(f.clientId);
    if (!client || !isFollowedUp(client)) return [];
    const start = f.snoozedUntil ?? f.openedAt;
    return [
      makeNudge({
        rule: FOLLOW_UP,
        subject: f.id,
        occurrence: start.toISOString(),
        client,
        group: 'today',
        urgency: 60,
        title: f.kind === 'check-in' ? `Check in with ${client.name}: ${f.summary}` : `Follow up with ${client.name}: ${f.summary}`,
        context: () => lines(lastContactLine(ix, client.id, now)),
        triggeredAt: start,
        followUpId: f.id,
        source: sourceOf(f),
      }),
    ];
  });
}
