import { Client, Events, GatewayIntentBits, Status, type Guild, type REST } from 'discord.js';
import type { Core } from '../../core/core.js';
import type { Clock, DigestPublisher, Logger, MemberNotifier, ProcessedEvents, Store, WorkspaceLifecycle } from '../../core/ports/index.js';
import { handleDigestButton } from './buttons.js';
import { logButtonClient } from './digest-buttons.js';
import { handleFormSubmit, openLogForm, PendingForms } from './forms.js';
import { guildJoined, guildLeft, guildPresent, guildsGoneWhileAway, type GuildDeps, type GuildFacts } from './guilds.js';
import { BoundedWork, DEFAULT_WORK_LIMITS, type WorkLimits } from '../work/bounded-work.js';
import { handleAutocomplete, handleChatInput, SeenInteractions, type InteractionDeps } from './interactions.js';
import { createDigestPublisher, createMemberNotifier } from './publisher.js';
import { registerCommands } from './register.js';
import { rejectLongChannelWaits } from './rest-limits.js';
import { WatchedChannels, watchSupportMessage, type SupportWatchDeps } from './support-watch.js';

/**
 * The gateway intents Rapport asks for: Guilds (servers joined and left, their roles, channels and
 * threads) and Guild Messages (new messages, for the support channels each server may set at any
 * time; message events carry no text without Message Content). Slash commands, autocomplete and
 * buttons arrive as interactions whatever the intents, with the member's roles and permissions.
 * No privileged intent: without Message Content, a support post is summarised by its title or place.
 */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] as const;

export interface DiscordAdapterOptions {
  readonly core: Core;
  readonly store: Store;
  /** Servers joined (workspace created or revived) and left (erased after the grace period). */
  readonly lifecycle: WorkspaceLifecycle;
  readonly processedEvents: ProcessedEvents;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly token: string;
  /** Overrides https://discord.com/api (DISCORD_API_URL); the gateway is found through it. */
  readonly apiUrl?: string;
  /** Registers /client in this server only (DISCORD_GUILD_ID), else globally. */
  readonly guildId?: string;
  readonly staffRoleId?: string;
  /**
   * DISCORD_SUPPORT_CHANNEL_IDS: seeds the support channels of each server that has these channels
   * and has never set its own; `/client settings support-channel` decides from then on.
   */
  readonly supportChannels?: readonly string[];
  readonly defaultTimeZone?: string;
  /** With shards (npm run discord:shards): the shards this process connects, out of shardCount; it sees only their servers. */
  readonly shards?: { readonly ids: readonly number[]; readonly count: number };
  /** One REST call's timeout (15 s by default); calls are not retried below the scheduler. */
  readonly requestTimeoutMs?: number;
  /** How much acknowledged work runs at once and may wait (DEFAULT_WORK_LIMITS when absent). */
  readonly work?: Partial<WorkLimits>;
}

export interface DiscordAdapter {
  /** Connects, brings the servers it is in up to date, and registers /client; resolves when ready. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The gateway connection is up (for /healthz); false while discord.js reconnects. */
  connected(): boolean;
  readonly publisher: DigestPublisher;
  readonly notifier: MemberNotifier;
  readonly rest: REST;
}

export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
  const client = new Client({
    intents: [...INTENTS],
    ...(options.shards ? { shards: [...options.shards.ids], shardCount: options.shards.count } : {}),
    rest: {
      ...(options.apiUrl ? { api: options.apiUrl } : {}),
      // One retry owner: no retries of 5xx or timeouts here (discord.js's default is 3), and long
      // rate-limit waits on channel posts are handed back (see rejectLongChannelWaits).
      retries: 0,
      rejectOnRateLimit: rejectLongChannelWaits,
      timeout: requestTimeoutMs,
    },
  });
  client.rest.setToken(options.token);
  const { logger } = options;
  const watched = new WatchedChannels(options.store, options.clock);
  const guildDeps: GuildDeps = {
    store: options.store,
    lifecycle: options.lifecycle,
    clock: options.clock,
    logger,
    changed: (guildId) => watched.forget(guildId),
    ...(options.supportChannels ? { supportDefaults: options.supportChannels } : {}),
    ...(options.defaultTimeZone ? { defaultTimeZone: options.defaultTimeZone } : {}),
  };
  // Commands, forms and buttons are acknowledged first; their core work runs here, bounded.
  const work = new BoundedWork({ ...DEFAULT_WORK_LIMITS, ...options.work }, logger);
  const interactionDeps: InteractionDeps = {
    core: options.core,
    store: options.store,
    processedEvents: options.processedEvents,
    seen: new SeenInteractions(),
    work,
    // A command or form may change the server's settings (its support channels): its copy is read again.
    afterWork: (guildId) => watched.forget(guildId),
    clock: options.clock,
    logger,
    ...(options.staffRoleId ? { staffRoleId: options.staffRoleId } : {}),
    ...(options.defaultTimeZone ? { defaultTimeZone: options.defaultTimeZone } : {}),
  };
  const forms = new PendingForms();
  // discord.js does not await listeners: each handler awaits its own work and logs its own failure.
  const handle = (what: string, work: () => Promise<unknown>) => {
    work().catch((error: unknown) => logger.error({ err: error }, `discord ${what} failed`));
  };

  client.on(Events.GuildCreate, (guild) => handle('server join', () => guildJoined(guildDeps, factsOf(guild))));
  // Before READY is handled, start() brings every server up to date itself; after it, a server back from an outage.
  client.on(Events.GuildAvailable, (guild) => client.isReady() && handle('server return', () => guildPresent(guildDeps, factsOf(guild))));
  client.on(Events.GuildDelete, (guild) => handle('server removal', () => guildLeft(guildDeps, guild.id)));
  client.on(Events.GuildUnavailable, (guild) => logger.warn({ guildId: guild.id }, 'discord server unavailable (an outage); nothing is deleted'));
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) handle('command', () => handleChatInput(interactionDeps, interaction, forms));
    else if (interaction.isModalSubmit()) handle('form', () => handleFormSubmit(interactionDeps, forms, interaction));
    else if (interaction.isAutocomplete()) handle('autocomplete', () => handleAutocomplete(interactionDeps, interaction));
    else if (interaction.isButton()) {
      const clientId = logButtonClient(interaction.customId);
      if (clientId) handle('log button', () => openLogForm(interactionDeps, forms, interaction, clientId));
      else handle('digest button', () => handleDigestButton(interactionDeps, interaction));
    }
  });
  const supportDeps: SupportWatchDeps = { core: options.core, store: options.store, clock: options.clock, logger, watched, ...(options.staffRoleId ? { staffRoleId: options.staffRoleId } : {}) };
  client.on(Events.MessageCreate, (message) => handle('support message', () => watchSupportMessage(supportDeps, message)));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));

  return {
    async start() {
      const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
      await client.login(options.token);
      const c = await ready;
      const present = [...c.guilds.cache.values()].filter((g) => g.available);
      for (const guild of present) await guildPresent(guildDeps, factsOf(guild));
      // With shards, each process sees only its own servers: absence proves nothing then.
      if (c.shard === null && options.shards === undefined) await guildsGoneWhileAway(guildDeps, new Set(c.guilds.cache.keys()));
      // Once per bot: with shards, the process holding shard 0 registers.
      if (!options.shards || options.shards.ids.includes(0)) await registerCommands({ rest: client.rest, applicationId: c.application.id, commands: options.core.commands, ...(options.guildId ? { guildId: options.guildId } : {}) });
      logger.info({ servers: present.length, applicationId: c.application.id }, 'Rapport is connected to Discord');
    },
    async stop() {
      // No new interactions are taken; those already taken finish (their replies need the client).
      client.removeAllListeners(Events.InteractionCreate);
      await work.idle();
      await client.destroy();
    },
    connected: () => client.ws.status === Status.Ready,
    publisher: createDigestPublisher({ rest: client.rest, store: options.store, logger, requestTimeoutMs }),
    notifier: createMemberNotifier({ rest: client.rest, store: options.store, logger, requestTimeoutMs }),
    rest: client.rest,
  };
}

function factsOf(guild: Guild): GuildFacts {
  return { id: guild.id, name: guild.name, channelIds: new Set(guild.channels.cache.keys()) };
}
