/** The three digest groups, in the order a reader meets them. */
export const NUDGE_GROUPS = ['today', 'attention', 'coming-up'] as const;
export type NudgeGroup = (typeof NUDGE_GROUPS)[number];

/**
 * One thing a person should do for a client. Its id is stable for one trigger (the same email, the
 * same birthday in the same year), so Done and Snooze work from any platform and a new trigger
 * makes a new nudge.
 */
export interface Nudge {
  readonly id: string;
  readonly rule: string;
  readonly clientId: string;
  readonly clientName: string;
  readonly ownerId: string | null;
  readonly group: NudgeGroup;
  /** Higher comes first within a group. */
  readonly urgency: number;
  /** One line, the action: "Reply to Jane Doe (Acme) — her email has waited 6 business hours". */
  readonly title: string;
  /** Supporting lines: contact, family, last interaction and when, likes, gift idea. */
  readonly context: readonly string[];
  /** When the trigger fired (the email arrived, the date falls). */
  readonly triggeredAt: Date;
  /** The follow-up this nudge stands for, if any: Done closes it too. */
  readonly followUpId: string | null;
  /** Only same-day-reply nudges go into the end-of-day sweep. */
  readonly sweep: boolean;
  /** The message the nudge is about, when a platform recorded one (a support post): renderers link to it. */
  readonly source?: MessageSource;
}

/**
 * A message as the platform that recorded it named it: its external id and thread ids (the
 * channel or thread it is in). Neutral: each platform's renderer turns its own into a link.
 */
export interface MessageSource {
  readonly externalId: string;
  readonly threadIds: readonly string[];
}

/** The message a follow-up stands for, when it has an id and a place to find it in. */
export function sourceOf(followUp: { readonly externalRef: string | null; readonly threadIds: readonly string[] }): MessageSource | undefined {
  return followUp.externalRef !== null && followUp.threadIds.length > 0 ? { externalId: followUp.externalRef, threadIds: followUp.threadIds } : undefined;
}
