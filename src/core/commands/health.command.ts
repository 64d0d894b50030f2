import { healthOf } from '../care/health.js';
import { arg, defineArgs } from './arguments.js';
import { defineCommand, reply } from './command.js';
import { describeHealth } from './health-text.js';
import { must } from './outcome.js';
import { resolveClient } from './resolve-client.js';

const HISTORY = 200;
/** The overview names the weakest relationships; the rest are fine by comparison. */
const SHOWN = 30;

export const healthCommand = defineCommand({
  name: 'health',
  summary: "How each relationship is doing, from recency, frequency, how fast we reply and the mood of recent interactions; flags what an owner should review.",
  examples: ['/client health', '/client health acme'],
  args: defineArgs({ client: arg.client().optional() }),
  async execute(args, env) {
    if (args.client !== undefined) {
      const client = must(await resolveClient(env, args.client));
      const profile = await env.store.getProfile(client.id, { interactionLimit: HISTORY });
      return reply(`Relationship health for ${client.name}:`, { sections: [{ lines: describeHealth(profile!, env.workspace, env.now) }] });
    }
    // One read for every active client, not one per client: a big workspace stays within its transaction.
    const profiles = await env.store.getProfiles({ status: 'active' }, { interactionLimit: HISTORY });
    if (profiles.length === 0) return reply('No active clients yet.');
    const rows = profiles.map((profile) => ({ client: profile.client, health: healthOf(profile, env.now, env.workspace.policy) }));
    rows.sort((a, b) => a.health.score - b.health.score || a.client.name.localeCompare(b.client.name));
    const lines = rows.slice(0, SHOWN).map(({ client, health }) => `${client.name}: ${health.score}/100, ${health.label}${health.flags.length > 0 ? ` ⚑ ${health.flags.join('; ')}` : ''}`);
    if (rows.length > SHOWN) lines.push(`…and ${rows.length - SHOWN} healthier. /client health <client> for any one of them.`);
    return reply(`Relationship health, weakest first:`, { sections: [{ lines }] });
  },
});
