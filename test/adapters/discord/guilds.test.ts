import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testProviders, type CreatedTestDatabase } from '../../support/databases.js';
import { GUILD, OTHER_GUILD, eventually, startDiscord, type DiscordHarness } from './harness.js';

describe.each(testProviders())('Discord servers become workspaces (%s)', (provider) => {
  let h: DiscordHarness | undefined;
  let db: CreatedTestDatabase | undefined;
  afterEach(async () => {
    await h?.close();
    await db?.drop();
    h = undefined;
  });
  const start = async (guilds = [GUILD]) => {
    db = await createTestDatabase(provider);
    h = await startDiscord(db.url, { guilds });
    return h;
  };

  it('READY and its GUILD_CREATE create the workspace, and /client is registered', async () => {
    const h = await start();
    const workspace = await h.workspace();
    expect(workspace).toMatchObject({ platform: 'discord', externalId: GUILD.id, name: GUILD.name });
    const put = h.discord.callsTo('PUT', /^\/applications\/\d+\/commands$/);
    expect(put).toHaveLength(1);
    expect((put[0]!.body as unknown as { name: string }[])[0]!.name).toBe('client');
    expect(put[0]!.authorization).toBe('Bot test-bot-token');
    expect(h.adapter.connected()).toBe(true);
  });

  it('a server joined later becomes a workspace too', async () => {
    const h = await start();
    h.discord.guildCreate(OTHER_GUILD);
    await eventually(() => h.workspace(OTHER_GUILD.id), 'the second server became a workspace');
  });

  it('GUILD_DELETE with unavailable (an outage) deletes and marks nothing', async () => {
    const h = await start([GUILD]);
    h.discord.dispatch('GUILD_DELETE', { id: GUILD.id, unavailable: true });
    // Events are handled in order: once the next server is in, the outage was seen.
    h.discord.guildCreate(OTHER_GUILD);
    await eventually(() => h.workspace(OTHER_GUILD.id), 'the next event was handled');
    await eventually(() => h.logger.lines.some((l) => /unavailable/.test(l.message)), 'the outage was logged');
    expect(await h.workspace()).not.toBeNull();
    expect(await h.opened.store.lifecycle.undeliverable()).toEqual(new Map());
    const erased = await h.opened.store.lifecycle.eraseUninstalledBefore(new Date('2100-01-01'));
    expect(erased).toEqual([]);
  });

  it('GUILD_DELETE without unavailable marks the workspace uninstalled; it is erased after the grace period', async () => {
    const h = await start([GUILD]);
    const workspace = (await h.workspace())!;
    h.discord.dispatch('GUILD_DELETE', { id: GUILD.id });
    await eventually(async () => (await h.opened.store.lifecycle.undeliverable()).get(workspace.id) === 'uninstalled', 'the workspace was marked uninstalled');
    expect(await h.workspace()).not.toBeNull();
    expect(await h.opened.store.lifecycle.eraseUninstalledBefore(new Date(h.clock.now().getTime() - 1))).toEqual([]);
    expect(await h.opened.store.lifecycle.eraseUninstalledBefore(h.clock.now())).toEqual([{ platform: 'discord', externalId: GUILD.id }]);
    expect(await h.workspace()).toBeNull();
  });

  it('a server that removed the bot while it was offline is marked uninstalled at the next start', async () => {
    const first = await start([GUILD, OTHER_GUILD]);
    const other = (await first.workspace(OTHER_GUILD.id))!;
    await first.close();
    h = await startDiscord(db!.url, { guilds: [GUILD] });
    const undeliverable = await h.opened.store.lifecycle.undeliverable();
    expect(undeliverable.get(other.id)).toBe('uninstalled');
    expect(undeliverable.get((await h.workspace())!.id)).toBeUndefined();
  });
});
