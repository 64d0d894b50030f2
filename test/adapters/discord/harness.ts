// Wires the real pieces for Discord adapter tests: the real store on a fresh database, the real
// core, the real discord.js Client, and FakeDiscord (REST + gateway on 127.0.0.1) as the far side.
import { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterOptions } from '../../../src/adapters/discord/index.js';
import { openStore, type OpenedStore } from '../../../src/adapters/store/index.js';
import { createCore, type Core } from '../../../src/core/core.js';
import type { Workspace } from '../../../src/core/model/index.js';
import { APP_ID, FakeDiscord, type FakeGuild } from '../../support/fake-discord.js';
import { NOW, TestClock, recordingLogger } from '../slack/harness.js';

export const GUILD: FakeGuild = { id: '100000000000000001', name: 'Ana’s community', roles: [{ id: '300000000000000001', name: 'staff' }], channels: ['200000000000000001', '200000000000000002'] };
export const OTHER_GUILD: FakeGuild = { id: '100000000000000002', name: 'Elsewhere', roles: [], channels: ['200000000000000009'] };
export const STAFF_ROLE = '300000000000000001';
export const CHANNEL = '200000000000000001';
export const STAFF = { id: '400000000000000001', name: 'sam', roles: [STAFF_ROLE] };
export const MEMBER = { id: '400000000000000002', name: 'ana', roles: [] };

export interface DiscordHarness {
  readonly discord: FakeDiscord;
  readonly opened: OpenedStore;
  readonly adapter: DiscordAdapter;
  readonly clock: TestClock;
  readonly logger: ReturnType<typeof recordingLogger>;
  workspace(guildId?: string): Promise<Workspace | null>;
  close(): Promise<void>;
}

/** Starts the adapter against a fake Discord whose READY lists `guilds`; resolves once it is ready. `wrapCore` puts something (a gate) around the real core. */
export async function startDiscord(databaseUrl: string, input: { guilds?: readonly FakeGuild[]; options?: Partial<DiscordAdapterOptions>; wrapCore?: (core: Core) => Core } = {}): Promise<DiscordHarness> {
  const opened = await openStore({ databaseUrl });
  const discord = await FakeDiscord.start({ guilds: input.guilds ?? [GUILD] });
  const clock = new TestClock(NOW);
  const logger = recordingLogger();
  const adapter = createDiscordAdapter({
    core: (input.wrapCore ?? ((core: Core) => core))(createCore({ store: opened.store, logger })),
    store: opened.store,
    lifecycle: opened.store.lifecycle,
    processedEvents: opened.store.processedEvents,
    logger,
    clock,
    token: 'test-bot-token',
    apiUrl: discord.apiUrl,
    staffRoleId: STAFF_ROLE,
    requestTimeoutMs: 2_000,
    ...input.options,
  });
  await adapter.start();
  return {
    discord,
    opened,
    adapter,
    clock,
    logger,
    workspace: (guildId = GUILD.id) => opened.store.findWorkspace('discord', guildId),
    async close() {
      await adapter.stop();
      await discord.close();
      await opened.close();
    },
  };
}

/** Polls until `check` answers something truthy; the fake gateway and the handlers run asynchronously. */
/** The community member MEMBER made a client (named Ana) by STAFF; returns the client's id. */
export async function memberAsClient(h: DiscordHarness, workspace: Workspace): Promise<string> {
  const core = createCore({ store: h.opened.store, logger: h.logger });
  const added = await core.run({ workspace, actor: { platformUserId: STAFF.id, displayName: STAFF.name }, now: h.clock.now() }, 'add', { name: 'Ana', member: { by: 'id', id: MEMBER.id, name: MEMBER.name } });
  if (!added.ok) throw new Error(`could not add the member as a client: ${added.code}`);
  return (await h.opened.store.workspace(workspace.id).findClientByMember(MEMBER.id))!.id;
}

export async function eventually<T>(check: () => Promise<T> | T, what: string): Promise<NonNullable<T>> {
  for (let i = 0; i < 400; i += 1) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`never happened: ${what}`);
}

/** The text the person ends up reading for an interaction: the edited deferral, or the follow-up posted to the channel. */
export async function answerTo(discord: FakeDiscord, token: string): Promise<{ content: string; embeds?: { title?: string; description: string }[] }> {
  const edited = new RegExp(`^/webhooks/${APP_ID}/${token}/messages/@original$`);
  const followed = new RegExp(`^/webhooks/${APP_ID}/${token}$`);
  await eventually(() => discord.callsTo('PATCH', edited).length + discord.callsTo('POST', followed).length > 0, `an answer to ${token}`);
  const call = discord.callsTo('PATCH', edited)[0] ?? discord.callsTo('POST', followed)[0];
  return call!.body as { content: string; embeds?: { title?: string; description: string }[] };
}
