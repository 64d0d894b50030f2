// Acknowledge first, always, on Discord: a command is deferred before any database work or core
// work (the core is held on a gate this test controls); the replay claim and the core run after it
// with bounded concurrency; beyond the bound the deferred reply says Rapport is busy and nothing is
// written; every taken /client log is written once, a replayed interaction once, and stop() waits.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUSY } from '../../../src/adapters/work/bounded-work.js';
import type { ProcessedEvents } from '../../../src/core/ports/index.js';
import { createTestDatabase, testProviders, type CreatedTestDatabase } from '../../support/databases.js';
import { APP_ID, type FakeMessage } from '../../support/fake-discord.js';
import { buttonInteraction, clientInteraction, formSubmitInteraction, type OptionValue } from '../../support/discord-payloads.js';
import { Gate, gated } from '../../support/gate.js';
import { CHANNEL, GUILD, STAFF, answerTo, eventually, startDiscord, type DiscordHarness } from './harness.js';

const TEXT = 3;
let gate = new Gate();
/** When set, the durable replay claim (a database write) waits here: a slow database. */
let claimGate: Gate | null = null;

describe.each(testProviders())('Discord work after the acknowledgement (%s)', (provider) => {
  let db: CreatedTestDatabase;
  let h: DiscordHarness;
  let clientId: string;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    // The store's replay claims, able to be held like a slow database.
    const processedEvents: ProcessedEvents = {
      async claim(platform, id, at) {
        await claimGate?.pass();
        return h.opened.store.processedEvents.claim(platform, id, at);
      },
      release: (platform, id) => h.opened.store.processedEvents.release(platform, id),
      forgetBefore: (cutoff) => h.opened.store.processedEvents.forgetBefore(cutoff),
    };
    h = await startDiscord(db.url, { options: { work: { concurrency: 1, maxWaiting: 2 }, processedEvents }, wrapCore: (core) => gated(core, () => gate) });
    gate.release();
    const add = send('add', [{ name: 'name', type: TEXT, value: 'Acme Corp' }]);
    expect((await answerTo(h.discord, add.token)).content).toMatch(/Acme Corp/);
    const workspace = await h.workspace();
    clientId = (await h.opened.store.workspace(workspace!.id).listClients())[0]!.id;
  });
  afterEach(() => {
    gate.release();
    claimGate?.release();
    claimGate = null;
  });
  afterAll(async () => {
    await h.close();
    await db.drop();
  });

  function send(subcommand: string, options: OptionValue[]) {
    const payload = clientInteraction({ guildId: GUILD.id, channelId: CHANNEL, person: STAFF, subcommand, options });
    h.discord.dispatch('INTERACTION_CREATE', payload);
    return payload;
  }
  const log = (note: string) => send('log', [{ name: 'client', type: TEXT, value: clientId }, { name: 'kind', type: TEXT, value: 'call-in' }, { name: 'note', type: TEXT, value: note }]);
  const callback = (p: { id: string; token: string }) => new RegExp(`^/interactions/${p.id}/${p.token}/callback$`);
  const edits = (p: { token: string }) => h.discord.callsTo('PATCH', new RegExp(`^/webhooks/${APP_ID}/${p.token}/messages/@original$`));
  const summaries = async () => (await h.opened.store.db.interaction.findMany({ where: { clientId }, select: { summary: true } })).map((i) => i.summary);

  it('defers /client log before the core has finished, then edits the reply; the log is written once', async () => {
    gate = new Gate();
    const sent = log('before the gate opened');
    const deferred = await h.discord.waitForCall('POST', callback(sent));
    expect(deferred.body).toMatchObject({ type: 5, data: { flags: 64 } });
    // The deferral went out while the core was still held, and nothing has answered yet.
    expect(gate.finished).toBe(0);
    expect(edits(sent)).toHaveLength(0);
    gate.release();
    expect((await answerTo(h.discord, sent.token)).content).toMatch(/Acme Corp/);
    expect((await summaries()).filter((s) => s.includes('before the gate opened'))).toHaveLength(1);
  });

  it('defers before the replay claim is written: a slow database does not delay the acknowledgement', async () => {
    claimGate = new Gate();
    const sent = log('while the database was slow');
    expect((await h.discord.waitForCall('POST', callback(sent))).body).toMatchObject({ type: 5 });
    await eventually(() => claimGate!.entered === 1, 'the work reached the claim');
    expect((await summaries()).filter((s) => s.includes('while the database was slow'))).toHaveLength(0);
    claimGate.release();
    expect((await answerTo(h.discord, sent.token)).content).toMatch(/Acme Corp/);
    expect((await summaries()).filter((s) => s.includes('while the database was slow'))).toHaveLength(1);
  });

  it('shows the form for a log without a note at once, touching no database; its submission is written once', async () => {
    claimGate = new Gate();
    const sent = send('log', [{ name: 'client', type: TEXT, value: clientId }, { name: 'kind', type: TEXT, value: 'meeting' }]);
    const modal = (await h.discord.waitForCall('POST', callback(sent))).body as { type: number; data: { custom_id: string } };
    expect(modal.type).toBe(9);
    expect(claimGate.entered).toBe(0);
    claimGate.release();
    claimGate = null;
    const submit = formSubmitInteraction({ guildId: GUILD.id, channelId: CHANNEL, person: STAFF, customId: modal.data.custom_id, fields: { note: 'written from the form' } });
    h.discord.dispatch('INTERACTION_CREATE', submit);
    expect((await answerTo(h.discord, submit.token)).content).toMatch(/Acme Corp/);
    expect((await summaries()).filter((s) => s.includes('written from the form'))).toHaveLength(1);
  });

  it('past the bound the deferred reply says Rapport is busy and nothing is written; every one taken is written once', async () => {
    gate = new Gate();
    // One runs (held at the gate), two wait, three are refused.
    const sent = [1, 2, 3, 4, 5, 6].map((n) => log(`overload ${n}.`));
    for (const s of sent) expect((await h.discord.waitForCall('POST', callback(s))).body).toMatchObject({ type: 5 });
    await eventually(() => sent.filter((s) => edits(s).length > 0).length === 3, 'three busy replies');
    const refused = sent.filter((s) => edits(s).length > 0);
    for (const s of refused) expect(edits(s)[0]!.body).toMatchObject({ content: BUSY });
    expect(gate.finished).toBe(0);
    gate.release();
    const taken = sent.filter((s) => !refused.includes(s));
    for (const s of taken) expect((await answerTo(h.discord, s.token)).content).not.toBe(BUSY);
    const noteOf = (s: (typeof sent)[number]) => String(s.data.options[0]!.options.find((o) => o.name === 'note')!.value);
    const written = (await summaries()).filter((s) => s.includes('overload')).sort();
    expect(written).toEqual(taken.map(noteOf).sort().map((n) => expect.stringContaining(n)));
    expect(written).toHaveLength(3);
    // Each got exactly one answer.
    for (const s of sent) expect(edits(s)).toHaveLength(1);
  });

  it('when the work is full a form still opens, and its submission and a button press get the busy text and change nothing', async () => {
    gate = new Gate();
    // One runs (held at the gate), two wait: the work is full.
    const held = [1, 2, 3].map((n) => log(`holding ${n}.`));
    for (const s of held) await h.discord.waitForCall('POST', callback(s));
    await eventually(() => gate.entered === 1, 'the first reached the core');

    const asked = send('log', [{ name: 'client', type: TEXT, value: clientId }, { name: 'kind', type: TEXT, value: 'meeting' }]);
    const modal = (await h.discord.waitForCall('POST', callback(asked))).body as { type: number; data: { custom_id: string } };
    expect(modal.type).toBe(9);
    const submit = formSubmitInteraction({ guildId: GUILD.id, channelId: CHANNEL, person: STAFF, customId: modal.data.custom_id, fields: { note: 'submitted while full' } });
    h.discord.dispatch('INTERACTION_CREATE', submit);
    expect((await answerTo(h.discord, submit.token)).content).toBe(BUSY);

    const message: FakeMessage = { id: '900000000000000001', channel_id: CHANNEL, content: '', embeds: [], components: [] };
    const press = buttonInteraction({ guildId: GUILD.id, person: STAFF, message, customId: 'rapport:done:n-full' });
    h.discord.dispatch('INTERACTION_CREATE', press);
    const followUp = await h.discord.waitForCall('POST', new RegExp(`^/webhooks/${APP_ID}/${press.token}$`));
    expect(followUp.body).toMatchObject({ content: BUSY, flags: 64 });
    expect(h.discord.callsTo('POST', callback(press))[0]!.body).toEqual({ type: 6 });
    expect(edits(press)).toHaveLength(0);
    // Neither was claimed: nothing of theirs is in the database.
    expect(await h.opened.store.processedEvents.claim('discord', submit.id, h.clock.now())).toBe(true);
    expect(await h.opened.store.processedEvents.claim('discord', press.id, h.clock.now())).toBe(true);

    gate.release();
    for (const s of held) expect((await answerTo(h.discord, s.token)).content).toMatch(/Acme Corp/);
    const written = (await summaries()).filter((s) => s.includes('holding') || s.includes('submitted while full'));
    expect(written.sort()).toEqual(['holding 1.', 'holding 2.', 'holding 3.'].map((t) => expect.stringContaining(t)));
  });

  it('a replayed interaction id writes once: in this process it is not even deferred again', async () => {
    const sent = log('replayed here');
    await answerTo(h.discord, sent.token);
    h.discord.dispatch('INTERACTION_CREATE', sent);
    await eventually(() => h.logger.lines.some((l) => /already handled/.test(l.message)), 'the replay was skipped');
    expect(h.discord.callsTo('POST', callback(sent))).toHaveLength(1);
    expect((await summaries()).filter((s) => s.includes('replayed here'))).toHaveLength(1);
  });

  it('an interaction already claimed by an earlier process is deferred and then writes nothing', async () => {
    const sent = clientInteraction({ guildId: GUILD.id, channelId: CHANNEL, person: STAFF, subcommand: 'log', options: [{ name: 'client', type: TEXT, value: clientId }, { name: 'kind', type: TEXT, value: 'call-in' }, { name: 'note', type: TEXT, value: 'claimed before a restart' }] });
    expect(await h.opened.store.processedEvents.claim('discord', sent.id, h.clock.now())).toBe(true);
    const skipped = h.logger.lines.length;
    h.discord.dispatch('INTERACTION_CREATE', sent);
    await h.discord.waitForCall('POST', callback(sent));
    await eventually(() => h.logger.lines.slice(skipped).some((l) => /already handled/.test(l.message)), 'the claim was found');
    expect((await summaries()).filter((s) => s.includes('claimed before a restart'))).toHaveLength(0);
  });

  it('stop() waits for the work it has taken', async () => {
    gate = new Gate();
    const sent = log('taken before stop');
    await h.discord.waitForCall('POST', callback(sent));
    let stopped = false;
    const stopping = h.adapter.stop().then(() => (stopped = true));
    await eventually(() => gate.entered === 1, 'the work reached the core');
    expect(stopped).toBe(false);
    gate.release();
    await stopping;
    expect((await answerTo(h.discord, sent.token)).content).toMatch(/Acme Corp/);
    expect((await summaries()).filter((s) => s.includes('taken before stop'))).toHaveLength(1);
  });
});
