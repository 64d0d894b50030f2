import type { Nudge, Policy } from '../model/index.js';
import type { CareSnapshot } from '../ports/care-snapshot.js';
import { describeOccasion, nextOccurrence } from '../care/occasions.js';
import { ideaLine, suggestGifts } from '../care/gifts.js';
import { giftBudget } from '../care/tiers.js';
import type { GiftCatalog } from '../care/gift-catalog.js';
import { addDays, atLocalTime, businessDayOnOrBefore, daysBetween } from '../time/index.js';
import { whenAhead } from '../time/relative.js';
import { familyLine, callName, indexSnapshot, isActive, lastContactLine, lines, makeNudge } from './context.js';

export const PERSONAL_DATES = 'personal-dates';

/**
 * Birthdays, anniversaries, children's birthdays and client-since dates: a heads-up `dateLeadDays`
 * ahead (time to order a gift) and a reminder on the day. A date on a non-business day is also
 * announced from the business day before, so the note goes out before the weekend.
 */
export function personalDates(catalog: GiftCatalog) {
  return (now: Date, snapshot: CareSnapshot, policy: Policy): Nudge[] => {
    const ix = indexSnapshot(snapshot);
    const today = ix.today(now);
    const out: Nudge[] = [];
    for (const date of snapshot.upcomingDates) {
      const client = ix.clients.get(date.clientId);
      if (!client || !isActive(client)) continue;
      const occ = nextOccurrence(date, today);
      const dayFrom = businessDayOnOrBefore(ix.cal, occ);
      const member = date.familyMemberId ? ix.family(client.id).find((f) => f.id === date.familyMemberId) : undefined;
      const occasion = describeOccasion(date, client, member, occ, ix.contacts(client.id)[0]);
      const triggeredAt = atLocalTime(occ, '00:00', ix.cal.timeZone);
      const base = { rule: PERSONAL_DATES, subject: date.id, client, triggeredAt };
      if (today >= dayFrom) {
        const when = whenAhead(today, occ);
        const action = when === 'today' ? 'send a note today' : 'send your note today, before the weekend';
        out.push(
          makeNudge({
            ...base,
            occurrence: `${occ}:day`,
            group: 'today',
            urgency: 70,
            title: `${occasion.name} is ${when}: ${action}.`,
            context: () => lines(occasion.milestone, date.kind !== 'birthday' ? null : familyLine(ix, client.id), lastContactLine(ix, client.id, now)),
          }),
        );
        continue;
      }
      if (today < addDays(occ, -policy.dateLeadDays)) continue;
      // Gift ideas are context: worked out only if the nudge is shown.
      const ideas = () => occasion.giftish
        ? suggestGifts({
            likes: date.kind === 'child-birthday' ? [] : ix.likes(client.id),
            family: date.kind === 'child-birthday' && member ? [member] : [],
            recentGifts: ix.gifts(client.id),
            budget: giftBudget(policy, client.tier),
            catalog,
          })
        : [];
      const first = callName(ix, client);
      const ask = occasion.giftish ? 'time to order a gift' : 'a good moment for a thank-you';
      out.push(
        makeNudge({
          ...base,
          occurrence: `${occ}:ahead`,
          group: 'coming-up',
          urgency: 40 - daysBetween(today, occ),
          title: `${occasion.name} is ${whenAhead(today, occ)}: ${ask}.`,
          context: () => {
            const suggested = ideas();
            return lines(
              occasion.milestone,
              ...suggested.map((g, i) => ideaLine(first, g, i, 'would land well')),
              occasion.giftish && suggested.length === 0 ? 'No likes known yet: a handwritten card is never wrong.' : null,
              occasion.giftish ? null : 'A handwritten note on what working together has meant goes a long way.',
              lastContactLine(ix, client.id, now),
            );
          },
        }),
      );
    }
    return out;
  };
}
