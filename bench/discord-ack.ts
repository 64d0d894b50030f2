// Latency of `/client log` through the real discord.js Client, on a fresh SQLite database, with
// FakeDiscord (gateway + REST) on loopback. Discord wants the interaction answered within 3 seconds.
//   npx tsx bench/discord-ack.ts [runs]
// Measures, from sending INTERACTION_CREATE on the gateway:
//   - to the callback (the deferral, type 5): what the 3-second rule is about
//   - to the edited reply (the core has run and its answer is shown)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDiscordAdapter } from '../src/adapters/discord/index.js';
import { workLimitsFor } from '../src/adapters/work/bounded-work.js';
import { openStore } from '../src/adapters/store/index.js';
import { quiet, summary } from './latency.js';
import { createCore } from '../src/core/core.js';
import { APP_ID, FakeDiscord } from '../test/support/fake-discord.js';
import { clientInteraction } from '../test/support/discord-payloads.js';

const RUNS = Number(process.argv[2] ?? 300);
const GUILD = { id: '100000000000000001', name: 'Bench', roles: [{ id: '300000000000000001', name: 'staff' }], channels: ['200000000000000001'] };
const STAFF = { id: '400000000000000001', name: 'sam', roles: ['300000000000000001'] };


async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-discord-'));
  const opened = await openStore({ databaseUrl: `file:${join(dir, 'bench.db')}` });
  const discord = await FakeDiscord.start({ guilds: [GUILD] });
  const core = createCore({ store: opened.store, logger: quiet });
  const adapter = createDiscordAdapter({
    core, store: opened.store, lifecycle: opened.store.lifecycle, processedEvents: opened.store.processedEvents, logger: quiet, clock: { now: () => new Date() },
    token: 'bench-token', apiUrl: discord.apiUrl, staffRoleId: STAFF.roles[0], work: workLimitsFor(opened.provider),
  });
  await adapter.start();

  // Seed: a server with 200 clients, so the core's lookups are not trivially small.
  const workspace = (await opened.store.findWorkspace('discord', GUILD.id))!;
  const ctx = { workspace, actor: { platformUserId: STAFF.id, displayName: STAFF.name }, now: new Date() };
  for (let i = 0; i < 200; i += 1) await core.run(ctx, 'add', { name: `Client ${i}` });
  const clients = await opened.store.workspace(workspace.id).clientDirectory();

  const callback: number[] = [];
  const reply: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const payload = clientInteraction({
      guildId: GUILD.id, channelId: GUILD.channels[0]!, person: STAFF, subcommand: 'log',
      options: [{ name: 'client', type: 3, value: clients[i % clients.length]!.id }, { name: 'kind', type: 3, value: 'call-in' }, { name: 'note', type: 3, value: `bench run ${i}` }],
    });
    const sent = performance.now();
    discord.dispatch('INTERACTION_CREATE', payload);
    const ack = await discord.waitForCall('POST', new RegExp(`^/interactions/${payload.id}/${payload.token}/callback$`));
    const edit = await discord.waitForCall('PATCH', new RegExp(`^/webhooks/${APP_ID}/${payload.token}/messages/@original$`));
    if (!JSON.stringify(edit.body).includes('Logged')) throw new Error(`log failed: ${JSON.stringify(edit.body)}`);
    callback.push(ack.at - sent);
    reply.push(edit.at - sent);
  }
  console.log(`Discord interaction latency, ${RUNS} runs, SQLite, loopback, Node ${process.version}`);
  console.log(summary('/client log -> callback', callback));
  console.log(summary('/client log -> edited reply', reply));
  await adapter.stop();
  await discord.close();
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
