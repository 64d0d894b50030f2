import { sourceOf, type Nudge, type Policy } from '../model/index.js';
import type { CareSnapshot } from '../ports/care-snapshot.js';
import { addBusinessDays, atLocalTime, localDateOf } from '../time/index.js';
import { whenAgo } from '../time/relative.js';
import { contactLine, dueFollowUps, indexSnapshot, isFollowedUp, lines, makeNudge, quote } from './context.js';

export const APOLOGY = 'apology';

/**
 * A logged mistake with no apology by the `apologyWithinDays`-th business day after it: apologise.
 * Logging the apology closes it and schedules a check-in (follow-up rule).
 */
export function apology(now: Date, snapshot: CareSnapshot, policy: Policy): Nudge[] {
  const ix = indexSnapshot(snapshot);
  const zone = ix.cal.timeZone;
  return dueFollowUps(snapshot, ['apology'], now).flatMap((f) => {
    const client = ix.clients.get(f.clientId);
    if (!client || !isFollowedUp(client)) return [];
    const dueDate = addBusinessDays(ix.cal, localDateOf(f.openedAt, zone), policy.apologyWithinDays);
    // From the first minute of that day, so the morning digest (often before opening time) carries it.
    if (now < atLocalTime(dueDate, '00:00', zone)) return [];
    return [
      makeNudge({
        rule: APOLOGY,
        subject: f.id,
        occurrence: f.openedAt.toISOString(),
        client,
        group: 'today',
        urgency: 88,
        title: `Apologise to ${client.name} for the mistake logged ${whenAgo(now, f.openedAt, zone)}.`,
        context: () => lines(
          f.summary ? `What happened: ${quote(f.summary)}.` : null,
          'Own it plainly, say what changes so it does not happen again, and skip the excuses.',
          contactLine(ix, f.clientId),
        ),
        triggeredAt: f.openedAt,
        followUpId: f.id,
        source: sourceOf(f),
      }),
    ];
  });
}
