import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:mm, e.g. 08:45');
const days = (max: number) => z.number().int().min(1).max(max);

/**
 * Per-workspace rule settings. Every threshold the care rules use lives here, with the
 * default that client-care practice suggests; `/client settings` changes them one at a time.
 */
export const Policy = z.object({
  /** When the morning digest is posted, workspace time. */
  digestAt: hhmm.default('08:45'),
  /** When the end-of-day sweep for unanswered calls and emails runs, workspace time. */
  sweepAt: hhmm.default('16:30'),
  /** Heads-up this many days before a personal date. */
  dateLeadDays: days(60).default(7),
  /** A client with no gift or gesture in this many days gets a "surprise them" idea. */
  surpriseAfterDays: days(730).default(120),
  /** Days without any interaction before a reconnect nudge, by tier. */
  keepInTouchTopDays: days(730).default(14),
  keepInTouchStandardDays: days(730).default(30),
  keepInTouchLightDays: days(730).default(90),
  /** An open complaint with no status update for this many business hours needs an update. */
  complaintUpdateHours: z.number().int().min(1).max(720).default(24),
  /** A logged mistake with no apology within this many business days. */
  apologyWithinDays: days(30).default(1),
  /** A check-in this many days after an apology. */
  checkInAfterDays: days(90).default(7),
  /** Thank a referral within this many days. */
  thankReferralDays: days(30).default(2),
  /** Ask top-tier clients for feedback or advice every this many days. */
  adviceEveryDays: days(730).default(90),
  /** Rude or abusive interactions that flag a relationship for review… */
  abuseCount: z.number().int().min(1).max(50).default(3),
  /** …within this many days. */
  abuseWindowDays: days(365).default(60),
  /** Gift budget by tier, in the workspace's currency units. */
  giftBudgetTop: z.number().int().min(0).max(100000).default(150),
  giftBudgetStandard: z.number().int().min(0).max(100000).default(60),
  giftBudgetLight: z.number().int().min(0).max(100000).default(25),
  /** Whether `/client log` confirmations are visible to the channel (true) or only to the caller. */
  logVisibleToChannel: z.boolean().default(false),
  /** Most nudges listed in one digest before "and N more". */
  digestMaxItems: z.number().int().min(3).max(200).default(25),
});
export type Policy = z.infer<typeof Policy>;
export type PolicyKey = keyof Policy;

export const DEFAULT_POLICY: Policy = Policy.parse({});

/** Reads stored settings: unknown keys are dropped and invalid values fall back to the default. */
export function policyFromStored(stored: unknown): Policy {
  const input = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(Policy.shape) as PolicyKey[]) {
    const parsed = Policy.shape[key].safeParse(input[key]);
    out[key] = parsed.success ? parsed.data : DEFAULT_POLICY[key];
  }
  return out as Policy;
}

/** Most support channels one workspace may watch. */
export const MAX_SUPPORT_CHANNELS = 25;

/** Support channels as stored beside the policy in the workspace's settings: platform channel ids. */
const SupportChannels = z.array(z.string().regex(/^[A-Za-z0-9]{1,40}$/)).max(MAX_SUPPORT_CHANNELS);

/**
 * Reads the stored support channels: absent (never set, so a deployment default may seed them) when
 * the key is missing; a broken value reads as none rather than taking the workspace down.
 */
export function supportChannelsFromStored(stored: unknown): readonly string[] | undefined {
  if (typeof stored !== 'object' || stored === null || !('supportChannels' in stored)) return undefined;
  const parsed = SupportChannels.safeParse((stored as { supportChannels: unknown }).supportChannels);
  return parsed.success ? [...new Set(parsed.data)] : [];
}

/** The settings blob a workspace stores: the policy's keys, and the support channels once set. */
export function settingsToStore(policy: Policy, supportChannels: readonly string[] | undefined): Record<string, unknown> {
  return { ...policy, ...(supportChannels === undefined ? {} : { supportChannels: SupportChannels.parse([...supportChannels]) }) };
}
