import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../src/adapters/store/index.js';
import { createTestDatabase, type CreatedTestDatabase } from './support/databases.js';
import { entryArgs } from './support/entry-build.js';

const repo = join(import.meta.dirname, '..');
let database: CreatedTestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('sqlite');
});
afterAll(() => database.drop());

const erase = (args: string[]) =>
  spawnSync(process.execPath, [...entryArgs('scripts/erase-workspace.ts'), ...args], { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH, DATABASE_URL: database.url } });

it('erases a Slack team at once: its installation and all of its client data, and nothing else', async () => {
  let opened = await openStore({ databaseUrl: database.url });
  const gone = await opened.store.ensureWorkspace({ platform: 'slack', externalId: 'T0ERASE', name: 'Leaving' });
  const kept = await opened.store.ensureWorkspace({ platform: 'slack', externalId: 'T0KEEP', name: 'Staying' });
  for (const ws of [gone, kept]) {
    await opened.store.workspace(ws.id).createClient({ name: 'Acme', normalizedName: 'acme', aliases: [], ownerId: null, tier: 'standard', status: 'active', platformUserId: null, createdAt: new Date() });
  }
  await opened.store.installations.save({ platform: 'slack', teamId: 'T0ERASE' }, { bot: { token: 'xoxb-erase-me' } });
  await opened.close();

  const run = erase(['T0ERASE']);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('Erased Slack team T0ERASE');

  opened = await openStore({ databaseUrl: database.url });
  expect(await opened.store.findWorkspace('slack', 'T0ERASE')).toBeNull();
  expect(await opened.store.db.installation.count()).toBe(0);
  expect(await opened.store.db.client.count()).toBe(1);
  expect(await opened.store.findWorkspace('slack', 'T0KEEP')).not.toBeNull();
  await opened.close();
});

it('refuses a malformed team id with the usage line', () => {
  const run = erase(['drop table']);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('Usage: npm run workspace:erase');
});
