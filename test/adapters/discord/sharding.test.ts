// Sharding without a network: a shard process identifies with its own shard, sees only its servers,
// takes no absent server for removed and leaves registering to shard 0; the launcher asks Discord
// (here the fake) for the count and builds the manager around the normal composition root.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REST } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recommendedShards, shardEntry, shardingManager } from '../../../src/adapters/discord/sharding.js';
import { openStore } from '../../../src/adapters/store/index.js';
import { shardPart, loadConfig } from '../../../src/config.js';
import { createTestDatabase, testProviders, type CreatedTestDatabase } from '../../support/databases.js';
import { FakeDiscord, shardOf, type FakeGuild } from '../../support/fake-discord.js';
import { startDiscord, type DiscordHarness } from './harness.js';

// Server ids whose shard (id >> 22, modulo 2) is 0 and 1.
const ON_SHARD_0: FakeGuild = { id: String(1000n << 22n), name: 'Shard zero', channels: [] };
const ON_SHARD_1: FakeGuild = { id: String(1001n << 22n), name: 'Shard one', channels: [] };
const repo = join(import.meta.dirname, '../../..');

describe.each(testProviders())('a shard process (%s)', (provider) => {
  let db: CreatedTestDatabase;
  let h: DiscordHarness | undefined;
  let knownId: string;
  beforeAll(async () => {
    db = await createTestDatabase(provider);
    // Shard 0's server is already known, as if its own process had seen it.
    const seeded = await openStore({ databaseUrl: db.url });
    knownId = (await seeded.store.ensureWorkspace({ platform: 'discord', externalId: ON_SHARD_0.id, name: ON_SHARD_0.name })).id;
    await seeded.close();
  });
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });
  afterAll(async () => {
    await db.drop();
  });

  it('identifies as its shard, makes only its servers workspaces, marks no absent server removed and leaves registering to shard 0', async () => {
    expect([shardOf(ON_SHARD_0.id, 2), shardOf(ON_SHARD_1.id, 2)]).toEqual([0, 1]);
    h = await startDiscord(db.url, { guilds: [ON_SHARD_0, ON_SHARD_1], options: { shards: { ids: [1], count: 2 } } });
    expect(h.discord.identifies).toEqual([[1, 2]]);
    expect(await h.workspace(ON_SHARD_1.id)).toMatchObject({ name: 'Shard one' });
    expect((await h.opened.store.lifecycle.undeliverable()).get(knownId)).toBeUndefined();
    expect(h.discord.callsTo('PUT', /\/commands$/)).toEqual([]);
  });

  it('shard 0 registers /client', async () => {
    h = await startDiscord(db.url, { guilds: [ON_SHARD_0, ON_SHARD_1], options: { shards: { ids: [0], count: 2 } } });
    expect(h.discord.identifies).toEqual([[0, 2]]);
    expect(h.discord.callsTo('PUT', /\/commands$/)).toHaveLength(1);
  });
});

describe('the shard settings a child process reads', () => {
  const part = (env: Record<string, string>) => {
    const loaded = loadConfig(env);
    if (!loaded.ok) throw new Error(loaded.message);
    return shardPart(loaded.config);
  };

  it('reads the shard id and total that ShardingManager sets', () => {
    expect(part({ SHARDS: '2', SHARD_COUNT: '4' })).toEqual({ shards: [2], count: 4, first: false });
    expect(part({ SHARDS: '[0, 1]', SHARD_COUNT: '4' })).toEqual({ shards: [0, 1], count: 4, first: true });
    expect(part({})).toBeNull();
    expect(part({ SHARDS: '0', SHARD_COUNT: '1' })).toBeNull();
    expect(loadConfig({ SHARDS: 'two' })).toMatchObject({ ok: false, message: expect.stringMatching(/^Configuration error: SHARDS/) });
  });
});

describe('the shard launcher', () => {
  let discord: FakeDiscord;
  beforeAll(async () => {
    discord = await FakeDiscord.start();
  });
  afterAll(async () => {
    await discord.close();
  });

  it("asks Discord's /gateway/bot for the count, through DISCORD_API_URL", async () => {
    const rest = new REST({ api: discord.apiUrl, retries: 0 }).setToken('launcher-token');
    expect(await recommendedShards(rest)).toBe(1);
    expect(discord.callsTo('GET', /^\/gateway\/bot$/)[0]!.authorization).toBe('Bot launcher-token');
  });

  it('runs the composition root beside it: main.ts under tsx from source, main.js when built', () => {
    const fromSource = shardEntry(pathToFileURL(join(repo, 'src/shards.ts')).href);
    expect(fromSource).toEqual({ file: join(repo, 'src/main.ts'), execArgv: ['--import', 'tsx'] });
    expect(existsSync(fromSource.file)).toBe(true);
    expect(shardEntry('file:///app/dist/src/shards.js')).toEqual({ file: '/app/dist/src/main.js', execArgv: [] });
  });

  it('builds one process per shard, started again when one dies', () => {
    const manager = shardingManager({ token: 'launcher-token', totalShards: 3, ...shardEntry(pathToFileURL(join(repo, 'src/shards.ts')).href) });
    expect(manager).toMatchObject({ file: join(repo, 'src/main.ts'), totalShards: 3, mode: 'process', respawn: true, execArgv: ['--import', 'tsx'] });
    expect(manager.shards.size).toBe(0);
  });
});
