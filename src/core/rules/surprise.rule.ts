import type { Nudge, Policy } from '../model/index.js';
import type { CareSnapshot } from '../ports/care-snapshot.js';
import type { GiftCatalog } from '../care/gift-catalog.js';
import { ideaLine, suggestGifts } from '../care/gifts.js';
import { giftBudget } from '../care/tiers.js';
import { addDays, atLocalTime, localDateOf, localDaysBetween } from '../time/index.js';
import { callName, indexSnapshot, isActive, lastContactLine, lines, makeNudge } from './context.js';

export const SURPRISE = 'surprise';

/**
 * A client with no gift or gesture in `surpriseAfterDays` gets an idea drawn from what they love,
 * within the tier's budget, never a repeat of the last year's gifts. With no likes known, the
 * nudge is to find out. The clock starts at the last gesture, or when they became a client.
 */
export function surprise(catalog: GiftCatalog) {
  return (now: Date, snapshot: CareSnapshot, policy: Policy): Nudge[] => {
    const ix = indexSnapshot(snapshot);
    const zone = ix.cal.timeZone;
    return snapshot.clients.filter(isActive).flatMap((client) => {
      const since = client.lastGestureAt ?? client.createdAt;
      const days = localDaysBetween(since, now, zone);
      if (days < policy.surpriseAfterDays) return [];
      const likes = ix.likes(client.id);
      const first = callName(ix, client);
      const ideas = () => suggestGifts({ likes, family: ix.family(client.id), recentGifts: ix.gifts(client.id), budget: giftBudget(policy, client.tier), catalog });
      const gap = client.lastGestureAt ? `no gift or gesture in ${days} days` : `nothing given in the ${days} days since they joined`;
      const base = {
        rule: SURPRISE,
        subject: client.id,
        occurrence: since.toISOString(),
        client,
        group: 'attention' as const,
        triggeredAt: atLocalTime(addDays(localDateOf(since, zone), policy.surpriseAfterDays), '00:00', zone),
      };
      if (likes.length === 0) {
        return [
          makeNudge({
            ...base,
            urgency: 15,
            title: `Find out what ${client.name} loves (${gap}).`,
            context: () => lines(
              'Next time you talk, ask about family, holidays, their team: then a surprise can be personal.',
              lastContactLine(ix, client.id, now),
            ),
          }),
        ];
      }
      return [
        makeNudge({
          ...base,
          urgency: 20,
          title: `Surprise ${client.name}: ${gap}.`,
          context: () => lines(
            ...ideas().map((g, i) => ideaLine(first, g, i, 'would make their week')),
            lastContactLine(ix, client.id, now),
          ),
        }),
      ];
    });
  };
}
