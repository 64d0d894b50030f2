/**
 * Fresh test databases, one per provider, so any suite can run against both.
 *
 *   forEachDatabase((db) => {
 *     let opened: OpenedStore;
 *     beforeAll(async () => { opened = await openStore({ databaseUrl: db.url }); });
 *     afterAll(() => opened.close());
 *     it('…', async () => { … });
 *   });
 *
 * - SQLite always: a new file in a temp folder, removed afterwards.
 * - PostgreSQL only when TEST_DATABASE_URL is set (e.g. postgresql://postgres@127.0.0.1:5432/test):
 *   a new uniquely named schema on that database (`?schema=…`, which the store puts in search_path),
 *   dropped afterwards.
 * - Already migrated: a copy of the run's template (test/support/global-setup.ts), so openStore
 *   finds nothing to apply. Pass `{ empty: true }` for a database without any table (tests of
 *   migrating itself); openStore then applies every migration, as at a first start.
 * Each `forEachDatabase` block gets its own database, created in beforeAll and dropped in afterAll;
 * `db.url` is readable inside hooks and tests, not while the suite is being collected.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { readMigrations } from '../../src/adapters/store/migrations.js';
import type { DatabaseTemplates } from './global-setup.js';

export type TestProvider = 'sqlite' | 'postgresql';

export interface TestDatabase {
  readonly provider: TestProvider;
  /** A database URL for openStore / DATABASE_URL. */
  readonly url: string;
}

export interface CreatedTestDatabase extends TestDatabase {
  drop(): Promise<void>;
}

/** The providers this run can test: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testProviders(): TestProvider[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgresql'] : ['sqlite'];
}

export interface TestDatabaseOptions {
  /** No tables at all instead of a migrated copy of the template. */
  readonly empty?: boolean;
}

/** The run's migrated templates; none outside vitest's global setup (benchmarks), where openStore migrates. */
function templates(): DatabaseTemplates | undefined {
  try {
    return inject('databaseTemplates');
  } catch {
    return undefined;
  }
}

async function withPostgres<T>(base: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const plain = new URL(base);
  plain.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: plain.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The template's state in a new schema: the committed migration scripts (the very statements the
 * engine ran on the template) in one round trip, and the engine's bookkeeping rows copied over.
 */
async function cloneTemplateSchema(client: pg.Client, template: string, schema: string): Promise<void> {
  const scripts = readMigrations('postgresql').migrationDirectories.map((m) => (m.migrationFile.content.tag === 'ok' ? m.migrationFile.content.value : ''));
  await client.query(`CREATE SCHEMA "${schema}"; SET search_path TO "${schema}";\n${scripts.join('\n;\n')}`);
  await client.query(`CREATE TABLE "${schema}"."_prisma_migrations" (LIKE "${template}"."_prisma_migrations" INCLUDING ALL)`);
  await client.query(`INSERT INTO "${schema}"."_prisma_migrations" SELECT * FROM "${template}"."_prisma_migrations"`);
}

/** Creates one database of the provider (migrated unless `empty`); call drop() when done. */
export async function createTestDatabase(provider: TestProvider, options: TestDatabaseOptions = {}): Promise<CreatedTestDatabase> {
  const template = options.empty ? undefined : templates();
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-test-'));
    const file = join(dir, 'test.db');
    if (template) copyFileSync(template.sqliteFile, file);
    return { provider, url: `file:${file}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  const templateSchema = template?.postgresSchema;
  if (templateSchema) await withPostgres(base, (client) => cloneTemplateSchema(client, templateSchema, schema));
  return {
    provider,
    url: url.toString(),
    drop: () => withPostgres(base, async (client) => void (await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`))),
  };
}

/** Declares `describe(provider, …)` once per available provider, with a fresh database for each. */
export function forEachDatabase(body: (db: TestDatabase) => void, options: TestDatabaseOptions = {}): void {
  for (const provider of testProviders()) {
    describe(provider, () => {
      let created: CreatedTestDatabase | undefined;
      const handle: TestDatabase = {
        provider,
        get url(): string {
          if (created === undefined) throw new Error('the test database exists only inside hooks and tests');
          return created.url;
        },
      };
      beforeAll(async () => {
        created = await createTestDatabase(provider, options);
      });
      afterAll(async () => {
        await created?.drop();
      });
      body(handle);
    });
  }
}

/**
 * Declares a PostgreSQL-only suite (replicas, advisory locks) when TEST_DATABASE_URL is set, and
 * nothing otherwise: the suite is absent from a SQLite-only run rather than reported as skipped.
 */
export function describeOnPostgres(name: string, body: () => void): void {
  if (testProviders().includes('postgresql')) describe(name, body);
}
