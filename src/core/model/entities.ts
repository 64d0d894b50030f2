import type {
  ClientStatus,
  DateKind,
  Direction,
  FollowUpKind,
  FollowUpState,
  InteractionKind,
  InteractionSource,
  LikeCategory,
  MessageChannel,
  Mood,
  Platform,
  Tier,
} from './vocabulary.js';
import type { Policy } from './policy.js';

/** The tenant: one Slack team, one Discord guild, or the local console. */
export interface Workspace {
  readonly id: string;
  readonly platform: Platform;
  readonly externalId: string;
  readonly name: string;
  readonly timeZone: string;
  readonly digestChannel: string | null;
  /** ISO weekdays, Monday = 1 … Sunday = 7. */
  readonly businessDays: readonly number[];
  /** "HH:mm" in the workspace's zone. */
  readonly businessStart: string;
  readonly businessEnd: string;
  readonly policy: Policy;
  /**
   * Channels whose new posts wait for a staff reply (Discord's support watch), set with
   * `/client settings support-channel`. Absent until set: a deployment default may seed it then.
   */
  readonly supportChannels?: readonly string[];
}

export interface Member {
  readonly id: string;
  readonly platformUserId: string;
  readonly displayName: string;
}

export interface Client {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly ownerId: string | null;
  readonly tier: Tier;
  readonly status: ClientStatus;
  readonly platformUserId: string | null;
  readonly lastInteractionAt: Date | null;
  readonly lastGestureAt: Date | null;
  readonly lastAdviceAt: Date | null;
  readonly createdAt: Date;
}

export interface Contact {
  readonly id: string;
  readonly clientId: string;
  readonly name: string;
  readonly role: string | null;
  readonly phone: string | null;
  readonly emails: readonly string[];
}

export interface FamilyMember {
  readonly id: string;
  readonly clientId: string;
  readonly relation: string;
  readonly name: string;
}

export interface Like {
  readonly id: string;
  readonly clientId: string;
  readonly category: LikeCategory;
  readonly value: string;
}

export interface Note {
  readonly id: string;
  readonly clientId: string;
  readonly authorId: string | null;
  readonly text: string;
  readonly createdAt: Date;
}

/** A recurring date; the year may be unknown. */
export interface ImportantDate {
  readonly id: string;
  readonly clientId: string;
  readonly familyMemberId: string | null;
  readonly kind: DateKind;
  readonly label: string | null;
  readonly month: number;
  readonly day: number;
  readonly year: number | null;
}

export interface Interaction {
  readonly id: string;
  readonly clientId: string;
  readonly kind: InteractionKind;
  readonly direction: Direction;
  readonly mood: Mood | null;
  readonly summary: string;
  readonly contactName: string | null;
  readonly loggedById: string | null;
  readonly occurredAt: Date;
  readonly source: InteractionSource;
  readonly externalRef: string | null;
}

/** An open item: an unanswered email or call, an open complaint, a mistake awaiting an apology. */
export interface FollowUp {
  readonly id: string;
  readonly clientId: string;
  readonly interactionId: string | null;
  readonly kind: FollowUpKind;
  readonly state: FollowUpState;
  readonly summary: string;
  readonly openedAt: Date;
  readonly snoozedUntil: Date | null;
  readonly closedAt: Date | null;
  readonly source: InteractionSource;
  readonly externalRef: string | null;
  /** What an awaiting-reply item waits on: the email, call, chat or forum post that came in. */
  readonly channel: MessageChannel | null;
  /** The thread ids of that message; a reply with thread ids closes it only in the same thread. */
  readonly threadIds: readonly string[];
}

export interface Gift {
  readonly id: string;
  readonly clientId: string;
  readonly description: string;
  readonly occasion: string | null;
  readonly givenAt: Date;
}

export interface NudgeAck {
  readonly nudgeId: string;
  readonly action: 'done' | 'snoozed';
  readonly until: Date | null;
  readonly actorId: string | null;
  readonly at: Date;
}

/** Everything known about one client, for `/client show` and `/client export`. */
export interface ClientProfile {
  readonly client: Client;
  readonly owner: Member | null;
  readonly contacts: readonly Contact[];
  readonly family: readonly FamilyMember[];
  readonly likes: readonly Like[];
  readonly notes: readonly Note[];
  readonly dates: readonly ImportantDate[];
  readonly interactions: readonly Interaction[];
  readonly followUps: readonly FollowUp[];
  readonly gifts: readonly Gift[];
}
