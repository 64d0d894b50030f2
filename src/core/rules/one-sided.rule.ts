import type { Nudge, Policy } from '../model/index.js';
import type { CareSnapshot } from '../ports/care-snapshot.js';
import { isOneSided } from '../care/one-sided.js';
import { localDateOf, shortDate } from '../time/index.js';
import { indexSnapshot, isActive, lines, makeNudge } from './context.js';

export const ONE_SIDED = 'one-sided';

/**
 * The customer is not always right, and a partnership goes both ways: when every recent contact
 * came from us and nothing came back, the owner is asked to review the relationship. A flag, never
 * a decision. Each further unanswered outreach is a new trigger, so Done holds until it grows.
 */
export function oneSided(now: Date, snapshot: CareSnapshot, policy: Policy): Nudge[] {
  const ix = indexSnapshot(snapshot);
  const out: Nudge[] = [];
  for (const exchange of snapshot.exchanges) {
    const client = ix.clients.get(exchange.clientId);
    if (!client || !isActive(client) || !isOneSided(exchange)) continue;
    out.push(
      makeNudge({
        rule: ONE_SIDED,
        subject: client.id,
        occurrence: String(exchange.outbound),
        client,
        group: 'attention',
        urgency: 40,
        title: `Review the relationship with ${client.name}: ${exchange.outbound} calls, emails or messages from us in ${Math.max(policy.abuseWindowDays, 90)} days, and nothing back.`,
        context: () => lines(
          `Last reached out on ${shortDate(localDateOf(exchange.lastOutboundAt, ix.cal.timeZone))}.`,
          'Ask the owner whether it is still a partnership worth the effort. Keeping or ending it is a person’s decision, never the bot’s.',
        ),
        triggeredAt: exchange.lastOutboundAt,
      }),
    );
  }
  return out;
}
