// The support-channel watch: a member's post opens "awaiting reply" for the client linked to them;
// the first staff reply in that thread closes it; the member's own follow-up, bots and unwatched
// channels close and open nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core.js';
import type { Workspace } from '../../../src/core/model/index.js';
import { createTestDatabase, testProviders, type CreatedTestDatabase } from '../../support/databases.js';
import { type FakeGuild } from '../../support/fake-discord.js';
import { messagePayload, threadPayload } from '../../support/discord-payloads.js';
import { GUILD, MEMBER, STAFF, STAFF_ROLE, eventually, memberAsClient, startDiscord, type DiscordHarness } from './harness.js';

const HELP = '200000000000000011';
const FORUM = '200000000000000012';
const GENERAL = '200000000000000013';
const SUPPORT_GUILD: FakeGuild = { ...GUILD, channels: [HELP, GENERAL], forums: [FORUM] };

describe.each(testProviders())('support-channel watch on Discord (%s)', (provider) => {
  let db: CreatedTestDatabase;
  let h: DiscordHarness;
  let workspace: Workspace;
  let clientId: string;
  let unanswered: { id: string };

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    h = await startDiscord(db.url, { guilds: [SUPPORT_GUILD], options: { supportChannels: [HELP, FORUM] } });
    workspace = (await h.workspace())!;
    clientId = await memberAsClient(h, workspace);
  });
  afterAll(async () => {
    await h.close();
    await db.drop();
  });

  const store = () => h.opened.store.workspace(workspace.id);
  const open = async () => (await store().listOpenFollowUps(clientId)).filter((f) => f.kind === 'reply');
  const recorded = async () => (await store().getProfile(clientId))!.interactions.length;
  const post = (channelId: string, person: typeof MEMBER | typeof STAFF, content: string, extra: { bot?: boolean } = {}) => {
    const payload = messagePayload({ guildId: GUILD.id, channelId, person, content, ...extra });
    h.discord.dispatch('MESSAGE_CREATE', payload);
    return payload;
  };

  it('a forum post by the member opens awaiting reply; their own follow-up keeps it open; a staff reply closes it', async () => {
    const thread = '200000000000000021';
    h.discord.dispatch('THREAD_CREATE', threadPayload({ id: thread, guildId: GUILD.id, parentId: FORUM, name: 'Webhooks fail', ownerId: MEMBER.id }));
    post(thread, MEMBER, '');
    const [item] = await eventually(async () => ((await open()).length === 1 ? open() : null), 'the post opened a follow-up');
    post(thread, MEMBER, 'any news?');
    await eventually(async () => (await recorded()) === 2, 'the follow-up was recorded');
    expect((await open()).map((f) => f.id)).toContain(item!.id);
    post(thread, { ...STAFF, roles: [STAFF_ROLE] }, 'Fixed now, sorry for the wait');
    await eventually(async () => (await open()).length === 0, 'the staff reply closed it');
    const summaries = (await store().getProfile(clientId))!.interactions.map((i) => i.summary);
    // Without the Message Content intent the post's title stands for it.
    expect(summaries).toContain('Webhooks fail');
  });

  it('bots, unwatched channels and other threads open nothing', async () => {
    const before = await recorded();
    const seen = () => h.logger.lines.filter((l) => l.message === 'support channel message recorded').length;
    const seenBefore = seen();
    post(HELP, { id: '400000000000000009', name: 'helperbot', roles: [] }, 'from a bot', { bot: true });
    post(GENERAL, MEMBER, 'chatting elsewhere');
    // Handled in order: once this watched message is in, the two before it were seen.
    unanswered = post(HELP, MEMBER, 'help please');
    await eventually(async () => (await recorded()) === before + 1, 'the watched message was recorded');
    expect(seen()).toBe(seenBefore + 1);
    expect((await store().getProfile(clientId))!.interactions[0]!.summary).toBe('help please');
    expect(await open()).toHaveLength(1);
  });

  it('the unanswered post shows in the next morning digest with a link to the message', async () => {
    const nextMorning = new Date('2026-03-10T08:45:00Z');
    const core = createCore({ store: h.opened.store, logger: h.logger });
    const digest = await core.planDigest({ store: store(), now: nextMorning, kind: 'morning' });
    const item = digest.sections.flatMap((s) => s.items).find((i) => i.clientId === clientId);
    expect(item?.source).toEqual({ externalId: `discord:${unanswered.id}`, threadIds: [HELP] });
    const result = await h.adapter.publisher.publish({ workspaceExternalId: GUILD.id, channel: GENERAL, digest, deliveryKey: 'support-link' });
    expect(result.status).toBe('posted');
    const [posted] = h.discord.channelMessages(GENERAL);
    const text = (posted!.embeds as { description: string }[]).map((e) => e.description).join('\n');
    expect(text).toContain(`[Open the message](https://discord.com/channels/${GUILD.id}/${HELP}/${unanswered.id})`);
  });
});
