import { DateTime } from 'luxon';
import type { Client, ImportantDate, Nudge, Policy } from '../model/index.js';
import type { CareSnapshot } from '../ports/care-snapshot.js';
import type { GiftCatalog } from '../care/gift-catalog.js';
import { ideaLine, suggestGifts } from '../care/gifts.js';
import { occurrenceIn } from '../care/occasions.js';
import { giftBudget } from '../care/tiers.js';
import { addDays, atLocalTime, localDateOf, localDaysBetween } from '../time/index.js';
import { callName, indexSnapshot, isActive, lastContactLine, lines, makeNudge } from './context.js';

export const SURPRISE = 'surprise';

/**
 * When the client relationship began, as far as Rapport knows: the recorded client-since date (with
 * a year) when it is earlier than the day the client was added, else when it was added. A team that
 * installs Rapport and records its clients' history starts with the clock where it really is.
 */
function clientSinceOf(client: Client, dates: readonly ImportantDate[], zone: string): { at: Date; recorded: boolean } {
  let at = client.createdAt;
  let recorded = false;
  for (const d of dates) {
    if (d.clientId !== client.id || d.kind !== 'client-since' || d.year === null) continue;
    const start = atLocalTime(occurrenceIn(d.month, d.day, d.year), '00:00', zone);
    if (start < at) [at, recorded] = [start, true];
  }
  return { at, recorded };
}

/**
 * A client with no gift or gesture in `surpriseAfterDays` gets an idea drawn from what they love,
 * within the tier's budget, never a repeat of the last year's gifts. With no likes known, the
 * nudge is to find out. The clock starts at the last gesture, or when they became a client: the
 * recorded client-since date when earlier than the day they were added to Rapport.
 */
export function surprise(catalog: GiftCatalog) {
  return (now: Date, snapshot: CareSnapshot, policy: Policy): Nudge[] => {
    const ix = indexSnapshot(snapshot);
    const zone = ix.cal.timeZone;
    return snapshot.clients.filter(isActive).flatMap((client) => {
      const joined = clientSinceOf(client, snapshot.clientSince, zone);
      const since = client.lastGestureAt ?? joined.at;
      const days = localDaysBetween(since, now, zone);
      if (days < policy.surpriseAfterDays) return [];
      const likes = ix.likes(client.id);
      const first = callName(ix, client);
      const ideas = () => suggestGifts({ likes, family: ix.family(client.id), recentGifts: ix.gifts(client.id), budget: giftBudget(policy, client.tier), catalog });
      const gap = client.lastGestureAt
        ? `no gift or gesture in ${days} days`
        : joined.recorded
          ? `a client since ${DateTime.fromJSDate(joined.at, { zone }).setLocale('en-GB').toFormat('LLLL yyyy')}, and no gift or gesture on record`
          : `nothing given in the ${days} days since they joined`;
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
