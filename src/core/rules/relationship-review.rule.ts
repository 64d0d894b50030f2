import type { Interaction, Nudge, Policy } from '../model/index.js';
import type { CareSnapshot } from '../ports/care-snapshot.js';
import { shortDate, localDateOf } from '../time/index.js';
import { indexSnapshot, isActive, lines, makeNudge, quote } from './context.js';

export const RELATIONSHIP_REVIEW = 'relationship-review';

export const HOSTILE_MOODS = ['rude', 'abusive'] as const;

/**
 * Repeated rude or abusive interactions flag the relationship for its owner to review, with the
 * reason. The bot never drops a client: a respectful partnership is the owner's call. Each new
 * hostile interaction that keeps the count over the threshold is a new trigger.
 */
export function relationshipReview(now: Date, snapshot: CareSnapshot, policy: Policy): Nudge[] {
  const ix = indexSnapshot(snapshot);
  const zone = ix.cal.timeZone;
  const since = now.getTime() - policy.abuseWindowDays * 86_400_000;
  const hostile = new Map<string, Interaction[]>();
  for (const i of snapshot.moodInteractions) {
    if (!i.mood || !(HOSTILE_MOODS as readonly string[]).includes(i.mood)) continue;
    if (i.occurredAt.getTime() < since || i.occurredAt > now) continue;
    hostile.set(i.clientId, [...(hostile.get(i.clientId) ?? []), i]);
  }
  const out: Nudge[] = [];
  for (const [clientId, list] of [...hostile].sort(([a], [b]) => a.localeCompare(b))) {
    const client = ix.clients.get(clientId);
    if (!client || !isActive(client) || list.length < policy.abuseCount) continue;
    const sorted = [...list].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || a.id.localeCompare(b.id));
    const latest = sorted[0]!;
    out.push(
      makeNudge({
        rule: RELATIONSHIP_REVIEW,
        subject: clientId,
        occurrence: latest.id,
        client,
        group: 'attention',
        urgency: 50,
        title: `Review the relationship with ${client.name}: ${list.length} rude or abusive interactions in ${policy.abuseWindowDays} days.`,
        context: () => lines(
          ...sorted.slice(0, 3).map((i) => `${shortDate(localDateOf(i.occurredAt, zone))}, ${i.mood}: ${quote(i.summary, 60)}.`),
          'Talk it over with the team. Keeping or ending it is a person’s decision, never the bot’s.',
        ),
        triggeredAt: latest.occurredAt,
      }),
    );
  }
  return out;
}
