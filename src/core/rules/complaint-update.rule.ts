import { sourceOf, type Nudge, type Policy } from '../model/index.js';
import type { CareSnapshot } from '../ports/care-snapshot.js';
import { businessDayHours, businessHoursBetween } from '../time/index.js';
import { businessAge } from '../time/relative.js';
import { contactLine, dueFollowUps, indexSnapshot, isFollowedUp, lines, makeNudge, quote } from './context.js';

export const COMPLAINT_UPDATE = 'complaint-update';

/**
 * An open complaint with no news for `complaintUpdateHours` business hours. A logged status update
 * replaces the complaint follow-up with a fresh one (see interaction-effects), so the clock and the
 * nudge id restart; a resolution closes it.
 */
export function complaintUpdate(now: Date, snapshot: CareSnapshot, policy: Policy): Nudge[] {
  const ix = indexSnapshot(snapshot);
  return dueFollowUps(snapshot, ['complaint'], now).flatMap((f) => {
    const client = ix.clients.get(f.clientId);
    if (!client || !isFollowedUp(client)) return [];
    const hours = businessHoursBetween(ix.cal, f.openedAt, now);
    if (hours < policy.complaintUpdateHours) return [];
    return [
      makeNudge({
        rule: COMPLAINT_UPDATE,
        subject: f.id,
        occurrence: f.openedAt.toISOString(),
        client,
        group: 'attention',
        urgency: 85,
        title: `Update ${client.name} on their complaint: ${businessAge(hours, businessDayHours(ix.cal))} without news.`,
        context: () => lines(
          f.summary ? `Complaint: ${quote(f.summary)}.` : null,
          'Send an update even without an answer yet: what you are doing, and when they will hear next.',
          contactLine(ix, f.clientId),
        ),
        triggeredAt: f.openedAt,
        followUpId: f.id,
        source: sourceOf(f),
      }),
    ];
  });
}
