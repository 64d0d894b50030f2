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
 *   dropped afterwards. Migrations are not applied here: openStore applies them.
 * Each `forEachDatabase` block gets its own database, created in beforeAll and dropped in afterAll;
 * `db.url` is readable inside hooks and tests, not while the suite is being collected.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';

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

/** Creates one empty database of the provider; call drop() when done. */
export async function createTestDatabase(provider: TestProvider): Promise<CreatedTestDatabase> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-test-'));
    return { provider, url: `file:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  return {
    provider,
    url: url.toString(),
    drop: async () => {
      const plain = new URL(base);
      plain.searchParams.delete('schema');
      const client = new pg.Client({ connectionString: plain.toString() });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Declares `describe(provider, …)` once per available provider, with a fresh database for each. */
export function forEachDatabase(body: (db: TestDatabase) => void): void {
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
        created = await createTestDatabase(provider);
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
