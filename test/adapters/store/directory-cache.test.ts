// The client directory is cached per workspace and checked against the database's directory stamp:
// two stores on one database (two replicas) each see every add, rename, alias and removal the other
// makes, a rolled-back change leaves nothing behind, and an unchanged directory is not read again.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../src/adapters/store/index.js';
import type { WorkspaceStore } from '../../../src/core/ports/store.js';
import { forEachDatabase } from '../../support/databases.js';
import { newClient } from './fixtures.js';

forEachDatabase((database) => {
  let one: OpenedStore;
  let two: OpenedStore;
  let a: WorkspaceStore;
  let b: WorkspaceStore;
  let workspaceId: string;

  beforeAll(async () => {
    one = await openStore({ databaseUrl: database.url });
    two = await openStore({ databaseUrl: database.url });
    const ws = await one.store.ensureWorkspace({ platform: 'slack', externalId: 'T1', name: 'acme' });
    workspaceId = ws.id;
    a = one.store.workspace(ws.id);
    b = two.store.workspace(ws.id);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
  });

  const names = async (store: WorkspaceStore) => (await store.clientDirectory()).map((c) => [c.name, ...c.aliases].join('|'));

  it('a directory read on one store shows what the other store added, renamed, aliased and removed', async () => {
    expect(await names(a)).toEqual([]);
    const acme = await b.createClient(newClient('Acme'));
    expect(await names(a)).toEqual(['Acme']);
    await b.updateClient(acme.id, { name: 'Acme Corp', normalizedName: 'acme corp' });
    expect(await names(a)).toEqual(['Acme Corp']);
    await b.updateClient(acme.id, { addAliases: [{ alias: 'ACME', normalized: 'acme' }] });
    expect(await names(a)).toEqual(['Acme Corp|ACME']);
    const globex = await b.createClient(newClient('Globex'));
    expect(await names(a)).toEqual(['Acme Corp|ACME', 'Globex']);
    await b.forgetClient(globex.id);
    expect(await names(a)).toEqual(['Acme Corp|ACME']);
    // And the other way round.
    await a.createClient(newClient('Initech'));
    expect(await names(b)).toEqual(['Acme Corp|ACME', 'Initech']);
  });

  it('a change that rolls back leaves no trace in the cache, even after the next change lands', async () => {
    const before = await names(a);
    await expect(
      a.transaction(async (tx) => {
        await tx.createClient(newClient('Rolled Back'));
        expect((await names(tx)).includes('Rolled Back')).toBe(true);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await names(a)).toEqual(before);
    await b.createClient(newClient('Umbrella'));
    const after = await names(a);
    expect(after).toContain('Umbrella');
    expect(after).not.toContain('Rolled Back');
  });

  it('an unchanged directory is served from the cache: a row written behind the store is not seen until the stamp moves', async () => {
    await names(a);
    // Written straight to the table, as no code path of Rapport does: the stamp does not move.
    await one.store.db.client.create({ data: { workspaceId, name: 'Behind', normalizedName: 'behind', tier: 'standard', status: 'active', createdAt: new Date() } });
    expect(await names(a)).not.toContain('Behind');
    await b.createClient(newClient('Stamped'));
    expect(await names(a)).toEqual(expect.arrayContaining(['Behind', 'Stamped']));
  });
});
