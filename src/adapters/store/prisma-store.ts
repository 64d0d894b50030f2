// The Store port on Prisma: workspaces (tenants) here, everything inside one in PrismaWorkspaceStore.
import type { Platform, Workspace } from '../../core/model/index.js';
import type { CalendarFeeds, DeliveryLedger, Installations, Mailboxes, ProcessedEvents, WorkspaceLifecycle } from '../../core/ports/index.js';
import type { NewWorkspace, Store, WorkspaceStore } from '../../core/ports/store.js';
import type { Db, Provider } from './database.js';
import { createCalendarFeeds } from './calendar.js';
import { createDeliveryLedger } from './delivery-ledger.js';
import { createInstallations } from './installations.js';
import { createMailboxes } from './mailboxes.js';
import { createWorkspaceLifecycle } from './lifecycle.js';
import { createProcessedEvents } from './processed-events.js';
import { toWorkspace } from './rows.js';
import { PrismaWorkspaceStore } from './workspace-store.js';
import { DirectoryCache } from './directory-cache.js';

export class PrismaStore implements Store {
  /** Install, uninstall, erasure and delivery blocks (platform adapters, the scheduler, the erasure job). */
  readonly lifecycle: WorkspaceLifecycle;
  /** Platform installations and their tokens. */
  readonly installations: Installations;
  /** Event ids already acted on, so platform retries have no second effect. */
  readonly processedEvents: ProcessedEvents;
  /** What the scheduler claimed, posted and skipped. */
  readonly deliveryLedger: DeliveryLedger;
  /** Which workspace a calendar feed token's hash opens (the feed server). */
  readonly calendarFeeds: CalendarFeeds;
  /** Where the mail watcher stopped reading each mailbox, and how watching goes. */
  readonly mailboxes: Mailboxes;
  /** Client directories of recently used workspaces, checked against the database's stamp on every read. */
  private readonly directories = new DirectoryCache();

  constructor(
    /**
     * The raw Prisma client, for the store's own modules, the composition root's health check and
     * tests; adapters get the ports above instead. Typed as the SQLite client; on PostgreSQL it is
     * the PostgreSQL client, which answers the same model queries. Stick to portable queries.
     */
    readonly db: Db,
    readonly provider: Provider,
  ) {
    this.lifecycle = createWorkspaceLifecycle(db);
    this.installations = createInstallations(db);
    this.processedEvents = createProcessedEvents(db);
    this.deliveryLedger = createDeliveryLedger(db);
    this.calendarFeeds = createCalendarFeeds(db);
    this.mailboxes = createMailboxes(db);
  }

  /**
   * Finds by (platform, externalId) or creates; an existing workspace keeps its settings. Every
   * request asks, so the usual case is one indexed read: no write (and no writer lock) unless the
   * workspace is new.
   */
  async ensureWorkspace(input: NewWorkspace): Promise<Workspace> {
    const { platform, externalId, name } = input;
    const found = await this.db.workspace.findUnique({ where: { platform_externalId: { platform, externalId } } });
    if (found !== null) return toWorkspace(found);
    const row = await this.db.workspace.upsert({
      where: { platform_externalId: { platform, externalId } },
      create: {
        platform,
        externalId,
        name,
        ...(input.timeZone === undefined ? {} : { timeZone: input.timeZone }),
        ...(input.digestChannel === undefined ? {} : { digestChannel: input.digestChannel }),
      },
      update: {},
    });
    return toWorkspace(row);
  }

  async findWorkspace(platform: Platform, externalId: string): Promise<Workspace | null> {
    const row = await this.db.workspace.findUnique({ where: { platform_externalId: { platform, externalId } } });
    return row === null ? null : toWorkspace(row);
  }

  async listWorkspaces(): Promise<Workspace[]> {
    const rows = await this.db.workspace.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toWorkspace);
  }

  /** Every row of the workspace goes with it through the schema's cascades. */
  async deleteWorkspace(workspaceId: string): Promise<void> {
    await this.db.workspace.deleteMany({ where: { id: workspaceId } });
  }

  workspace(workspaceId: string): WorkspaceStore {
    return new PrismaWorkspaceStore(this.db, workspaceId, this.db, this.directories);
  }

  async close(): Promise<void> {
    await this.db.$disconnect();
  }
}
