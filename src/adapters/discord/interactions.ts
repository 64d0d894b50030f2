import {
  ApplicationCommandOptionType,
  ChannelType,
  DiscordAPIError,
  GuildMember,
  Routes,
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ModalSubmitInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Guild,
  type REST,
} from 'discord.js';
import { mayUseCommands } from '../../core/access.js';
import type { ChannelKind, ChannelRef } from '../../core/commands/arguments.js';
import type { CommandContext, Core, RawValue } from '../../core/core.js';
import type { Workspace } from '../../core/model/index.js';
import type { Clock, Logger, ProcessedEvents, Store } from '../../core/ports/index.js';
import { BUSY, type BoundedWork } from '../work/bounded-work.js';
import { PLATFORM } from './guilds.js';
import { missingText, type PendingForms } from './forms.js';
import { messageOptions, renderReply } from './render-reply.js';

export interface InteractionDeps {
  readonly core: Core;
  readonly store: Pick<Store, 'ensureWorkspace' | 'findWorkspace'>;
  /** Interaction ids already handled, durably: claimed by the work after the ack, so a replay writes nothing twice. */
  readonly processedEvents: ProcessedEvents;
  /** Interaction ids this process has answered: a gateway replay is skipped before anything is sent. */
  readonly seen: SeenInteractions;
  /** Where core work goes once the interaction is acknowledged: bounded, refused with BUSY when full. */
  readonly work: BoundedWork;
  /** Called once an interaction's work in a server is over (it may have changed the server's settings). */
  readonly afterWork?: (guildId: string) => void;
  readonly clock: Clock;
  readonly logger: Logger;
  /** DISCORD_STAFF_ROLE_ID: members with it may use /client in the server that has it. */
  readonly staffRoleId?: string;
  readonly defaultTimeZone?: string;
}

/** An interaction from a server, with its member. */
type GuildInteraction = ChatInputCommandInteraction<'cached' | 'raw'> | AutocompleteInteraction<'cached' | 'raw'> | ButtonInteraction<'cached' | 'raw'> | ModalSubmitInteraction<'cached' | 'raw'>;

export const FAULT_TEXT = 'Rapport could not finish that just now; the error is logged. Please try again in a minute.';
/** Interaction ids kept in memory; Discord replays only recent events, so the newest few thousand are enough. */
const SEEN_KEPT = 10_000;

/** The ids of the interactions this process has already taken, newest last; the oldest are forgotten first. */
export class SeenInteractions {
  private readonly ids = new Set<string>();

  /** True the first time `id` is offered. */
  first(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > SEEN_KEPT) this.ids.delete(this.ids.values().next().value!);
    return true;
  }
}

/** Skips an interaction this process has already taken (a gateway replay), without touching the database. */
export function firstSeen(deps: InteractionDeps, interaction: { readonly id: string }): boolean {
  if (deps.seen.first(interaction.id)) return true;
  deps.logger.info({ interactionId: interaction.id }, 'discord interaction already handled; skipping the replay');
  return false;
}

/**
 * Acknowledge first, then work: `acknowledge` (a deferral) goes out before anything else, then the
 * durable replay claim and `job` run in the bounded work. When the work is full the person is told
 * BUSY through `tell` and nothing is claimed or written. An interaction that could not be
 * acknowledged (expired, or already answered by an earlier process) runs nothing: nobody would see it.
 */
export async function acknowledgeThenWork(deps: InteractionDeps, interaction: { readonly id: string; readonly guildId: string | null }, acknowledge: () => Promise<unknown>, tell: (text: string) => Promise<unknown>, job: () => Promise<void>): Promise<void> {
  try {
    await acknowledge();
  } catch (error) {
    deps.logger.warn({ err: error, interactionId: interaction.id }, 'discord interaction could not be acknowledged; nothing was run');
    return;
  }
  const taken = deps.work.take(async () => {
    let first: boolean;
    try {
      first = await deps.processedEvents.claim(PLATFORM, interaction.id, deps.clock.now());
    } catch (error) {
      deps.logger.error({ err: error, guildId: interaction.guildId }, 'discord interaction could not be recorded; nothing was run');
      await tell(FAULT_TEXT).catch(() => undefined);
      return;
    }
    if (!first) {
      deps.logger.info({ interactionId: interaction.id }, 'discord interaction already handled; skipping the replay');
      return;
    }
    try {
      await job();
    } finally {
      if (interaction.guildId) deps.afterWork?.(interaction.guildId);
    }
  });
  if (!taken) await tell(BUSY).catch((error: unknown) => deps.logger.warn({ err: error }, 'could not deliver the busy reply'));
}

/**
 * `/client <subcommand>`: acknowledged at once (deferred, only the caller sees it), then the core
 * decides who may, runs the command with the options as typed values, and the reply replaces the
 * "thinking" message. A reply the core meant for the channel is posted there instead. A command
 * whose required free text was left out (`/client log` without a note) asks for it in a form.
 */
export async function handleChatInput(deps: InteractionDeps, interaction: ChatInputCommandInteraction, forms?: PendingForms): Promise<void> {
  if (!interaction.inGuild()) {
    await interaction.reply({ content: 'Use /client in a server.', flags: MessageFlags.Ephemeral });
    return;
  }
  if (!firstSeen(deps, interaction)) return;
  const command = interaction.options.getSubcommand(true);
  const definition = deps.core.commands.find((c) => c.name === command);
  const given = interaction.options.data[0]?.options ?? [];
  const missing = definition ? missingText(definition, given) : [];
  if (forms && definition && missing.length > 0 && mayUseCommands(accessFacts(deps, interaction)).ok) {
    // The form is shown at once; the options given are read when it is submitted, in the work.
    await interaction.showModal(forms.open({ command, values: {}, options: given, guildId: interaction.guildId, userId: interaction.user.id, interactionId: interaction.id }, definition, missing));
    return;
  }
  await acknowledgeThenWork(
    deps,
    interaction,
    () => interaction.deferReply({ flags: MessageFlags.Ephemeral }),
    (content) => interaction.editReply({ content, allowedMentions: { parse: [] } }),
    () => runAndAnswer(deps, interaction, command, async (workspace) => optionValues(deps.core, workspace, command, given, interaction.client.rest)),
  );
}

/** The rest of a command after its acknowledgement: who may, the core, and the reply where it belongs. */
export async function runAndAnswer(
  deps: InteractionDeps,
  interaction: ChatInputCommandInteraction<'cached' | 'raw'> | ModalSubmitInteraction<'cached' | 'raw'>,
  command: string,
  valuesFor: (workspace: Workspace) => Promise<Record<string, RawValue>>,
  via?: string,
): Promise<void> {
  try {
    const allowed = mayUseCommands(accessFacts(deps, interaction));
    if (!allowed.ok) {
      await interaction.editReply({ content: `⚠️ ${allowed.message}`, allowedMentions: { parse: [] } });
      return;
    }
    const ctx = await contextFor(deps, interaction);
    const reply = await deps.core.run(via ? { ...ctx, via } : ctx, command, await valuesFor(ctx.workspace));
    const rendered = renderReply(reply);
    // Sent without holding the work's slot: the round trip to Discord is not database work.
    deps.work.deliver(async () => {
      if (rendered.ephemeral) {
        await interaction.editReply(messageOptions(rendered));
      } else {
        await interaction.followUp(messageOptions(rendered));
        await interaction.deleteReply();
      }
    });
  } catch (error) {
    deps.logger.error({ err: error, guildId: interaction.guildId }, 'discord command failed');
    await interaction.editReply({ content: FAULT_TEXT }).catch(() => undefined);
  }
}

/** Client names as the person types: this server's clients only, their ids as the values. */
export async function handleAutocomplete(deps: InteractionDeps, interaction: AutocompleteInteraction): Promise<void> {
  if (!interaction.inGuild() || !mayUseCommands(accessFacts(deps, interaction)).ok) {
    await interaction.respond([]);
    return;
  }
  const focused = interaction.options.getFocused(true);
  // A read only: suggestions must answer at once, and a server with no workspace yet has no clients.
  const workspace = await deps.store.findWorkspace(PLATFORM, interaction.guildId);
  if (!workspace) {
    await interaction.respond([]);
    return;
  }
  const found = await deps.core.suggestClients(workspace, String(focused.value));
  await interaction.respond(found.slice(0, 25).map((c) => ({ name: c.name.slice(0, 100), value: c.id })));
}

/**
 * A picked channel as the core reads it: its kind, and whether it is in this server. Asked of
 * Discord's REST API rather than read from the interaction: discord.js files a resolved channel
 * under the interaction's server, whichever server it came from. A channel the bot cannot see is
 * not one it can watch, so it counts as elsewhere.
 */
export async function channelFacts(rest: REST, guildId: string, id: string): Promise<ChannelRef> {
  const found = (await rest.get(Routes.channel(id)).catch((error: unknown) => {
    if (error instanceof DiscordAPIError && error.status < 500) return null;
    throw error;
  })) as { guild_id?: string; type: ChannelType } | null;
  if (!found || found.guild_id !== guildId) return { by: 'id', id, elsewhere: true };
  const kind: ChannelKind = found.type === ChannelType.GuildText || found.type === ChannelType.GuildAnnouncement ? 'text' : found.type === ChannelType.GuildForum ? 'forum' : 'other';
  return { by: 'id', id, kind, elsewhere: false };
}

/** The facts the core's access rule needs, read from the interaction's member. */
export function accessFacts(deps: InteractionDeps, interaction: GuildInteraction) {
  const role = deps.staffRoleId;
  const member = interaction.member;
  const roles: readonly string[] = member instanceof GuildMember ? [...member.roles.cache.keys()] : member.roles;
  return {
    staffRoleExists: role !== undefined && (interaction.guild ? interaction.guild.roles.cache.has(role) : roles.includes(role)),
    hasStaffRole: role !== undefined && roles.includes(role),
    managesServer: interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild),
  };
}

export async function workspaceOf(deps: InteractionDeps, guildId: string, guild: Guild | null): Promise<Workspace> {
  return deps.store.ensureWorkspace({ platform: PLATFORM, externalId: guildId, name: guild?.name ?? guildId, ...(deps.defaultTimeZone ? { timeZone: deps.defaultTimeZone } : {}) });
}

export async function contextFor(deps: InteractionDeps, interaction: GuildInteraction): Promise<CommandContext> {
  const member = interaction.member;
  const displayName = member instanceof GuildMember ? member.displayName : (member.nick ?? interaction.user.globalName ?? interaction.user.username);
  return {
    workspace: await workspaceOf(deps, interaction.guildId, interaction.guild),
    actor: { platformUserId: interaction.user.id, displayName },
    now: deps.clock.now(),
    ...(interaction.channelId ? { channel: interaction.channelId } : {}),
  };
}

/**
 * Options as the core's raw values, by argument name: text as typed, a picked user by id, a picked
 * channel by id with what the server says of it, and a client by id when the value is one of this
 * workspace's client ids (what autocomplete offers), else by the name typed. An id from another
 * server is no client here, so it is read as a name; a channel not in this server is marked so.
 */
export async function optionValues(core: Core, workspace: Workspace, command: string, options: readonly CommandInteractionOption[], rest: REST): Promise<Record<string, RawValue>> {
  const args = core.commands.find((c) => c.name === command)?.args ?? {};
  const values: Record<string, RawValue> = {};
  for (const option of options) {
    if (option.type === ApplicationCommandOptionType.Channel) {
      values[option.name] = await channelFacts(rest, workspace.externalId, String(option.value));
      continue;
    }
    if (option.type === ApplicationCommandOptionType.User) {
      const user = option.user;
      const name = option.member instanceof GuildMember ? option.member.displayName : (user?.globalName ?? user?.username);
      values[option.name] = { by: 'id', id: String(option.value), ...(name ? { name } : {}) };
      continue;
    }
    const text = String(option.value ?? '');
    if (args[option.name]?.type.kind === 'client' && (await core.getClient(workspace, text))) {
      values[option.name] = { by: 'id', id: text };
      continue;
    }
    values[option.name] = text;
  }
  return values;
}
