import { ClientStatus, Tier } from '../model/index.js';
import { reply, type CommandSpec } from './command.js';
import { whenAgo } from '../time/index.js';
import { splitOptions } from './options.js';
import { must, refuse } from './outcome.js';

/** Most clients one list shows. */
export const LIST_LIMIT = 50;

export const listCommand: CommandSpec = {
  name: 'list',
  usage: '/client list [mine] [tier:top|standard|light] [status:active|paused|former]',
  summary: "List the team's clients (or yours), with when you last spoke.",
  examples: ['/client list', '/client list mine', '/client list tier:top'],
  async run(args, env) {
    const { options, words } = must(splitOptions(args, ['tier', 'status']));
    const extra = words.filter((w) => w.text.toLowerCase() !== 'mine' && w.text.toLowerCase() !== 'all');
    if (extra.length > 0) refuse('list.unknown-word', `"${extra[0]!.text}" is not a list filter. Use mine, tier:… or status:….`);
    const tierText = options.get('tier')?.[0]?.toLowerCase();
    const statusText = options.get('status')?.[0]?.toLowerCase();
    const tier = tierText === undefined ? undefined : Tier.safeParse(tierText);
    const status = statusText === undefined ? undefined : ClientStatus.safeParse(statusText);
    if (tier && !tier.success) refuse('tier.unknown', `Tier "${tierText}" is not one of top, standard, light.`);
    if (status && !status.success) refuse('status.unknown', `Status "${statusText}" is not one of active, paused, former.`);
    const mine = words.some((w) => w.text.toLowerCase() === 'mine');
    const clients = await env.store.listClients({
      ...(mine ? { ownerId: env.actor.id } : {}),
      ...(tier?.data ? { tier: tier.data } : {}),
      ...(status?.data ? { status: status.data } : {}),
    });
    if (clients.length === 0) return reply(mine ? 'You own no clients yet.' : 'No clients yet. Add one: /client add "Acme Corp"');
    const sorted = clients.slice().sort((a, b) => a.name.localeCompare(b.name));
    const lines = sorted
      .slice(0, LIST_LIMIT)
      .map((c) => `${c.name} · ${c.tier}${c.status === 'active' ? '' : ` · ${c.status}`} · last contact ${c.lastInteractionAt ? whenAgo(env.now, c.lastInteractionAt, env.workspace.timeZone) : 'never'}`);
    const rest = sorted.length - lines.length;
    // A chat message is no place for thousands of names: narrow the list, or export it.
    if (rest > 0) lines.push(`…and ${rest} more. Narrow it with mine, tier:… or status:…, or get them all with /client export.`);
    return reply(`${clients.length} client${clients.length === 1 ? '' : 's'}${mine ? ' of yours' : ''}:`, { sections: [{ lines }] });
  },
};
