// Gateway payloads for Discord tests: what INTERACTION_CREATE, MESSAGE_CREATE and THREAD_CREATE
// carry, in the shapes discord.js 14 reads (see ../../../shared/notes/chat-platform-testing.md).
import { APP_ID, apiMessageFields, type FakeMessage } from './fake-discord.js';

export interface InteractionPerson {
  readonly id: string;
  readonly name: string;
  readonly roles?: readonly string[];
  /** The member's permissions in the channel, as Discord sends them (a bitfield string). */
  readonly permissions?: string;
}

/** An option as Discord sends it: type 3 text, 6 user, 7 channel; `focused` for autocomplete. */
export interface OptionValue {
  readonly name: string;
  readonly type: number;
  readonly value: string;
  readonly focused?: boolean;
}

let interactionSeq = 0;

/** An INTERACTION_CREATE payload for `/client <subcommand>` (type 2), or its autocomplete (type 4). */
export function clientInteraction(input: {
  readonly guildId: string;
  readonly channelId: string;
  readonly person: InteractionPerson;
  readonly subcommand: string;
  readonly options?: readonly OptionValue[];
  readonly autocomplete?: boolean;
  readonly users?: readonly { readonly id: string; readonly name: string }[];
  /** Picked channels as Discord resolves them (type 0 text, 15 forum). */
  readonly channels?: readonly { readonly id: string; readonly type: number }[];
}) {
  interactionSeq += 1;
  const id = `${700000000000000000n + BigInt(interactionSeq)}`;
  const user = (u: { id: string; name: string }) => ({ id: u.id, username: u.name, discriminator: '0', global_name: u.name, avatar: null });
  return {
    id,
    token: `token${interactionSeq}`,
    application_id: APP_ID,
    type: input.autocomplete ? 4 : 2,
    version: 1,
    guild_id: input.guildId,
    channel_id: input.channelId,
    channel: { id: input.channelId, type: 0, guild_id: input.guildId, name: 'general' },
    member: { user: user(input.person), roles: input.person.roles ?? [], permissions: input.person.permissions ?? '0', joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, nick: null },
    locale: 'en-US',
    guild_locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: { '0': input.guildId },
    context: 0,
    data: {
      id: '800',
      name: 'client',
      type: 1,
      guild_id: input.guildId,
      options: [{ name: input.subcommand, type: 1, options: input.options ?? [] }],
      ...((input.users?.length ?? 0) + (input.channels?.length ?? 0) > 0
        ? {
            resolved: {
              ...(input.users ? { users: Object.fromEntries(input.users.map((u) => [u.id, user(u)])) } : {}),
              ...(input.channels ? { channels: Object.fromEntries(input.channels.map((c) => [c.id, { id: c.id, type: c.type, name: `channel-${c.id}`, permissions: '0' }])) } : {}),
            },
          }
        : {}),
    },
  };
}

/** An INTERACTION_CREATE payload for a button pressed on `message` (type 3, a message component). */
export function buttonInteraction(input: { readonly guildId: string; readonly person: InteractionPerson; readonly message: FakeMessage; readonly customId: string }) {
  interactionSeq += 1;
  const id = `${700000000000000000n + BigInt(interactionSeq)}`;
  const p = input.person;
  const user = { id: p.id, username: p.name, discriminator: '0', global_name: p.name, avatar: null };
  return {
    id,
    token: `token${interactionSeq}`,
    application_id: APP_ID,
    type: 3,
    version: 1,
    guild_id: input.guildId,
    channel_id: input.message.channel_id,
    channel: { id: input.message.channel_id, type: 0, guild_id: input.guildId, name: 'client-care' },
    member: { user, roles: p.roles ?? [], permissions: p.permissions ?? '0', joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, nick: null },
    message: { ...apiMessageFields(input.message.channel_id), ...input.message },
    locale: 'en-US',
    guild_locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: { '0': input.guildId },
    context: 0,
    data: { custom_id: input.customId, component_type: 2 },
  };
}

let messageSeq = 0;

/** A THREAD_CREATE payload: a new post in a forum, or a thread under a text channel. */
export function threadPayload(input: { readonly id: string; readonly guildId: string; readonly parentId: string; readonly name: string; readonly ownerId: string }) {
  return {
    id: input.id,
    type: 11,
    guild_id: input.guildId,
    parent_id: input.parentId,
    name: input.name,
    owner_id: input.ownerId,
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: '2026-03-09T09:00:00.000Z', locked: false },
    message_count: 0,
    member_count: 1,
    rate_limit_per_user: 0,
    flags: 0,
    applied_tags: [],
    newly_created: true,
  };
}

/** A MESSAGE_CREATE payload in a server channel or thread, by a person (or a bot). */
export function messagePayload(input: { readonly guildId: string; readonly channelId: string; readonly person: InteractionPerson; readonly content?: string; readonly bot?: boolean; readonly at?: string }) {
  messageSeq += 1;
  const p = input.person;
  return {
    id: `${600000000000000000n + BigInt(messageSeq)}`,
    channel_id: input.channelId,
    guild_id: input.guildId,
    author: { id: p.id, username: p.name, discriminator: '0', global_name: p.name, avatar: null, ...(input.bot ? { bot: true } : {}) },
    member: { roles: p.roles ?? [], joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, nick: null },
    content: input.content ?? '',
    timestamp: input.at ?? '2026-03-09T09:00:00.000Z',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
  };
}

/** An INTERACTION_CREATE payload for a submitted form (type 5): text fields by custom id. */
export function formSubmitInteraction(input: { readonly guildId: string; readonly channelId: string; readonly person: InteractionPerson; readonly customId: string; readonly fields: Readonly<Record<string, string>> }) {
  const base = clientInteraction({ guildId: input.guildId, channelId: input.channelId, person: input.person, subcommand: 'log' });
  return {
    ...base,
    type: 5,
    data: { custom_id: input.customId, components: Object.entries(input.fields).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] })) },
  };
}
