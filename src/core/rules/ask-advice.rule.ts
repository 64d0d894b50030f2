import type { Nudge, Policy } from '../model/index.js';
import type { CareSnapshot } from '../ports/care-snapshot.js';
import { addDays, atLocalTime, localDateOf, localDaysBetween } from '../time/index.js';
import { indexSnapshot, isActive, lastContactLine, lines, makeNudge } from './context.js';

export const ASK_ADVICE = 'ask-advice';

/** Top clients not asked for feedback or advice in `adviceEveryDays`: asking says their view counts. */
export function askAdvice(now: Date, snapshot: CareSnapshot, policy: Policy): Nudge[] {
  const ix = indexSnapshot(snapshot);
  const zone = ix.cal.timeZone;
  return snapshot.clients
    .filter((c) => isActive(c) && c.tier === 'top')
    .flatMap((client) => {
      const since = client.lastAdviceAt ?? client.createdAt;
      const days = localDaysBetween(since, now, zone);
      if (days < policy.adviceEveryDays) return [];
      return [
        makeNudge({
          rule: ASK_ADVICE,
          subject: client.id,
          occurrence: since.toISOString(),
          client,
          group: 'attention',
          urgency: 25,
          title: client.lastAdviceAt
            ? `Ask ${client.name} for their advice: the last time was ${days} days ago.`
            : `Ask ${client.name} for their advice: we never have.`,
          context: () => lines('What should we do better? What are they seeing in their market? People like being asked.', lastContactLine(ix, client.id, now)),
          triggeredAt: atLocalTime(addDays(localDateOf(since, zone), policy.adviceEveryDays), '00:00', zone),
        }),
      ];
    });
}
