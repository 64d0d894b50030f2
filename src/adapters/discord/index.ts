export { createDiscordAdapter, INTENTS, type DiscordAdapter, type DiscordAdapterOptions } from './adapter.js';
export { clientCommand, DEFAULT_MEMBER_PERMISSIONS, INVITE_PERMISSIONS, inviteUrl } from './command-spec.js';
export { registerCommands } from './register.js';
