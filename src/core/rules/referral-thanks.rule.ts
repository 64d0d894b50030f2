import { sourceOf, type Nudge, type Policy } from '../model/index.js';
import type { CareSnapshot } from '../ports/care-snapshot.js';
import type { GiftCatalog } from '../care/gift-catalog.js';
import { ideaLine, suggestGifts } from '../care/gifts.js';
import { giftBudget } from '../care/tiers.js';
import { addDays, daysBetween, localDateOf } from '../time/index.js';
import { whenAhead } from '../time/relative.js';
import { dueFollowUps, callName, indexSnapshot, isFollowedUp, lines, makeNudge, quote } from './context.js';

export const REFERRAL_THANKS = 'referral-thanks';

/** A referral or contribution is thanked within `thankReferralDays`, ideally with a small gift. */
export function referralThanks(catalog: GiftCatalog) {
  return (now: Date, snapshot: CareSnapshot, policy: Policy): Nudge[] => {
    const ix = indexSnapshot(snapshot);
    const today = ix.today(now);
    return dueFollowUps(snapshot, ['referral-thanks'], now).flatMap((f) => {
      const client = ix.clients.get(f.clientId);
      if (!client || !isFollowedUp(client)) return [];
      const deadline = addDays(localDateOf(f.openedAt, ix.cal.timeZone), policy.thankReferralDays);
      const late = daysBetween(deadline, today);
      const idea = suggestGifts({
        likes: ix.likes(client.id),
        family: [],
        recentGifts: ix.gifts(client.id),
        budget: giftBudget(policy, client.tier),
        catalog,
        limit: 1,
      })[0];
      const first = callName(ix, client);
      return [
        makeNudge({
          rule: REFERRAL_THANKS,
          subject: f.id,
          occurrence: f.openedAt.toISOString(),
          client,
          group: 'today',
          urgency: late > 0 ? 90 : 75,
          title: late > 0
            ? `Thank ${client.name} for the referral: it has waited ${late + policy.thankReferralDays} days.`
            : `Thank ${client.name} for the referral, ${whenAhead(today, deadline) === 'today' ? 'today' : `by ${whenAhead(today, deadline).replace(/^on /, '')}`}.`,
          context: () => lines(
            f.summary ? `Referral: ${quote(f.summary)}.` : null,
            idea ? ideaLine(first, idea, 0, 'says thank you nicely') : null,
          ),
          triggeredAt: f.openedAt,
          followUpId: f.id,
          source: sourceOf(f),
        }),
      ];
    });
  };
}
