import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../src/adapters/store/index.js';
import { createTestDatabase, type CreatedTestDatabase } from './support/databases.js';
import { entryArgs } from './support/entry-build.js';

const repo = join(import.meta.dirname, '..');
const fixtures = join(repo, 'test/fixtures/import');
let database: CreatedTestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('sqlite');
});
afterAll(() => database.drop());

const runImport = (args: string[]) =>
  spawnSync(process.execPath, [...entryArgs('scripts/import.ts'), ...args], { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH, DATABASE_URL: database.url, RAPPORT_TIME_ZONE: 'Europe/London' } });

const clientCount = async () => {
  const opened = await openStore({ databaseUrl: database.url });
  try {
    return await opened.store.db.client.count();
  } finally {
    await opened.close();
  }
};

it('a file that cannot be read writes nothing and exits 2 with one line', async () => {
  const broken = join(database.url.replace(/^file:/, ''), '..', 'broken.csv');
  writeFileSync(broken, 'Company,Name\r\nAcme,"Jane\r\n');
  const run = runImport([broken]);
  expect(run.status).toBe(2);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^Cannot read .*broken\.csv as CSV: .*Nothing was imported\.$/m);
  expect(run.stdout).toBe('');
  expect(await clientCount()).toBe(0);
});

it('a dry run prints what it would create and writes no client', async () => {
  const dry = runImport([join(fixtures, 'google-contacts.csv'), '--dry-run']);
  expect(dry.stdout).toContain('line 2: would create Acme Corp');
  expect(dry.stdout).toContain('line 4: rejected: no name and no company');
  expect(dry.stdout).toContain('Dry run, nothing written: would create 2, would update 0, unchanged 0, rejected 2');
  expect(await clientCount()).toBe(0);
});

it('imports into the console workspace, piped as plain lines, and exits 1 when some rows were rejected', async () => {
  const real = runImport([join(fixtures, 'google-contacts.csv')]);
  expect(real.status).toBe(1);
  expect(real.stdout).toContain('line 5: rejected Bea Stone: date:');
  expect(real.stdout).toContain('Created 2, updated 0, unchanged 0, rejected 2 (csv, workspace console:local).');
  const opened = await openStore({ databaseUrl: database.url });
  expect(await opened.store.findWorkspace('console', 'local')).not.toBeNull();
  await opened.close();
  expect(await clientCount()).toBe(2);
});

it('refuses a workspace that does not exist, and writes nothing', async () => {
  const before = await clientCount();
  const run = runImport([join(fixtures, 'outlook.csv'), '--workspace', 'slack:T0NOPE']);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('No workspace slack:T0NOPE');
  expect(await clientCount()).toBe(before);
});
