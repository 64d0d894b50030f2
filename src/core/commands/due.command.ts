import type { Nudge } from '../model/index.js';
import { listDue } from '../use-cases/due.js';
import { reply, type CommandSpec } from './command.js';
import { refuse } from './outcome.js';

export const dueCommand: CommandSpec = {
  name: 'due',
  usage: '/client due [all]',
  summary: "What needs doing now: your clients' nudges, or the whole team's with all.",
  examples: ['/client due', '/client due all'],
  async run(args, env) {
    const scope = args[0]?.text.toLowerCase();
    if (args.length > 1 || (scope !== undefined && scope !== 'all' && scope !== 'mine')) refuse('due.unknown-word', `"${args[0]!.text}" is not a scope; use /client due or /client due all.`);
    const all = scope === 'all';
    const nudges = await listDue({ store: env.store, now: env.now, ownerId: all ? null : env.actor.id, ...(env.giftCatalog ? { catalog: env.giftCatalog } : {}) });
    if (nudges.length === 0) return reply(all ? 'Nothing is due for the team. Good work.' : 'Nothing is due for your clients. /client due all shows the team.');
    return reply(`${nudges.length} thing${nudges.length === 1 ? '' : 's'} to do${all ? ' for the team' : ''}:`, { sections: [{ lines: nudges.map(nudgeLine) }] });
  },
};

export const nudgeLine = (n: Nudge): string => [`[${n.id}] ${n.title}`, ...n.context.map((c) => `    ${c}`)].join('\n');
