// `/client done`, `/client snooze` and `/client forget` as their own interactions over the real
// discord.js Client: each changes what it names in this server, with who did it; the same ids from
// another server change nothing there or here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetCode } from '../../../src/core/commands/forget.command.js';
import { createCore } from '../../../src/core/core.js';
import type { Workspace } from '../../../src/core/model/index.js';
import { createTestDatabase, testProviders, type CreatedTestDatabase } from '../../support/databases.js';
import { clientInteraction, type OptionValue } from '../../support/discord-payloads.js';
import { CHANNEL, GUILD, OTHER_GUILD, STAFF, answerTo, startDiscord, type DiscordHarness } from './harness.js';

const TEXT = 3;
const MONDAY_MORNING = new Date('2026-03-09T08:45:00Z');
const opt = (name: string, value: string): OptionValue => ({ name, type: TEXT, value });

describe.each(testProviders())('nudge and forget commands on Discord (%s)', (provider) => {
  let db: CreatedTestDatabase;
  let h: DiscordHarness;
  let here: Workspace;
  let there: Workspace;
  /** Nudge ids and client ids by client name, in each server. */
  const nudges = new Map<string, string>();
  const clients = new Map<string, string>();

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    h = await startDiscord(db.url, { guilds: [GUILD, OTHER_GUILD] });
    h.clock.set(MONDAY_MORNING);
    const core = createCore({ store: h.opened.store, logger: h.logger });
    const seed = async (guildId: string, names: readonly string[]) => {
      const workspace = await h.opened.store.workspace((await h.workspace(guildId))!.id).updateWorkspace({ timeZone: 'UTC' });
      const ctx = { workspace, actor: { platformUserId: STAFF.id, displayName: STAFF.name }, now: MONDAY_MORNING };
      for (const name of names) {
        expect((await core.runLine(ctx, `add ${name}`)).ok).toBe(true);
        expect((await core.runLine(ctx, `log ${name} email-in when:"2026-03-06 10:00" asked about pricing`)).ok).toBe(true);
      }
      const digest = await core.planDigest({ store: h.opened.store.workspace(workspace.id), now: MONDAY_MORNING, kind: 'morning' });
      for (const item of digest.sections.flatMap((s) => s.items)) {
        nudges.set(item.clientName, item.nudgeId);
        clients.set(item.clientName, item.clientId);
      }
      return workspace;
    };
    here = await seed(GUILD.id, ['Acme', 'Globex']);
    there = await seed(OTHER_GUILD.id, ['Initech']);
    expect([...nudges.keys()].sort()).toEqual(['Acme', 'Globex', 'Initech']);
  });
  afterAll(async () => {
    await h.close();
    await db.drop();
  });

  const send = async (subcommand: string, options: OptionValue[]) => {
    const payload = clientInteraction({ guildId: GUILD.id, channelId: CHANNEL, person: STAFF, subcommand, options });
    h.discord.dispatch('INTERACTION_CREATE', payload);
    return answerTo(h.discord, payload.token);
  };
  const acks = async (workspace: Workspace, name: string) => h.opened.store.workspace(workspace.id).getNudgeAcks([nudges.get(name)!]);
  const staffMember = async () => (await h.opened.store.workspace(here.id).findMember(STAFF.id))!;

  it('/client done <nudge> marks it done, recording who', async () => {
    const reply = await send('done', [opt('nudge', nudges.get('Acme')!)]);
    expect(reply.content).not.toMatch(/⚠️/);
    expect(await acks(here, 'Acme')).toMatchObject([{ action: 'done', actorId: (await staffMember()).id }]);
  });

  it('/client snooze <nudge> 1w puts it off a week, recording who', async () => {
    const reply = await send('snooze', [opt('nudge', nudges.get('Globex')!), opt('until', '1w')]);
    expect(reply.content).not.toMatch(/⚠️/);
    const [ack] = await acks(here, 'Globex');
    expect(ack).toMatchObject({ action: 'snoozed', actorId: (await staffMember()).id });
    expect(ack!.until!.getTime()).toBeGreaterThan(MONDAY_MORNING.getTime() + 6 * 86_400_000);
  });

  it.each([
    ['done', () => [opt('nudge', nudges.get('Initech')!)]],
    ['snooze', () => [opt('nudge', nudges.get('Initech')!), opt('until', '1d')]],
  ] as const)("/client %s with another server's nudge id finds nothing due here and changes nothing", async (subcommand, options) => {
    const reply = await send(subcommand, [...options()]);
    expect(reply.content).toMatch(/⚠️/);
    expect(await acks(there, 'Initech')).toEqual([]);
    expect(await acks(here, 'Initech')).toEqual([]);
  });

  it("/client forget with another server's client id and its code erases nothing", async () => {
    const id = clients.get('Initech')!;
    const reply = await send('forget', [opt('client', id), opt('confirm', forgetCode(id))]);
    expect(reply.content).toMatch(/⚠️/);
    expect(await h.opened.store.workspace(there.id).getClient(id)).not.toBeNull();
  });

  it('/client forget asks for the code, then erases the client with it', async () => {
    const id = clients.get('Acme')!;
    const asked = await send('forget', [opt('client', id)]);
    expect(asked.content).toContain(`confirm:${forgetCode(id)}`);
    expect(await h.opened.store.workspace(here.id).getClient(id)).not.toBeNull();
    const erased = await send('forget', [opt('client', id), opt('confirm', forgetCode(id))]);
    expect(erased.content).toMatch(/Erased Acme/);
    expect(await h.opened.store.workspace(here.id).getClient(id)).toBeNull();
  });
});
