// The store adapter's public face: open a database by URL, bring its schema up to date, and get
// the Store port. Dev-only tooling (diffMigrations) lives in ./migrations.js and is not re-exported
// here, so start-up never loads the PGlite shadow database.
import type { Logger } from '../../core/ports/logger.js';
import { openDatabase, parseDatabaseUrl, type Provider } from './database.js';
import { applyMigrations } from './migrations.js';
import { PrismaStore } from './prisma-store.js';

export { DEFAULT_DATABASE_URL, parseDatabaseUrl, type Db, type Provider } from './database.js';
export { PrismaStore } from './prisma-store.js';
export { NotInWorkspaceError } from './scope.js';
export { postgresCoordinator } from './tick-coordinator.js';
export { prismaProcessedRequests } from './processed-requests.js';
export { databaseAnswers } from './health.js';

export interface OpenStoreOptions {
  /** `file:./data/rapport.db` (or a path) for SQLite; `postgresql://…[?schema=NAME]` for PostgreSQL. */
  readonly databaseUrl: string;
  readonly logger?: Logger;
}

export interface OpenedStore {
  /** The Store port, with the lifecycle, installation, processed-event and delivery-ledger ports on it. */
  readonly store: PrismaStore;
  readonly provider: Provider;
  close(): Promise<void>;
}

/** Opens the database, applies the committed migrations it lacks, and returns the store. */
export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  const { databaseUrl, logger } = options;
  const target = parseDatabaseUrl(databaseUrl);
  // The migration engine and the client would each get their own, separate in-memory database.
  if (target.provider === 'sqlite' && target.file === ':memory:') throw new Error('openStore needs a SQLite file, not :memory:');
  // Migrate first, with the engine's own connections, and release them before the app's client
  // opens: a SQLite file held by the engine would make the client time out.
  const applied = await applyMigrations(databaseUrl);
  const { db, provider } = await openDatabase(databaseUrl);
  if (applied.length > 0) logger?.info({ provider, applied }, 'database migrations applied');
  else logger?.debug({ provider }, 'database schema up to date');
  const store = new PrismaStore(db, provider);
  return { store, provider, close: () => store.close() };
}
