// `/client settings support-channel` over the real discord.js Client: the watched channels are the
// server's own setting (DISCORD_SUPPORT_CHANNEL_IDS only seeds a server that never set one), the
// watch follows it at once, non-staff and another server's channel ids change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../src/core/model/index.js';
import { createTestDatabase, testProviders, type CreatedTestDatabase } from '../../support/databases.js';
import { type FakeGuild } from '../../support/fake-discord.js';
import { clientInteraction, messagePayload, threadPayload, type InteractionPerson, type OptionValue } from '../../support/discord-payloads.js';
import { GUILD, MEMBER, OTHER_GUILD, STAFF, answerTo, eventually, memberAsClient, startDiscord, type DiscordHarness } from './harness.js';

const TEXT = 3;
const CHANNEL_OPTION = 7;
const HELP = '200000000000000011';
const FORUM = '200000000000000012';
const GENERAL = '200000000000000013';
const ELSEWHERE = OTHER_GUILD.channels![0]!;
const SUPPORT_GUILD: FakeGuild = { ...GUILD, channels: [HELP, GENERAL], forums: [FORUM] };

describe.each(testProviders())('/client settings support-channel on Discord (%s)', (provider) => {
  let db: CreatedTestDatabase;
  let h: DiscordHarness;
  let workspace: Workspace;
  let clientId: string;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    // The deployment default names a channel of each server: each server is seeded with its own.
    h = await startDiscord(db.url, { guilds: [SUPPORT_GUILD, OTHER_GUILD], options: { supportChannels: [HELP, ELSEWHERE] } });
    workspace = (await h.workspace())!;
    clientId = await memberAsClient(h, workspace);
  });
  afterAll(async () => {
    await h.close();
    await db.drop();
  });

  const watched = async (guildId = GUILD.id) => (await h.workspace(guildId))!.supportChannels;
  const settings = async (person: InteractionPerson, options: OptionValue[], extra: { guildId?: string } = {}) => {
    const channels = options.filter((o) => o.type === CHANNEL_OPTION).map((o) => ({ id: o.value, type: o.value === FORUM ? 15 : 0 }));
    const payload = clientInteraction({ guildId: extra.guildId ?? GUILD.id, channelId: GENERAL, person, subcommand: 'settings', options: [{ name: 'setting', type: TEXT, value: 'support-channel' }, ...options], channels });
    h.discord.dispatch('INTERACTION_CREATE', payload);
    return answerTo(h.discord, payload.token);
  };
  const store = () => h.opened.store.workspace(workspace.id);
  const recorded = async () => (await store().getProfile(clientId))!.interactions.length;
  const post = (channelId: string, content: string) => h.discord.dispatch('MESSAGE_CREATE', messagePayload({ guildId: GUILD.id, channelId, person: MEMBER, content }));

  it('DISCORD_SUPPORT_CHANNEL_IDS seeds each server with its own channels only', async () => {
    expect(await watched()).toEqual([HELP]);
    expect(await watched(OTHER_GUILD.id)).toEqual([ELSEWHERE]);
  });

  it('staff add a forum with a channel option; a post there is watched at once', async () => {
    const reply = await settings(STAFF, [{ name: 'channel', type: CHANNEL_OPTION, value: FORUM }]);
    expect(reply.content).toMatch(new RegExp(`Watching <#${FORUM}>`));
    expect(await watched()).toEqual([HELP, FORUM]);
    const before = await recorded();
    const thread = '200000000000000031';
    h.discord.dispatch('THREAD_CREATE', threadPayload({ id: thread, guildId: GUILD.id, parentId: FORUM, name: 'Login loops', ownerId: MEMBER.id }));
    post(thread, '');
    await eventually(async () => (await recorded()) === before + 1, 'the forum post was recorded');
  });

  it('lists the watched channels', async () => {
    const reply = await settings(STAFF, []);
    expect(JSON.stringify(reply)).toContain(`<#${HELP}>`);
    expect(JSON.stringify(reply)).toContain(`<#${FORUM}>`);
  });

  it('remove stops the watch; the server\'s list, even emptied, wins over the default on a later join', async () => {
    const reply = await settings(STAFF, [{ name: 'value', type: TEXT, value: 'remove' }, { name: 'channel', type: CHANNEL_OPTION, value: HELP }]);
    expect(reply.content).toMatch(new RegExp(`Stopped watching <#${HELP}>`));
    expect(await watched()).toEqual([FORUM]);
    const before = await recorded();
    post(HELP, 'not watched any more');
    const thread = '200000000000000032';
    h.discord.dispatch('THREAD_CREATE', threadPayload({ id: thread, guildId: GUILD.id, parentId: FORUM, name: 'Still watched', ownerId: MEMBER.id }));
    // Handled in order: once the forum post is in, the message in #help before it was seen and skipped.
    post(thread, '');
    await eventually(async () => (await recorded()) === before + 1, 'the forum post was recorded');
    expect((await store().getProfile(clientId))!.interactions[0]!.summary).toBe('Still watched');

    // A restart with the same default: the server's own list stands.
    await h.close();
    h = await startDiscord(db.url, { guilds: [SUPPORT_GUILD, OTHER_GUILD], options: { supportChannels: [HELP, ELSEWHERE] } });
    expect(await watched()).toEqual([FORUM]);
  });

  it('a member without the staff role is refused, and nothing changes', async () => {
    const reply = await settings(MEMBER, [{ name: 'channel', type: CHANNEL_OPTION, value: GENERAL }]);
    expect(reply.content).toMatch(/staff role/);
    expect(await watched()).toEqual([FORUM]);
  });

  it("another server's channel id is refused in either server's list, and changes nothing", async () => {
    const reply = await settings(STAFF, [{ name: 'channel', type: CHANNEL_OPTION, value: ELSEWHERE }]);
    expect(reply.content).toMatch(/⚠️.*not in this server/);
    expect(await watched()).toEqual([FORUM]);
    expect(await watched(OTHER_GUILD.id)).toEqual([ELSEWHERE]);
    const removed = await settings(STAFF, [{ name: 'value', type: TEXT, value: 'remove' }, { name: 'channel', type: CHANNEL_OPTION, value: ELSEWHERE }]);
    expect(removed.content).toMatch(/was not watched/);
    expect(await watched(OTHER_GUILD.id)).toEqual([ELSEWHERE]);
  });

  it('the digest channel takes a channel option too, but not a forum', async () => {
    const forum = clientInteraction({ guildId: GUILD.id, channelId: GENERAL, person: STAFF, subcommand: 'settings', options: [{ name: 'setting', type: TEXT, value: 'channel' }, { name: 'channel', type: CHANNEL_OPTION, value: FORUM }], channels: [{ id: FORUM, type: 15 }] });
    h.discord.dispatch('INTERACTION_CREATE', forum);
    expect((await answerTo(h.discord, forum.token)).content).toMatch(/not a text channel/);
    const text = clientInteraction({ guildId: GUILD.id, channelId: GENERAL, person: STAFF, subcommand: 'settings', options: [{ name: 'setting', type: TEXT, value: 'channel' }, { name: 'channel', type: CHANNEL_OPTION, value: GENERAL }], channels: [{ id: GENERAL, type: 0 }] });
    h.discord.dispatch('INTERACTION_CREATE', text);
    await answerTo(h.discord, text.token);
    expect((await h.workspace())!.digestChannel).toBe(GENERAL);
    expect(await watched()).toEqual([FORUM]);
  });
});
