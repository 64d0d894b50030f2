import { CLIENT_STATUSES, TIERS } from '../model/index.js';
import { arg, defineArgs } from './arguments.js';
import { defineCommand, reply } from './command.js';
import { whenAgo } from '../time/index.js';

/** Most clients one list shows. */
export const LIST_LIMIT = 50;

export const listCommand = defineCommand({
  name: 'list',
  summary: "List the team's clients (or yours), with when you last spoke.",
  examples: ['/client list', '/client list mine', '/client list tier:top', '/client list status:former'],
  args: defineArgs({
    scope: arg.choice('list scope', ['mine', 'all'] as const, { label: 'Whose', placement: 'positional' }).optional(),
    tier: arg.choice('tier', TIERS, { label: 'Tier' }).optional(),
    status: arg.choice('status', CLIENT_STATUSES, { label: 'Status' }).optional(),
  }),
  async execute(args, env) {
    const mine = args.scope === 'mine';
    const clients = await env.store.listClients({
      ...(mine ? { ownerId: env.actor.id } : {}),
      ...(args.tier ? { tier: args.tier } : {}),
      ...(args.status ? { status: args.status } : {}),
    });
    if (clients.length === 0) return reply(emptyList(mine, args.tier, args.status, await env.store.hasClients()));
    const sorted = clients.slice().sort((a, b) => a.name.localeCompare(b.name));
    const lines = sorted
      .slice(0, LIST_LIMIT)
      .map((c) => `${c.name} · ${c.tier}${c.status === 'active' ? '' : ` · ${c.status}`} · last contact ${c.lastInteractionAt ? whenAgo(env.now, c.lastInteractionAt, env.workspace.timeZone) : 'never'}`);
    const rest = sorted.length - lines.length;
    // A chat message is no place for thousands of names: narrow the list, or export it.
    if (rest > 0) lines.push(`…and ${rest} more. Narrow it with mine, tier:… or status:…, or get them all with /client export.`);
    return reply(`${clients.length} client${clients.length === 1 ? '' : 's'}${mine ? ' of yours' : ''}:`, { sections: [{ lines }] });
  },
});

/** An empty list says why: no clients at all, or none that match what was asked. */
function emptyList(mine: boolean, tier: string | undefined, status: string | undefined, any: boolean): string {
  if (!any) return 'No clients yet. Add one: /client add "Acme Corp"';
  const filters = [...(tier ? [`${tier} tier`] : []), ...(status ? [status] : [])].join(', ');
  if (mine) return filters ? `You own no ${filters} clients.` : 'You own no clients yet.';
  return `No ${filters} clients.`;
}
