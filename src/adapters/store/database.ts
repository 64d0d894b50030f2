// Opens a Prisma client from a database URL: SQLite for `file:` URLs and plain paths (the embedded
// default), PostgreSQL for `postgres://` and `postgresql://`. Both generated clients share one query
// surface because they come from one model file, so the repositories are typed against the SQLite
// client and the PostgreSQL one is handed to them under that type.
import { mkdirSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { dirname, resolve } from 'node:path';
import pg from 'pg';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { withStatementCache } from './sqlite-statements.js';
import type { PrismaClient as SqliteClient } from './generated/sqlite/client.js';

/** The Prisma client every repository is typed against (works with both providers). */
export type Db = SqliteClient;
export type Provider = 'sqlite' | 'postgresql';
export const DEFAULT_DATABASE_URL = 'file:./data/rapport.db';

export type DatabaseTarget =
  | { readonly provider: 'sqlite'; readonly file: string }
  | { readonly provider: 'postgresql'; readonly connectionString: string; readonly schema: string | null };

/** Reads a database URL; `?schema=NAME` on a PostgreSQL URL selects (and isolates in) that schema. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema');
    parsed.searchParams.delete('schema');
    if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      // Lower-case only: it goes unquoted into search_path, where PostgreSQL folds case.
      throw new Error(`unsupported PostgreSQL schema name (use a-z, 0-9, _): ${schema}`);
    }
    return { provider: 'postgresql', connectionString: parsed.toString(), schema };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) throw new Error(`unsupported database URL: ${url.split(':')[0]}://…`);
  const file = url.startsWith('file:') ? url.slice('file:'.length) : url;
  if (file === '') throw new Error('empty SQLite file path');
  return { provider: 'sqlite', file: file === ':memory:' ? file : resolve(file) };
}

/**
 * A driver adapter factory for the target. For PostgreSQL the schema goes into every connection's
 * search_path (migrations are written for the default schema, so they land in the chosen one) and
 * into the adapter, which qualifies the client's queries with it.
 */
export function adapterFactory(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  if (target.provider === 'sqlite') {
    if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    return withStatementCache(new PrismaBetterSqlite3({ url: target.file, timeout: 10_000 }));
  }
  const config: pg.PoolConfig = { connectionString: target.connectionString };
  if (target.schema !== null) config.options = `-c search_path=${target.schema}`;
  return new PrismaPg(config, target.schema !== null ? { schema: target.schema } : undefined);
}

/** Creates the PostgreSQL schema named in the URL when it does not exist yet. */
export async function ensurePostgresSchema(target: DatabaseTarget): Promise<void> {
  if (target.provider !== 'postgresql' || target.schema === null) return;
  const client = new pg.Client({ connectionString: target.connectionString });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`);
  } catch (error) {
    // Two replicas starting together race inside IF NOT EXISTS; the loser's schema exists anyway.
    const code = (error as { code?: unknown }).code;
    if (code !== '23505' && code !== '42P06') throw error;
  } finally {
    await client.end();
  }
}

export interface OpenedDatabase {
  readonly provider: Provider;
  readonly db: Db;
}

/**
 * Set on every SQLite connection Rapport opens. Write-ahead logging lets readers (the migration
 * check, a backup, `sqlite3` by hand) run beside the writer, and with `synchronous = NORMAL` a commit
 * appends to the log without waiting for the disk twice: better-sqlite3 is synchronous, so each fsync
 * the default journal makes would stall the event loop, and every acknowledgement with it. A commit
 * survives a crash of the process; only a power loss can take the last few (the database stays
 * consistent). `busy_timeout` is set through the driver's `timeout` option (10 s).
 */
export const SQLITE_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  // Deleted rows (a revoked token, a forgotten client) are overwritten on disk, not just unlinked.
  'secure_delete = ON',
  // 32 MB of page cache at most (negative: KiB) instead of 2 MB, so a large workspace's indexes stay in memory.
  'cache_size = -32768',
  'temp_store = MEMORY',
] as const;

/**
 * Prisma 7 plans queries in WebAssembly (its query compiler). V8 compiles WebAssembly twice by
 * default: at once with its baseline compiler (Liftoff), then again, optimised, in the background;
 * the optimised copy is about 60 MB of resident memory and buys nothing measurable here, because
 * the client caches the plan of each query shape (4,000 small queries took the same time either
 * way, and migrations ran faster). Set for the whole process where each is compiled: here for the
 * client, in schema-engine.ts for the migration engine.
 */
export function baselineWebAssemblyOnly(): void {
  setFlagsFromString('--liftoff-only');
}

/** Opens a client; it connects lazily on the first query. */
export async function openDatabase(url: string): Promise<OpenedDatabase> {
  baselineWebAssemblyOnly();
  const target = parseDatabaseUrl(url);
  await ensurePostgresSchema(target);
  const adapter = adapterFactory(target);
  // Only the provider in use is loaded: each generated client is several MB of resident memory.
  if (target.provider === 'sqlite') {
    const { PrismaClient } = await import('./generated/sqlite/client.js');
    const db = new PrismaClient({ adapter });
    for (const pragma of SQLITE_PRAGMAS) await db.$queryRawUnsafe(`PRAGMA ${pragma}`);
    return { provider: 'sqlite', db };
  }
  // Same models, same query API: only the provider name in the generated types differs.
  const { PrismaClient } = await import('./generated/postgresql/client.js');
  const db = new PrismaClient({ adapter }) as unknown as Db;
  return { provider: 'postgresql', db };
}
