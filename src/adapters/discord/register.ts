import { Routes, type REST } from 'discord.js';
import type { CommandDefinition } from '../../core/commands/command.js';
import { clientCommand } from './command-spec.js';

/**
 * Registers `/client` (generated from the core's commands) in one server, or globally. A bulk
 * overwrite: running it again with the same commands changes nothing, and a removed subcommand goes.
 */
export async function registerCommands(input: { readonly rest: REST; readonly applicationId: string; readonly guildId?: string; readonly commands: readonly CommandDefinition[] }): Promise<void> {
  const route = input.guildId ? Routes.applicationGuildCommands(input.applicationId, input.guildId) : Routes.applicationCommands(input.applicationId);
  await input.rest.put(route, { body: [clientCommand(input.commands)] });
}
