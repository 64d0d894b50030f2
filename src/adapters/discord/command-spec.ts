import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { ArgSpec } from '../../core/commands/arguments.js';
import type { CommandDefinition } from '../../core/commands/command.js';
import { askedInForm } from './forms.js';

/** Discord's limits on command descriptions (https://discord.com/developers/docs/interactions/application-commands). */
export const COMMAND_LIMITS = { description: 100, choices: 25, choiceText: 100, options: 25, subcommands: 25, total: 8000 } as const;

/** Who sees `/client` until a server changes it in Server Settings → Integrations: members who can manage the server. */
export const DEFAULT_MEMBER_PERMISSIONS = PermissionFlagsBits.ManageGuild;

/**
 * What the bot needs in a server, and nothing more: View Channels and Send Messages to post digests,
 * Embed Links for the digest's embeds. Replies to commands go through the interaction and need none.
 */
export const INVITE_PERMISSIONS = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;

/** The URL that adds the bot to a server with its slash commands and exactly those permissions. */
export function inviteUrl(applicationId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${applicationId}&scope=bot+applications.commands&permissions=${INVITE_PERMISSIONS}`;
}

/** The channels a channel option offers: text (and announcement) channels, and forums. */
export const PICKED_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum] as const;

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * The `/client` slash command, generated from the core's command descriptions: one subcommand per
 * command, one typed option per argument. Enums become choices, clients autocomplete (from the
 * server's own clients), members become user pickers; everything else is text the core reads.
 */
export function clientCommand(commands: readonly CommandDefinition[], name = 'client'): RESTPostAPIChatInputApplicationCommandsJSONBody {
  if (commands.length > COMMAND_LIMITS.subcommands) throw new Error(`bug: ${commands.length} subcommands; Discord allows ${COMMAND_LIMITS.subcommands}`);
  return {
    type: ApplicationCommandType.ChatInput,
    name,
    description: 'Rapport: look after your clients and members.',
    default_member_permissions: DEFAULT_MEMBER_PERMISSIONS.toString(),
    contexts: [InteractionContextType.Guild],
    options: commands.map((command) => ({
      type: ApplicationCommandOptionType.Subcommand,
      name: command.name,
      description: clip(command.summary, COMMAND_LIMITS.description),
      // Discord wants required options first; the core reads them by name, so order is free.
      options: Object.values(command.args)
        .map((spec, index) => ({ spec, index }))
        .sort((a, b) => Number(b.spec.required) - Number(a.spec.required) || a.index - b.index)
        .map(({ spec }) => optionOf(spec)),
    })),
  };
}

function optionOf(spec: ArgSpec): APIApplicationCommandBasicOption {
  // Required free text is optional here: leaving it out asks for it in a form, with room to write.
  const base = { name: spec.name, description: clip(describe(spec), COMMAND_LIMITS.description), required: spec.required && !askedInForm(spec) };
  const type = spec.type;
  switch (type.kind) {
    case 'member':
      return { ...base, type: ApplicationCommandOptionType.User };
    case 'channel':
      return { ...base, type: ApplicationCommandOptionType.Channel, channel_types: [...PICKED_CHANNELS] };
    case 'client':
      return { ...base, type: ApplicationCommandOptionType.String, autocomplete: true };
    case 'enum': {
      const shown = type.choices ?? type.values;
      // More than Discord can list: the person types it and the core reads it, synonyms included.
      if (shown.length > COMMAND_LIMITS.choices) return { ...base, type: ApplicationCommandOptionType.String };
      return { ...base, type: ApplicationCommandOptionType.String, choices: shown.map((v) => ({ name: clip(v, COMMAND_LIMITS.choiceText), value: v })) };
    }
    case 'text':
      return { ...base, type: ApplicationCommandOptionType.String, max_length: Math.min(type.max ?? 2000, 6000) };
    default:
      return { ...base, type: ApplicationCommandOptionType.String };
  }
}

function describe(spec: ArgSpec): string {
  const type = spec.type;
  if (type.kind === 'word') return `${spec.label}, e.g. ${type.example}`;
  if (type.kind === 'moment') return `${spec.label}, e.g. yesterday 3pm or 2026-03-14`;
  if (type.kind === 'yearly') return `${spec.label}, e.g. March 14`;
  if (type.kind === 'duration') return `${spec.label}: 1d, 1w, or a date`;
  return spec.label;
}

/** Characters Discord counts against a command's 8000 (names, descriptions, choice names and values). */
export function commandSize(command: RESTPostAPIChatInputApplicationCommandsJSONBody): number {
  const walk = (o: { name: string; description?: string; options?: unknown[]; choices?: { name: string; value: string | number }[] }): number =>
    o.name.length +
    (o.description?.length ?? 0) +
    (o.choices ?? []).reduce((s, c) => s + c.name.length + String(c.value).length, 0) +
    (o.options ?? []).reduce<number>((s, x) => s + walk(x as Parameters<typeof walk>[0]), 0);
  return walk(command as Parameters<typeof walk>[0]);
}
