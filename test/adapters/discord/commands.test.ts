import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/core/commands/registry.js';
import { clientCommand, commandSize, COMMAND_LIMITS } from '../../../src/adapters/discord/command-spec.js';
import { createTestDatabase, testProviders, type CreatedTestDatabase } from '../../support/databases.js';
import { APP_ID } from '../../support/fake-discord.js';
import { clientInteraction, formSubmitInteraction, type InteractionPerson, type OptionValue } from '../../support/discord-payloads.js';
import { CHANNEL, GUILD, MEMBER, OTHER_GUILD, STAFF, answerTo, eventually, startDiscord, type DiscordHarness } from './harness.js';

const TEXT = 3;
const USER = 6;

describe('the /client command generated for Discord', () => {
  const command = clientCommand(COMMANDS);
  const sub = (name: string) => command.options!.find((o) => o.name === name) as unknown as { options: { name: string; type: number; required?: boolean; autocomplete?: boolean; choices?: { value: string }[] }[] };

  it('has one subcommand per core command, within Discord limits', () => {
    expect(command.options!.map((o) => o.name)).toEqual(COMMANDS.map((c) => c.name));
    expect(commandSize(command)).toBeLessThanOrEqual(COMMAND_LIMITS.total);
    for (const o of command.options!) expect(o.description.length).toBeLessThanOrEqual(COMMAND_LIMITS.description);
    expect(command.default_member_permissions).toBe('32');
  });

  it('types options from the argument descriptions: choices, autocomplete, user pickers, required first', () => {
    const log = sub('log').options;
    expect(log.find((o) => o.name === 'client')).toMatchObject({ type: TEXT, autocomplete: true, required: true });
    expect(log.find((o) => o.name === 'kind')!.choices!.map((c) => c.value)).toContain('call-in');
    // Left out, the note is asked for in a form.
    expect(log.find((o) => o.name === 'note')!.required).toBe(false);
    const firstOptional = log.findIndex((o) => !o.required);
    expect(log.slice(firstOptional).every((o) => !o.required)).toBe(true);
    expect(sub('add').options.find((o) => o.name === 'member')).toMatchObject({ type: USER });
    expect(sub('settings').options.find((o) => o.name === 'setting')!.choices!.length).toBeLessThanOrEqual(25);
  });
});

describe.each(testProviders())('/client over the Discord gateway (%s)', (provider) => {
  let db: CreatedTestDatabase;
  let h: DiscordHarness;
  beforeAll(async () => {
    db = await createTestDatabase(provider);
    h = await startDiscord(db.url, { guilds: [GUILD, OTHER_GUILD] });
  });
  afterAll(async () => {
    await h.close();
    await db.drop();
  });
  beforeEach(() => {
    h.discord.calls.length = 0;
  });

  const send = (person: InteractionPerson, subcommand: string, options: OptionValue[], extra: { guildId?: string; autocomplete?: boolean; users?: { id: string; name: string }[] } = {}) => {
    const payload = clientInteraction({ guildId: extra.guildId ?? GUILD.id, channelId: CHANNEL, person, subcommand, options, ...extra });
    h.discord.dispatch('INTERACTION_CREATE', payload);
    return payload;
  };
  const answer = (token: string) => answerTo(h.discord, token);
  const workspaceStore = async (guildId = GUILD.id) => h.opened.store.workspace((await h.workspace(guildId))!.id);

  it('/client add defers privately, then edits the reply; the client is in this server only', async () => {
    const i = send(STAFF, 'add', [{ name: 'name', type: TEXT, value: 'Ana Souza' }, { name: 'member', type: USER, value: MEMBER.id }], { users: [MEMBER] });
    const reply = await answer(i.token);
    const callback = h.discord.callsTo('POST', new RegExp(`^/interactions/${i.id}/${i.token}/callback$`));
    expect(callback).toHaveLength(1);
    expect(callback[0]!.body).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(reply.content).toMatch(/Ana Souza/);
    const clients = await (await workspaceStore()).listClients();
    expect(clients.map((c) => c.name)).toEqual(['Ana Souza']);
    expect(await (await workspaceStore()).findClientByMember(MEMBER.id)).toMatchObject({ name: 'Ana Souza' });
    expect(await (await workspaceStore(OTHER_GUILD.id)).listClients()).toEqual([]);
  });

  it('autocomplete answers from this server\'s clients only, with their ids', async () => {
    const other = send(STAFF, 'add', [{ name: 'name', type: TEXT, value: 'Ana Elsewhere' }], { guildId: OTHER_GUILD.id });
    await answer(other.token);
    const i = send(STAFF, 'log', [{ name: 'client', type: TEXT, value: 'ana', focused: true }], { autocomplete: true });
    const callback = await h.discord.waitForCall('POST', new RegExp(`^/interactions/${i.id}/${i.token}/callback$`));
    const [mine] = await (await workspaceStore()).listClients();
    expect(callback.body).toEqual({ type: 8, data: { choices: [{ name: 'Ana Souza', value: mine!.id }] } });
  });

  it('/client log with a client picked by autocomplete records the interaction', async () => {
    const [client] = await (await workspaceStore()).listClients();
    const i = send(STAFF, 'log', [
      { name: 'client', type: TEXT, value: client!.id },
      { name: 'kind', type: TEXT, value: 'call-in' },
      { name: 'note', type: TEXT, value: 'Helped with the webhook setup' },
    ]);
    const reply = await answer(i.token);
    expect(reply.content).not.toMatch(/⚠️/);
    const profile = await (await workspaceStore()).getProfile(client!.id);
    expect(profile!.interactions.map((x) => [x.kind, x.summary])).toEqual([['call', 'Helped with the webhook setup']]);
  });

  it('another server\'s client id is no client here: nothing is logged anywhere', async () => {
    const [elsewhere] = await (await workspaceStore(OTHER_GUILD.id)).listClients();
    const i = send(STAFF, 'log', [
      { name: 'client', type: TEXT, value: elsewhere!.id },
      { name: 'kind', type: TEXT, value: 'call-in' },
      { name: 'note', type: TEXT, value: 'should not land' },
    ]);
    const reply = await answer(i.token);
    expect(reply.content).toMatch(/⚠️/);
    expect((await (await workspaceStore(OTHER_GUILD.id)).getProfile(elsewhere!.id))!.interactions).toEqual([]);
  });

  it('a member without the staff role is refused with a clear message, and nothing changes', async () => {
    const before = await (await workspaceStore()).listClients();
    const i = send(MEMBER, 'add', [{ name: 'name', type: TEXT, value: 'Sneaky Co' }]);
    const reply = await answer(i.token);
    expect(reply.content).toMatch(/staff role/);
    expect(await (await workspaceStore()).listClients()).toEqual(before);
    const auto = send(MEMBER, 'log', [{ name: 'client', type: TEXT, value: 'ana', focused: true }], { autocomplete: true });
    const callback = await h.discord.waitForCall('POST', new RegExp(`^/interactions/${auto.id}/${auto.token}/callback$`));
    expect(callback.body).toEqual({ type: 8, data: { choices: [] } });
  });

  it('a server manager without the role may act', async () => {
    const i = send({ id: '400000000000000003', name: 'owner', permissions: '32' }, 'list', []);
    const reply = await answer(i.token);
    expect(reply.content).not.toMatch(/staff role/);
  });

  it('a reply meant for the channel is posted there and the private placeholder removed', async () => {
    const i = send(STAFF, 'settings', [{ name: 'setting', type: TEXT, value: 'channel' }, { name: 'value', type: TEXT, value: `<#${CHANNEL}>` }]);
    const followUp = await h.discord.waitForCall('POST', new RegExp(`^/webhooks/${APP_ID}/${i.token}$`));
    expect(followUp.body).toMatchObject({ content: expect.stringMatching(/channel/) });
    expect((followUp.body as { flags?: number }).flags ?? 0).toBe(0);
    await h.discord.waitForCall('DELETE', new RegExp(`^/webhooks/${APP_ID}/${i.token}/messages/@original$`));
    expect((await h.workspace())!.digestChannel).toBe(CHANNEL);
  });

  it('/client log without a note asks for it in a form; the submitted form logs it, for its own person only', async () => {
    const [client] = await (await workspaceStore()).listClients();
    const logged = async () => (await (await workspaceStore()).getProfile(client!.id))!.interactions.length;
    const before = await logged();
    const i = send(STAFF, 'log', [{ name: 'client', type: TEXT, value: client!.id }, { name: 'kind', type: TEXT, value: 'meeting' }]);
    const shown = await h.discord.waitForCall('POST', new RegExp(`^/interactions/${i.id}/${i.token}/callback$`));
    const modal = shown.body as { type: number; data: { custom_id: string; components: { components: { custom_id: string }[] }[] } };
    expect(modal.type).toBe(9);
    expect(modal.data.components.flatMap((r) => r.components.map((c) => c.custom_id))).toEqual(['note']);
    expect(await logged()).toBe(before);

    const stranger = formSubmitInteraction({ guildId: GUILD.id, channelId: CHANNEL, person: { ...STAFF, id: '400000000000000007' }, customId: modal.data.custom_id, fields: { note: 'not mine' } });
    h.discord.dispatch('INTERACTION_CREATE', stranger);
    const refused = await h.discord.waitForCall('POST', new RegExp(`^/interactions/${stranger.id}/${stranger.token}/callback$`));
    expect(refused.body).toMatchObject({ type: 4, data: { content: expect.stringMatching(/expired/), flags: 64 } });

    const submit = formSubmitInteraction({ guildId: GUILD.id, channelId: CHANNEL, person: STAFF, customId: modal.data.custom_id, fields: { note: 'Quarterly review over coffee' } });
    h.discord.dispatch('INTERACTION_CREATE', submit);
    expect((await answer(submit.token)).content).toMatch(/Logged/);
    const latest = (await (await workspaceStore()).getProfile(client!.id))!.interactions[0]!;
    expect([latest.kind, latest.summary, latest.source]).toEqual(['meeting', 'Quarterly review over coffee', 'modal']);
    expect(await logged()).toBe(before + 1);
  });

  it('a replayed interaction runs once', async () => {
    const payload = clientInteraction({ guildId: GUILD.id, channelId: CHANNEL, person: STAFF, subcommand: 'list', options: [] });
    h.discord.dispatch('INTERACTION_CREATE', payload);
    await answer(payload.token);
    h.discord.dispatch('INTERACTION_CREATE', payload);
    await eventually(() => h.logger.lines.some((l) => /already handled/.test(l.message)), 'the replay was skipped');
    expect(h.discord.callsTo('POST', new RegExp(`^/interactions/${payload.id}/`))).toHaveLength(1);
  });

  // Every subcommand that needs no id from an earlier reply, through the gateway with typed options.
  const opt = (name: string, value: string): OptionValue => ({ name, type: TEXT, value });
  it.each([
    ['edit', (c: string) => [opt('client', c), opt('tier', 'top')], /top/i],
    ['show', (c: string) => [opt('client', c)], /Ana Souza/],
    ['note', (c: string) => [opt('client', c), opt('text', 'Prefers mornings')], /note/i],
    ['contact', (c: string) => [opt('client', c), opt('name', 'Bea Lima'), opt('email', 'bea@example.com')], /Bea Lima/],
    ['family', (c: string) => [opt('client', c), opt('relation', 'spouse'), opt('name', 'Rui'), opt('birthday', 'May 2')], /Rui/],
    ['date', (c: string) => [opt('client', c), opt('kind', 'client-since'), opt('date', '2024-03-14')], /14/],
    ['likes', (c: string) => [opt('client', c), opt('category', 'coffee'), opt('value', 'flat white')], /flat white/],
    ['remove', (c: string) => [opt('client', c), opt('what', 'like'), opt('which', 'flat white')], /flat white|Removed/i],
    ['due', () => [opt('scope', 'all')], /./],
    ['list', () => [opt('scope', 'all')], /Ana Souza/],
    ['health', (c: string) => [opt('client', c)], /./],
    ['help', () => [opt('topic', 'log')], /log/],
  ] as const)('/client %s answers without an error', async (subcommand, options, expected) => {
    const [client] = await (await workspaceStore()).listClients();
    const i = send(STAFF, subcommand, [...options(client!.id)]);
    await h.discord.waitForCall('POST', new RegExp(`^/interactions/${i.id}/${i.token}/callback$`));
    const reply = await answer(i.token);
    expect(reply.content).not.toMatch(/⚠️/);
    expect(`${reply.content}\n${(reply.embeds ?? []).map((e) => `${e.title ?? ''} ${e.description}`).join('\n')}`).toMatch(expected);
  });

  it('/client export hands the client over as a JSON file', async () => {
    const [client] = await (await workspaceStore()).listClients();
    const i = send(STAFF, 'export', [opt('client', client!.id)]);
    const edit = await h.discord.waitForCall('PATCH', new RegExp(`^/webhooks/${APP_ID}/${i.token}/messages/@original$`));
    expect(String((edit.body as { _multipart?: string })._multipart)).toMatch(/filename="[^"]+\.json"/);
  });
});
