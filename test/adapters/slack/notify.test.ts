// Owners are told by direct message, once, when digests cannot be posted.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tellOwnersDeliveryBlocked } from '../../../src/core/use-cases/tell-owners-blocked.js';
import { NOW, startHarness, teamStore, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

it('messages each owner of an active client once, in the app, with the fix', async () => {
  const { workspace, store } = await teamStore(h);
  const jane = await store.ensureMember('U0001', 'jane');
  const omar = await store.ensureMember('U0002', 'omar');
  const bystander = await store.ensureMember('U0003', 'sam');
  const client = (name: string, ownerId: string, status: 'active' | 'former' = 'active') =>
    store.createClient({ name, normalizedName: name.toLowerCase(), aliases: [], ownerId, tier: 'standard', status, platformUserId: null, createdAt: NOW });
  await client('Acme', jane.id);
  await client('Globex', jane.id);
  await client('Initech', omar.id);
  await client('Gone Ltd', bystander.id, 'former');
  await store.updateWorkspace({ digestChannel: 'C0DIGEST' });

  const told = await tellOwnersDeliveryBlocked({ store: h.opened.store, notifier: h.adapter.notifier, workspace: await store.getWorkspace(), reason: 'channel_not_found' });

  expect(told).toBe(2);
  const dms = h.slack.callsTo('chat.postMessage').filter((c) => String(c.args.channel).startsWith('U'));
  expect(dms.map((c) => c.args.channel).sort()).toEqual(['U0001', 'U0002']);
  expect(String(dms[0]!.args.text)).toContain('<#C0DIGEST>');
  expect(String(dms[0]!.args.text)).toContain('/client settings channel');
  expect(workspace.externalId).toBe('T0001');
});
