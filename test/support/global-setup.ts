/**
 * Runs once per `vitest run`, before any test file: migrates one template database per provider
 * with the real schema engine, so each test database starts as a copy of it instead of replaying
 * every migration through the engine again (about 2 s a database on a busy machine).
 *
 * - SQLite: a migrated file; createTestDatabase copies it.
 * - PostgreSQL (when TEST_DATABASE_URL is set): a migrated schema; createTestDatabase runs the same
 *   committed migration scripts in the new schema and copies the template's `_prisma_migrations`
 *   rows, so openStore finds nothing left to apply (it would apply it, or fail, if the copy were off).
 *
 * It also keeps an initialised PGlite data folder for the drift test (test/support/pglite-data-dir.ts),
 * and makes the folder where test/support/entry-build.ts bundles spawned entry points.
 * All of it is removed when the run ends. See docs/testing.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../src/adapters/store/migrations.js';
import { ensurePgliteDataDir } from './pglite-data-dir.js';

export interface DatabaseTemplates {
  /** Path of a migrated SQLite file. */
  readonly sqliteFile: string;
  /** Name of a migrated schema on TEST_DATABASE_URL's database, when it is set. */
  readonly postgresSchema: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
    entryBuildDir: string;
    pgliteDataDir: string;
  }
}

/** One folder per run for test/support/entry-build.ts, inside the repository (git-ignored). */
function makeBuildDir(): { dir: string; remove(): void } {
  const dir = join(import.meta.dirname, '../..', '.test-build', `run-${process.pid}-${randomBytes(3).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Retries the engine's occasional first-call "External error id#0" once. */
async function migrate(url: string): Promise<void> {
  try {
    await applyMigrations(url);
  } catch {
    await applyMigrations(url);
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-template-'));
  const sqliteFile = join(dir, 'template.db');
  await migrate(`file:${sqliteFile}`);

  const base = process.env.TEST_DATABASE_URL;
  let postgresSchema: string | null = null;
  if (base) {
    postgresSchema = `test_template_${process.pid}_${randomBytes(4).toString('hex')}`;
    const url = new URL(base);
    url.searchParams.set('schema', postgresSchema);
    await migrate(url.toString());
  }
  project.provide('databaseTemplates', { sqliteFile, postgresSchema });
  const build = makeBuildDir();
  project.provide('entryBuildDir', build.dir);
  project.provide('pgliteDataDir', await ensurePgliteDataDir());

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    build.remove();
    if (base && postgresSchema) {
      const plain = new URL(base);
      plain.searchParams.delete('schema');
      const client = new pg.Client({ connectionString: plain.toString() });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${postgresSchema}" CASCADE`);
      } finally {
        await client.end();
      }
    }
  };
}
