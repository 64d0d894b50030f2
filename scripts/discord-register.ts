// Registers Rapport's /client slash command with Discord, generated from the core's commands.
//   npm run discord:register                  in DISCORD_GUILD_ID's server when set, else globally
//   npm run discord:register -- --guild <id>  in that one server (instant; good for trying it out)
//   npm run discord:register -- --global      in every server the bot is in (may take a while to appear)
// Start-up does the same, so this is for registering before the first start or after a change.
import 'dotenv/config';
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { loadConfig } from '../src/config.js';
import { inviteUrl, registerCommands } from '../src/adapters/discord/index.js';
import { COMMANDS } from '../src/core/commands/registry.js';

/** Registers /client as the settings and arguments say; returns the line to print and the exit code. */
export async function register(env: Record<string, string | undefined>, argv: readonly string[]): Promise<{ code: number; message: string }> {
  const loaded = loadConfig(env);
  if (!loaded.ok) return { code: 2, message: loaded.message };
  const config = loaded.config;
  if (!config.DISCORD_BOT_TOKEN) return { code: 2, message: 'Set DISCORD_BOT_TOKEN (Developer Portal → your application → Bot → Reset Token).' };
  const at = argv.indexOf('--guild');
  const guildId = argv.includes('--global') ? undefined : at >= 0 ? argv[at + 1] : config.DISCORD_GUILD_ID;
  if (guildId !== undefined && !/^\d{15,25}$/.test(guildId)) return { code: 2, message: `"${guildId}" is not a server id; copy it with Developer Mode on (right-click the server → Copy Server ID).` };
  const rest = new REST({ ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}) }).setToken(config.DISCORD_BOT_TOKEN);
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  await registerCommands({ rest, applicationId: application.id, commands: COMMANDS, ...(guildId ? { guildId } : {}) });
  const where = guildId ? `in server ${guildId}.` : 'globally; Discord may take a few minutes to show it everywhere.';
  return { code: 0, message: `Registered /client (${COMMANDS.length} subcommands) ${where}\nInvite the bot with: ${inviteUrl(application.id)}` };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  register(process.env, process.argv.slice(2)).then(
    ({ code, message }) => {
      (code === 0 ? console.log : console.error)(message);
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`Registering /client failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
