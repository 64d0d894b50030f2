// The WorkspaceStore: every method is bound to one workspace and delegates to query modules that
// filter by it. Inside transaction(fn) the same class runs on the interactive transaction.
import { settingsToStore, type Client, type ClientProfile, type Member, type NudgeAck, type Policy, type Workspace } from '../../core/model/index.js';
import type { CareSnapshot, CareSnapshotQuery } from '../../core/ports/care-snapshot.js';
import type {
  ClientFilter,
  ClientName,
  ClientPatch,
  ClientTouch,
  ContactPatch,
  DatePatch,
  DetailKind,
  FamilyPatch,
  FollowUpPatch,
  NewClient,
  NewFollowUp,
  NewInteraction,
  WorkspacePatch,
  WorkspaceStore,
} from '../../core/ports/store.js';
import { inChunks } from './chunks.js';
import * as calendar from './calendar.js';
import * as clients from './clients.js';
import * as details from './details.js';
import type { Db } from './database.js';
import { mailboxStates } from './mailboxes.js';
import * as records from './records.js';
import { fromBusinessDays, settingsOf, toMember, toWorkspace } from './rows.js';
import { KnownIds, type Scope, type Tx } from './scope.js';
import { careSnapshot } from './snapshot.js';
import type { DirectoryCache } from './directory-cache.js';

/** Generous bounds: SQLite serialises writers, so a transaction may wait for another one. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;

type Param<K extends keyof WorkspaceStore, I extends number = 0> = WorkspaceStore[K] extends (...args: infer A) => unknown ? A[I] : never;

export class PrismaWorkspaceStore implements WorkspaceStore {
  private readonly scope: Scope;

  /** root is the client to open transactions on; null when already inside one. */
  constructor(
    db: Tx,
    readonly workspaceId: string,
    private readonly root: Db | null,
    private readonly directoryCache?: DirectoryCache,
    known?: KnownIds,
  ) {
    this.scope = { db, workspaceId, ...(directoryCache ? { directoryCache } : {}), ...(known ? { known } : {}) };
  }

  /** Nested calls reuse the current transaction: the outermost one decides commit or rollback. */
  async transaction<T>(fn: (tx: WorkspaceStore) => Promise<T>): Promise<T> {
    if (this.root === null) return fn(this);
    return this.root.$transaction((tx) => fn(new PrismaWorkspaceStore(tx, this.workspaceId, null, this.directoryCache, new KnownIds())), TRANSACTION_OPTIONS);
  }

  async getWorkspace(): Promise<Workspace> {
    const row = await this.scope.db.workspace.findUnique({ where: { id: this.workspaceId } });
    if (row === null) throw new Error(`workspace ${this.workspaceId} does not exist`);
    return toWorkspace(row);
  }

  async updateWorkspace(patch: WorkspacePatch): Promise<Workspace> {
    const { policy, supportChannels, businessDays, clearDeliveryBlock, ...fields } = patch;
    // The policy and the support channels share one blob: a change to one keeps the other as stored.
    const settings = policy === undefined && supportChannels === undefined ? undefined : await this.mergedSettings(policy, supportChannels);
    const row = await this.scope.db.workspace.update({
      where: { id: this.workspaceId },
      data: {
        ...fields,
        ...(businessDays === undefined ? {} : { businessDays: fromBusinessDays(businessDays) }),
        ...(settings === undefined ? {} : { settings }),
        ...(clearDeliveryBlock ? { deliveryBlockedReason: null, deliveryBlockedAt: null } : {}),
      },
    });
    return toWorkspace(row);
  }

  private async mergedSettings(policy: Policy | undefined, supportChannels: readonly string[] | undefined): Promise<string> {
    const row = await this.scope.db.workspace.findUnique({ where: { id: this.workspaceId }, select: { settings: true } });
    const stored = settingsOf(row?.settings ?? '{}');
    return JSON.stringify(settingsToStore(policy ?? stored.policy, supportChannels ?? stored.supportChannels));
  }

  /** One indexed read when the member is known under the same name (every command asks); a write only when new or renamed. */
  async ensureMember(platformUserId: string, displayName: string): Promise<Member> {
    const { workspaceId } = this;
    const found = await this.scope.db.member.findUnique({ where: { workspaceId_platformUserId: { workspaceId, platformUserId } } });
    const row =
      found !== null && found.displayName === displayName
        ? found
        : await this.scope.db.member.upsert({
            where: { workspaceId_platformUserId: { workspaceId, platformUserId } },
            create: { workspaceId, platformUserId, displayName },
            update: { displayName },
          });
    this.scope.known?.members.add(row.id);
    return toMember(row);
  }

  async findMember(platformUserId: string): Promise<Member | null> {
    const row = await this.scope.db.member.findFirst({ where: { workspaceId: this.workspaceId, platformUserId } });
    return row === null ? null : toMember(row);
  }

  async getMembers(ids: readonly string[]): Promise<Member[]> {
    const rows = await inChunks([...new Set(ids)], (slice) => this.scope.db.member.findMany({ where: { workspaceId: this.workspaceId, id: { in: slice } } }));
    return rows.map(toMember);
  }

  clientDirectory(): Promise<ClientName[]> {
    return clients.clientDirectory(this.scope);
  }
  clientsNamed(names: readonly string[]): Promise<Client[]> {
    return details.clientsNamed(this.scope, names);
  }
  findClientByMember(platformUserId: string) {
    return details.findClientByMember(this.scope, platformUserId);
  }
  openFollowUpsInThreads(threadIds: readonly string[]) {
    return details.openFollowUpsInThreads(this.scope, threadIds);
  }
  async hasClients(): Promise<boolean> {
    return (await this.scope.db.client.findFirst({ where: { workspaceId: this.workspaceId }, select: { id: true } })) !== null;
  }
  updateContact(contactId: string, patch: ContactPatch) {
    return details.updateContact(this.scope, contactId, patch);
  }
  updateFamilyMember(familyMemberId: string, patch: FamilyPatch) {
    return details.updateFamilyMember(this.scope, familyMemberId, patch);
  }
  updateDate(dateId: string, patch: DatePatch) {
    return details.updateDate(this.scope, dateId, patch);
  }
  removeDetail(kind: DetailKind, id: string) {
    return details.removeDetail(this.scope, kind, id);
  }
  getClient(clientId: string): Promise<Client | null> {
    return clients.getClient(this.scope, clientId);
  }
  listClients(filter?: ClientFilter): Promise<Client[]> {
    return clients.listClients(this.scope, filter);
  }
  getProfile(clientId: string, options?: { readonly interactionLimit?: number }): Promise<ClientProfile | null> {
    return clients.getProfile(this.scope, clientId, options);
  }
  getProfiles(filter?: ClientFilter, options?: { readonly interactionLimit?: number }): Promise<ClientProfile[]> {
    return clients.getProfiles(this.scope, filter, options);
  }
  createClient(input: NewClient): Promise<Client> {
    return clients.createClient(this.scope, input);
  }
  updateClient(clientId: string, patch: ClientPatch): Promise<Client> {
    return clients.updateClient(this.scope, clientId, patch);
  }
  touchClient(clientId: string, touch: ClientTouch): Promise<void> {
    return clients.touchClient(this.scope, clientId, touch);
  }
  forgetClient(clientId: string): Promise<void> {
    return clients.forgetClient(this.scope, clientId);
  }

  addContact(input: Param<'addContact'>) {
    return records.addContact(this.scope, input);
  }
  findContactByEmail(address: string) {
    return records.findContactByEmail(this.scope, address);
  }
  addFamilyMember(input: Param<'addFamilyMember'>) {
    return records.addFamilyMember(this.scope, input);
  }
  addLike(input: Param<'addLike'>) {
    return records.addLike(this.scope, input);
  }
  addNote(input: Param<'addNote'>) {
    return records.addNote(this.scope, input);
  }
  addDate(input: Param<'addDate'>) {
    return records.addDate(this.scope, input);
  }
  recordInteraction(input: NewInteraction) {
    return records.recordInteraction(this.scope, input);
  }
  findInteractionByRef(externalRef: string) {
    return records.findInteractionByRef(this.scope, externalRef);
  }
  recordGift(input: Param<'recordGift'>) {
    return records.recordGift(this.scope, input);
  }
  openFollowUp(input: NewFollowUp) {
    return records.openFollowUp(this.scope, input);
  }
  getFollowUp(followUpId: string) {
    return records.getFollowUp(this.scope, followUpId);
  }
  updateFollowUp(followUpId: string, patch: FollowUpPatch) {
    return records.updateFollowUp(this.scope, followUpId, patch);
  }
  closeFollowUps(input: Param<'closeFollowUps'>) {
    return records.closeFollowUps(this.scope, input);
  }
  listOpenFollowUps(clientId?: string) {
    return records.listOpenFollowUps(this.scope, clientId);
  }
  calendarFeed() {
    return calendar.calendarFeed(this.scope);
  }
  setCalendarFeed(tokenHash: string | null, at: Date) {
    return calendar.setCalendarFeed(this.scope, tokenHash, at);
  }
  calendarDates(limit: number) {
    return calendar.calendarDates(this.scope, limit);
  }

  saveNudgeAck(ack: NudgeAck) {
    return records.saveNudgeAck(this.scope, ack);
  }
  getNudgeAcks(nudgeIds: readonly string[]) {
    return records.getNudgeAcks(this.scope, nudgeIds);
  }

  mailboxStates() {
    return mailboxStates(this.scope);
  }

  careSnapshot(query: CareSnapshotQuery): Promise<CareSnapshot> {
    return careSnapshot(this.scope, query);
  }
}
