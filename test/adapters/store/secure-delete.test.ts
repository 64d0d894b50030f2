// Erasing means erasing: a forgotten client's data must not linger in the SQLite file's free pages.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../src/adapters/store/index.js';
import { createTestDatabase, type CreatedTestDatabase } from '../../support/databases.js';
import { newClient } from './fixtures.js';

let database: CreatedTestDatabase;
let opened: OpenedStore;
beforeAll(async () => {
  database = await createTestDatabase('sqlite');
  opened = await openStore({ databaseUrl: database.url });
});
afterAll(async () => {
  await opened.close();
  await database.drop();
});

it('overwrites the bytes of a forgotten client in the database file', async () => {
  const canary = 'canary-secret-family-name-4b1d';
  const ws = await opened.store.ensureWorkspace({ platform: 'console', externalId: 'local', name: 'Local' });
  const store = opened.store.workspace(ws.id);
  const client = await store.createClient(newClient('Erasable'));
  for (let n = 0; n < 20; n++) await store.addNote({ clientId: client.id, authorId: null, text: `${canary} ${n}`, createdAt: new Date() });
  await opened.close();
  expect(readFileSync(database.url.slice('file:'.length)).includes(canary)).toBe(true);

  opened = await openStore({ databaseUrl: database.url });
  await opened.store.workspace(ws.id).forgetClient(client.id);
  await opened.close();
  expect(readFileSync(database.url.slice('file:'.length)).includes(canary)).toBe(false);
  opened = await openStore({ databaseUrl: database.url });
});
