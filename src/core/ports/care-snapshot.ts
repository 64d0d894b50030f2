import type {
  Client,
  Contact,
  FamilyMember,
  FollowUp,
  Gift,
  ImportantDate,
  Interaction,
  Like,
  Member,
  Mood,
  NudgeAck,
  Tier,
  Workspace,
} from '../model/index.js';

/**
 * What the care rules need to plan one digest, selected by indexed queries so that the cost grows
 * with the number of due items, not with the length of history.
 */
export interface CareSnapshotQuery {
  readonly now: Date;
  /** Recurring dates whose month and day fall in this window (inclusive; it may wrap the year end). */
  readonly dateWindow: { readonly from: MonthDay; readonly to: MonthDay };
  /** Clients with no interaction since this time (or none ever): keep-in-touch candidates. */
  readonly quietBefore: Date;
  /**
   * The same per tier (the exact keep-in-touch condition, since each tier has its own number of
   * days); when absent, quietBefore applies to every tier.
   */
  readonly quietBeforeByTier?: Readonly<Record<Tier, Date>>;
  /**
   * Clients with no gift or gesture since this time: surprise candidates. A client with no gesture
   * ever is a candidate when added before it, or when its client-since date (year known) is before it.
   */
  readonly gestureBefore: Date;
  /** Top-tier clients not asked for advice since this time. */
  readonly adviceBefore: Date;
  /** Interactions with a mood, since this time, for relationship health. */
  readonly moodSince: Date;
  /** Gifts since this time, so an idea never repeats a recent gift. */
  readonly giftsSince: Date;
  /** Clients we reached out to at least this many times since moodSince: one-sided candidates. */
  readonly outreachAtLeast: number;
  /** Only interactions with these moods go into moodInteractions (every mood when absent). */
  readonly moods?: readonly Mood[];
  /** Only exchanges where nothing came back (inbound 0) are returned (all when absent or false). */
  readonly silentOnly?: boolean;
  /**
   * At most this many candidates of each client family (keep-in-touch per tier, surprise, advice)
   * and of upcoming dates, the most overdue or nearest first, plus every one tied with the last
   * (same local day) and enough more to cover the acknowledged ones; the rest are only counted in
   * `unlisted`. Absent: every candidate. Open follow-ups, hostile moods and one-sided exchanges are
   * never cut: they are bounded by the open work, not by the number of clients.
   */
  readonly limit?: number;
}

/** How much went each way with one client since moodSince (directional interactions only). */
export interface ClientExchange {
  readonly clientId: string;
  readonly inbound: number;
  readonly outbound: number;
  readonly lastOutboundAt: Date;
}

export interface MonthDay {
  readonly month: number;
  readonly day: number;
}

export interface CareSnapshot {
  readonly workspace: Workspace;
  readonly members: readonly Member[];
  /** Every client referenced by anything below, and the candidates themselves. */
  readonly clients: readonly Client[];
  readonly openFollowUps: readonly FollowUp[];
  readonly upcomingDates: readonly ImportantDate[];
  readonly family: readonly FamilyMember[];
  readonly contacts: readonly Contact[];
  readonly likes: readonly Like[];
  readonly recentGifts: readonly Gift[];
  /** Interactions that carry a mood, since moodSince. */
  readonly moodInteractions: readonly Interaction[];
  /** Clients with at least `outreachAtLeast` outbound interactions since moodSince, and what came back. */
  readonly exchanges: readonly ClientExchange[];
  /** The latest interaction of each client in `clients`, for context lines. */
  readonly lastInteractions: readonly Interaction[];
  /**
   * Client-since dates with a year, of clients with no gift or gesture yet, dated before
   * gestureBefore (a wider selection is harmless): the surprise clock starts there when it is
   * earlier than when the client was added to Rapport.
   */
  readonly clientSince: readonly ImportantDate[];
  readonly acks: readonly NudgeAck[];
  /**
   * Candidates counted but left out by `limit`: each is one more due nudge that the rules did not
   * see (0 without a limit). An acknowledged one left out is still counted.
   */
  readonly unlisted?: number;
}

export interface CareSnapshotSource {
  careSnapshot(query: CareSnapshotQuery): Promise<CareSnapshot>;
}
