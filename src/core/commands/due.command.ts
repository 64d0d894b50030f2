import type { Nudge } from '../model/index.js';
import { listDue } from '../use-cases/due.js';
import { arg, defineArgs } from './arguments.js';
import { defineCommand, reply } from './command.js';

export const dueCommand = defineCommand({
  name: 'due',
  summary: "What needs doing now: your clients' nudges, or the whole team's with all.",
  examples: ['/client due', '/client due all'],
  args: defineArgs({ scope: arg.choice('scope', ['mine', 'all'] as const, { label: 'Whose', placement: 'positional' }).optional() }),
  async execute(args, env) {
    const all = args.scope === 'all';
    const nudges = await listDue({ store: env.store, now: env.now, ownerId: all ? null : env.actor.id, catalog: env.giftCatalog });
    if (nudges.length === 0) return reply(all ? 'Nothing is due for the team. Good work.' : 'Nothing is due for your clients. /client due all shows the team.');
    return reply(`${nudges.length} thing${nudges.length === 1 ? '' : 's'} to do${all ? ' for the team' : ''}:`, { sections: [{ lines: nudges.map(nudgeLine) }] });
  },
});

export const nudgeLine = (n: Nudge): string => [`[${n.id}] ${n.title}`, ...n.context.map((c) => `    ${c}`)].join('\n');
