import type { Policy, Tier } from '../model/index.js';

/** The gift budget of a tier, from the workspace's policy. */
export function giftBudget(policy: Policy, tier: Tier): number {
  return tier === 'top' ? policy.giftBudgetTop : tier === 'standard' ? policy.giftBudgetStandard : policy.giftBudgetLight;
}

/** Days of silence after which a client of this tier should hear from us. */
export function keepInTouchDays(policy: Policy, tier: Tier): number {
  return tier === 'top' ? policy.keepInTouchTopDays : tier === 'standard' ? policy.keepInTouchStandardDays : policy.keepInTouchLightDays;
}
