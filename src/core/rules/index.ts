import type { Nudge, NudgeAck, Policy } from '../model/index.js';
import type { CareSnapshot } from '../ports/care-snapshot.js';
import { DEFAULT_GIFT_CATALOG, type GiftCatalog } from '../care/gift-catalog.js';
import type { NamedRule } from './rule.js';
import { apology, APOLOGY } from './apology.rule.js';
import { askAdvice, ASK_ADVICE } from './ask-advice.rule.js';
import { complaintUpdate, COMPLAINT_UPDATE } from './complaint-update.rule.js';
import { followUp, FOLLOW_UP } from './follow-up.rule.js';
import { keepInTouch, KEEP_IN_TOUCH } from './keep-in-touch.rule.js';
import { oneSided, ONE_SIDED } from './one-sided.rule.js';
import { personalDates, PERSONAL_DATES } from './personal-dates.rule.js';
import { referralThanks, REFERRAL_THANKS } from './referral-thanks.rule.js';
import { relationshipReview, RELATIONSHIP_REVIEW } from './relationship-review.rule.js';
import { sameDayReply, SAME_DAY_REPLY } from './same-day-reply.rule.js';
import { surprise, SURPRISE } from './surprise.rule.js';

export type { NamedRule, Rule } from './rule.js';
export { nudgeId } from './nudge-id.js';
export { careQuery } from './query.js';

/** Every care rule, in one explicit list. The gift catalog is the team's (default plus extras). */
export function careRules(catalog: GiftCatalog = DEFAULT_GIFT_CATALOG): readonly NamedRule[] {
  return [
    { name: SAME_DAY_REPLY, run: sameDayReply },
    { name: APOLOGY, run: apology },
    { name: COMPLAINT_UPDATE, run: complaintUpdate },
    { name: REFERRAL_THANKS, run: referralThanks(catalog) },
    { name: FOLLOW_UP, run: followUp },
    { name: PERSONAL_DATES, run: personalDates(catalog) },
    { name: RELATIONSHIP_REVIEW, run: relationshipReview },
    { name: ONE_SIDED, run: oneSided },
    { name: KEEP_IN_TOUCH, run: keepInTouch },
    { name: SURPRISE, run: surprise(catalog) },
    { name: ASK_ADVICE, run: askAdvice },
  ];
}

/** Done silences a nudge id for good (the next trigger has a new id); Snooze silences it until `until`. */
export function isSilenced(id: string, acks: readonly NudgeAck[], now: Date): boolean {
  return acks.some((a) => a.nudgeId === id && (a.action === 'done' || (a.until !== null && a.until > now)));
}

/** Runs every rule, drops acknowledged nudges, and removes duplicate ids. */
export function runRules(now: Date, snapshot: CareSnapshot, policy: Policy, rules: readonly NamedRule[] = careRules()): Nudge[] {
  const seen = new Set<string>();
  const out: Nudge[] = [];
  for (const rule of rules) {
    for (const nudge of rule.run(now, snapshot, policy)) {
      if (seen.has(nudge.id) || isSilenced(nudge.id, snapshot.acks, now)) continue;
      seen.add(nudge.id);
      out.push(nudge);
    }
  }
  return out;
}
