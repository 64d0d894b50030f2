import type { Nudge, Policy } from '../model/index.js';
import type { CareSnapshot } from '../ports/care-snapshot.js';
import { keepInTouchDays } from '../care/tiers.js';
import { addDays, atLocalTime, localDateOf, localDaysBetween } from '../time/index.js';
import { askAfterLine, indexSnapshot, isActive, lastContactLine, likesLine, lines, makeNudge } from './context.js';

export const KEEP_IN_TOUCH = 'keep-in-touch';

/** No interaction of any kind for the tier's number of days: reconnect. Any logged interaction restarts the clock. */
export function keepInTouch(now: Date, snapshot: CareSnapshot, policy: Policy): Nudge[] {
  const ix = indexSnapshot(snapshot);
  const zone = ix.cal.timeZone;
  return snapshot.clients.filter(isActive).flatMap((client) => {
    const since = client.lastInteractionAt ?? client.createdAt;
    const days = localDaysBetween(since, now, zone);
    const limit = keepInTouchDays(policy, client.tier);
    if (days < limit) return [];
    return [
      makeNudge({
        rule: KEEP_IN_TOUCH,
        subject: client.id,
        occurrence: since.toISOString(),
        client,
        group: 'attention',
        urgency: 30 + Math.min(20, days - limit),
        title: `Reconnect with ${client.name}: ${days} days without a word${client.tier === 'top' ? ' (top client)' : ''}.`,
        context: () => lines(lastContactLine(ix, client.id, now), askAfterLine(ix, client.id), likesLine(ix, client.id)),
        triggeredAt: atLocalTime(addDays(localDateOf(since, zone), limit), '00:00', zone),
      }),
    ];
  });
}
