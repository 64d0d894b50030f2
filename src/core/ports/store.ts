import type {
  Client,
  ClientProfile,
  ClientStatus,
  Contact,
  DateKind,
  Direction,
  FamilyMember,
  FollowUp,
  FollowUpKind,
  Gift,
  ImportantDate,
  Interaction,
  InteractionKind,
  InteractionSource,
  Like,
  LikeCategory,
  Member,
  MessageChannel,
  Mood,
  Note,
  NudgeAck,
  Platform,
  Policy,
  Tier,
  Workspace,
} from '../model/index.js';
import type { CalendarDateRow, CalendarFeedState } from './calendar.js';
import type { CareSnapshotSource } from './care-snapshot.js';
import type { MailboxState } from './mailboxes.js';

/**
 * The storage port. The core asks; an adapter (Prisma on SQLite or PostgreSQL) answers.
 * Everything about clients goes through a WorkspaceStore, which is bound to one workspace:
 * no method on it can read or change another workspace's rows.
 */
export interface Store {
  /** Finds the workspace of a platform tenant, creating it on first contact. */
  ensureWorkspace(input: NewWorkspace): Promise<Workspace>;
  findWorkspace(platform: Platform, externalId: string): Promise<Workspace | null>;
  /** Every workspace, for the scheduler. */
  listWorkspaces(): Promise<Workspace[]>;
  /** Erases a workspace and every row that belongs to it. */
  deleteWorkspace(workspaceId: string): Promise<void>;
  /** All reads and writes for one workspace. */
  workspace(workspaceId: string): WorkspaceStore;
  close(): Promise<void>;
}

export interface NewWorkspace {
  readonly platform: Platform;
  readonly externalId: string;
  readonly name: string;
  readonly timeZone?: string;
  readonly digestChannel?: string | null;
}

export interface WorkspacePatch {
  readonly name?: string;
  readonly timeZone?: string;
  readonly digestChannel?: string | null;
  readonly businessDays?: readonly number[];
  readonly businessStart?: string;
  readonly businessEnd?: string;
  readonly policy?: Policy;
  /** The whole list of support channels (replaces what was there). */
  readonly supportChannels?: readonly string[];
  /** Lifts a delivery block (channel gone, token revoked): a new channel deserves a new try. */
  readonly clearDeliveryBlock?: boolean;
}

/** What can be corrected or removed about a client without forgetting the client. */
export type DetailKind = 'contact' | 'family' | 'date' | 'like';

export interface ContactPatch {
  readonly name?: string;
  readonly role?: string | null;
  readonly phone?: string | null;
  readonly addEmails?: readonly string[];
}

export interface FamilyPatch {
  readonly name?: string;
  readonly relation?: string;
}

export interface DatePatch {
  readonly month: number;
  readonly day: number;
  readonly year: number | null;
  readonly label?: string | null;
}

/** A client's name and aliases, for matching what people type. */
export interface ClientName {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

export interface ClientFilter {
  readonly ownerId?: string;
  readonly tier?: Tier;
  readonly status?: ClientStatus;
}

export interface NewClient {
  readonly name: string;
  readonly normalizedName: string;
  readonly aliases: readonly { readonly alias: string; readonly normalized: string }[];
  readonly ownerId: string | null;
  readonly tier: Tier;
  readonly status: ClientStatus;
  readonly platformUserId: string | null;
  readonly createdAt: Date;
}

export interface ClientPatch {
  readonly name?: string;
  readonly normalizedName?: string;
  readonly ownerId?: string | null;
  readonly tier?: Tier;
  readonly status?: ClientStatus;
  readonly platformUserId?: string | null;
  readonly addAliases?: readonly { readonly alias: string; readonly normalized: string }[];
}

/** Each field moves forward only: the store keeps the later of the stored and the given time. */
export interface ClientTouch {
  readonly lastInteractionAt?: Date;
  readonly lastGestureAt?: Date;
  readonly lastAdviceAt?: Date;
}

export interface NewInteraction {
  readonly clientId: string;
  readonly kind: InteractionKind;
  readonly direction: Direction;
  readonly mood: Mood | null;
  readonly summary: string;
  readonly contactName: string | null;
  readonly loggedById: string | null;
  readonly occurredAt: Date;
  readonly createdAt: Date;
  readonly source: InteractionSource;
  readonly externalRef: string | null;
}

export interface NewFollowUp {
  readonly clientId: string;
  readonly interactionId: string | null;
  readonly kind: FollowUpKind;
  readonly summary: string;
  readonly openedAt: Date;
  /** Snoozed until this time, for follow-ups that start later (a check-in a week after an apology). */
  readonly snoozedUntil: Date | null;
  readonly source: InteractionSource;
  readonly externalRef: string | null;
  readonly channel: MessageChannel | null;
  readonly threadIds: readonly string[];
}

export interface FollowUpPatch {
  readonly state: FollowUp['state'];
  readonly snoozedUntil?: Date | null;
  readonly closedAt?: Date | null;
  readonly closedById?: string | null;
}

export interface WorkspaceStore extends CareSnapshotSource {
  readonly workspaceId: string;
  /** Runs fn in one transaction: all of its writes commit, or none do. */
  transaction<T>(fn: (tx: WorkspaceStore) => Promise<T>): Promise<T>;

  getWorkspace(): Promise<Workspace>;
  updateWorkspace(patch: WorkspacePatch): Promise<Workspace>;

  ensureMember(platformUserId: string, displayName: string): Promise<Member>;
  findMember(platformUserId: string): Promise<Member | null>;
  getMembers(ids: readonly string[]): Promise<Member[]>;

  clientDirectory(): Promise<ClientName[]>;
  /** Clients whose name or alias is exactly one of these (as normalizeName folds them): an indexed lookup of a few keys, whole clients so that a command needs no second read. */
  clientsNamed(names: readonly string[]): Promise<Client[]>;
  /** The client linked to a platform member (a Discord member who is the client), if any. */
  findClientByMember(platformUserId: string): Promise<Client | null>;
  /** Whether the workspace has any client at all. */
  hasClients(): Promise<boolean>;
  getClient(clientId: string): Promise<Client | null>;
  listClients(filter?: ClientFilter): Promise<Client[]>;
  /** The whole profile; interactions newest first, at most interactionLimit of them (all when absent). */
  getProfile(clientId: string, options?: { readonly interactionLimit?: number }): Promise<ClientProfile | null>;
  /**
   * The profiles of every client the filter selects (ordered by name), read in a fixed number of
   * queries however many clients there are: for overviews and exports, never one query per client.
   */
  getProfiles(filter?: ClientFilter, options?: { readonly interactionLimit?: number }): Promise<ClientProfile[]>;
  createClient(input: NewClient): Promise<Client>;
  updateClient(clientId: string, patch: ClientPatch): Promise<Client>;
  touchClient(clientId: string, touch: ClientTouch): Promise<void>;
  /** Erases the client and everything about it. */
  forgetClient(clientId: string): Promise<void>;

  addContact(input: {
    readonly clientId: string;
    readonly name: string;
    readonly role: string | null;
    readonly phone: string | null;
    readonly emails: readonly string[];
  }): Promise<Contact>;
  /** The client whose contact has this address (lower-cased), for the mail watcher. */
  findContactByEmail(address: string): Promise<Contact | null>;
  addFamilyMember(input: { readonly clientId: string; readonly relation: string; readonly name: string }): Promise<FamilyMember>;
  addLike(input: { readonly clientId: string; readonly category: LikeCategory; readonly value: string }): Promise<Like>;
  addNote(input: { readonly clientId: string; readonly authorId: string | null; readonly text: string; readonly createdAt: Date }): Promise<Note>;
  addDate(input: {
    readonly clientId: string;
    readonly familyMemberId: string | null;
    readonly kind: DateKind;
    readonly label: string | null;
    readonly month: number;
    readonly day: number;
    readonly year: number | null;
  }): Promise<ImportantDate>;

  updateContact(contactId: string, patch: ContactPatch): Promise<Contact>;
  updateFamilyMember(familyMemberId: string, patch: FamilyPatch): Promise<FamilyMember>;
  updateDate(dateId: string, patch: DatePatch): Promise<ImportantDate>;
  /** Removes one contact, family member (and their dates), date or like; false when it was not there. */
  removeDetail(kind: DetailKind, id: string): Promise<boolean>;

  recordInteraction(input: NewInteraction): Promise<Interaction>;
  findInteractionByRef(externalRef: string): Promise<Interaction | null>;
  recordGift(input: {
    readonly clientId: string;
    readonly description: string;
    readonly occasion: string | null;
    readonly givenAt: Date;
    readonly loggedById: string | null;
  }): Promise<Gift>;

  openFollowUp(input: NewFollowUp): Promise<FollowUp>;
  getFollowUp(followUpId: string): Promise<FollowUp | null>;
  updateFollowUp(followUpId: string, patch: FollowUpPatch): Promise<FollowUp>;
  /** Closes these follow-ups of the client, where still open or snoozed; returns how many. */
  closeFollowUps(input: {
    readonly clientId: string;
    readonly ids: readonly string[];
    readonly closedAt: Date;
    readonly closedById: string | null;
  }): Promise<number>;
  /** Open or snoozed follow-ups whose message belongs to one of these threads, oldest first. */
  openFollowUpsInThreads(threadIds: readonly string[]): Promise<FollowUp[]>;
  /** Open and snoozed follow-ups of the workspace (of one client when given). */
  listOpenFollowUps(clientId?: string): Promise<FollowUp[]>;

  /** The workspace's calendar feed, or null when it has none (never created, or turned off). */
  calendarFeed(): Promise<CalendarFeedState | null>;
  /** Stores the hash of a new feed token in place of the old one (which stops working); null turns the feed off. */
  setCalendarFeed(tokenHash: string | null, at: Date): Promise<void>;
  /** Every date of the workspace's active and paused clients and their families, at most `limit`, in a fixed number of queries. */
  calendarDates(limit: number): Promise<CalendarDateRow[]>;

  saveNudgeAck(ack: NudgeAck): Promise<void>;
  /** The workspace's watched mailboxes and how their watching goes, by address. */
  mailboxStates(): Promise<MailboxState[]>;
  getNudgeAcks(nudgeIds: readonly string[]): Promise<NudgeAck[]>;
}
