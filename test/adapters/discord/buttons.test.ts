// Done and Snooze on a posted digest: the press is acknowledged as an update, the core records who
// did it, and the item is marked in place; refusals and foreign ids change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core.js';
import type { Workspace } from '../../../src/core/model/index.js';
import { createTestDatabase, testProviders, type CreatedTestDatabase } from '../../support/databases.js';
import { APP_ID, type FakeMessage } from '../../support/fake-discord.js';
import { buttonInteraction, formSubmitInteraction } from '../../support/discord-payloads.js';
import { CHANNEL, GUILD, MEMBER, OTHER_GUILD, STAFF, startDiscord, type DiscordHarness } from './harness.js';

const MONDAY_MORNING = new Date('2026-03-09T08:45:00Z');

describe.each(testProviders())('digest buttons on Discord (%s)', (provider) => {
  let db: CreatedTestDatabase;
  let h: DiscordHarness;
  let workspace: Workspace;
  let posted: FakeMessage;
  let nudgeId: string;
  let clientId: string;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    h = await startDiscord(db.url, { guilds: [GUILD, OTHER_GUILD] });
    h.clock.set(MONDAY_MORNING);
    workspace = await h.opened.store.workspace((await h.workspace())!.id).updateWorkspace({ digestChannel: CHANNEL, timeZone: 'UTC' });
    const core = createCore({ store: h.opened.store, logger: h.logger });
    const ctx = { workspace, actor: { platformUserId: STAFF.id, displayName: STAFF.name }, now: MONDAY_MORNING };
    expect((await core.runLine(ctx, 'add Acme')).ok).toBe(true);
    expect((await core.runLine(ctx, 'log acme email-in when:"2026-03-06 10:00" asked about pricing')).ok).toBe(true);
    const digest = await core.planDigest({ store: h.opened.store.workspace(workspace.id), now: MONDAY_MORNING, kind: 'morning' });
    nudgeId = digest.sections[0]!.items[0]!.nudgeId;
    clientId = digest.sections[0]!.items[0]!.clientId;
    const result = await h.adapter.publisher.publish({ workspaceExternalId: GUILD.id, channel: CHANNEL, digest, deliveryKey: 'buttons' });
    expect(result.status).toBe('posted');
    posted = h.discord.channelMessages(CHANNEL)[0]!;
  });
  afterAll(async () => {
    await h.close();
    await db.drop();
  });

  const ids = (m: FakeMessage) => (m.components as { components: { custom_id: string }[] }[]).flatMap((r) => r.components.map((c) => c.custom_id));
  const ack = async (ws: Workspace) => (await h.opened.store.workspace(ws.id).getNudgeAcks([nudgeId]))[0];

  it('the posted digest carries Done and Snooze buttons for its item', () => {
    expect(ids(posted)).toEqual([`rapport:done:${nudgeId}`, `rapport:snooze-1d:${nudgeId}`, `rapport:snooze-1w:${nudgeId}`, `rapport:log:${clientId}:${nudgeId}`]);
  });

  it('a member without the staff role is refused privately, and nothing is recorded', async () => {
    const press = buttonInteraction({ guildId: GUILD.id, person: MEMBER, message: posted, customId: `rapport:done:${nudgeId}` });
    h.discord.dispatch('INTERACTION_CREATE', press);
    const followUp = await h.discord.waitForCall('POST', new RegExp(`^/webhooks/${APP_ID}/${press.token}$`));
    expect(followUp.body).toMatchObject({ content: expect.stringMatching(/staff role/), flags: 64 });
    expect(await ack(workspace)).toBeUndefined();
    expect(h.discord.callsTo('PATCH', new RegExp(`/${press.token}/messages/@original$`))).toEqual([]);
  });

  it('the same button in another server finds nothing due there and changes nothing', async () => {
    const press = buttonInteraction({ guildId: OTHER_GUILD.id, person: { ...STAFF, permissions: '32' }, message: posted, customId: `rapport:done:${nudgeId}` });
    h.discord.dispatch('INTERACTION_CREATE', press);
    const followUp = await h.discord.waitForCall('POST', new RegExp(`^/webhooks/${APP_ID}/${press.token}$`));
    expect(followUp.body).toMatchObject({ content: expect.stringMatching(/Nothing due/), flags: 64 });
    expect(await ack(workspace)).toBeUndefined();
  });

  it('Done by staff is recorded with who did it, and the item is marked in place', async () => {
    const press = buttonInteraction({ guildId: GUILD.id, person: STAFF, message: posted, customId: `rapport:done:${nudgeId}` });
    h.discord.dispatch('INTERACTION_CREATE', press);
    const edit = await h.discord.waitForCall('PATCH', new RegExp(`^/webhooks/${APP_ID}/${press.token}/messages/@original$`));
    expect(h.discord.callsTo('POST', new RegExp(`^/interactions/${press.id}/${press.token}/callback$`))[0]!.body).toEqual({ type: 6 });
    const body = edit.body as { embeds: { description: string }[]; components: unknown[] };
    expect(body.embeds[0]!.description).toContain(`\`${nudgeId}\`\n✅ Done:`);
    expect(body.embeds[0]!.description).toContain(`<@${STAFF.id}>`);
    expect(body.components).toEqual([]);
    const member = await h.opened.store.workspace(workspace.id).findMember(STAFF.id);
    expect(await ack(workspace)).toMatchObject({ action: 'done', actorId: member!.id });
  });

  it('Log opens the log form for the item\'s client; submitting it logs there', async () => {
    const press = buttonInteraction({ guildId: GUILD.id, person: STAFF, message: posted, customId: `rapport:log:${clientId}:${nudgeId}` });
    h.discord.dispatch('INTERACTION_CREATE', press);
    const shown = await h.discord.waitForCall('POST', new RegExp(`^/interactions/${press.id}/${press.token}/callback$`));
    const modal = shown.body as { type: number; data: { custom_id: string; components: { components: { custom_id: string }[] }[] } };
    expect(modal.type).toBe(9);
    expect(modal.data.components.flatMap((r) => r.components.map((c) => c.custom_id))).toEqual(['kind', 'note', 'mood']);
    const submit = formSubmitInteraction({ guildId: GUILD.id, channelId: CHANNEL, person: STAFF, customId: modal.data.custom_id, fields: { kind: 'email-out', note: 'Sent the pricing sheet', mood: '' } });
    h.discord.dispatch('INTERACTION_CREATE', submit);
    const edit = await h.discord.waitForCall('PATCH', new RegExp(`^/webhooks/${APP_ID}/${submit.token}/messages/@original$`));
    expect((edit.body as { content: string }).content).toMatch(/Logged/);
    const latest = (await h.opened.store.workspace(workspace.id).getProfile(clientId))!.interactions[0]!;
    expect([latest.kind, latest.summary, latest.source]).toEqual(['email-out', 'Sent the pricing sheet', 'modal']);
  });

  it("Log with another server's client id logs nothing anywhere", async () => {
    const core = createCore({ store: h.opened.store, logger: h.logger });
    const other = (await h.workspace(OTHER_GUILD.id))!;
    expect((await core.runLine({ workspace: other, actor: { platformUserId: STAFF.id, displayName: STAFF.name }, now: MONDAY_MORNING }, 'add Elsewhere Co')).ok).toBe(true);
    const [foreign] = await h.opened.store.workspace(other.id).listClients();
    const press = buttonInteraction({ guildId: GUILD.id, person: STAFF, message: posted, customId: `rapport:log:${foreign!.id}:${nudgeId}` });
    h.discord.dispatch('INTERACTION_CREATE', press);
    const shown = await h.discord.waitForCall('POST', new RegExp(`^/interactions/${press.id}/${press.token}/callback$`));
    const modal = shown.body as { data: { custom_id: string } };
    const submit = formSubmitInteraction({ guildId: GUILD.id, channelId: CHANNEL, person: STAFF, customId: modal.data.custom_id, fields: { kind: 'email-out', note: 'should not land', mood: '' } });
    h.discord.dispatch('INTERACTION_CREATE', submit);
    const edit = await h.discord.waitForCall('PATCH', new RegExp(`^/webhooks/${APP_ID}/${submit.token}/messages/@original$`));
    expect((edit.body as { content: string }).content).toMatch(/⚠️/);
    expect((await h.opened.store.workspace(other.id).getProfile(foreign!.id))!.interactions).toEqual([]);
  });
});
