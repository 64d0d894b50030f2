import { TIERS } from '../model/index.js';
import { arg, defineArgs } from './arguments.js';
import { defineCommand, reply } from './command.js';
import { normalizeName } from './names.js';
import { refuse } from './outcome.js';
import { resolveMember } from './owner.js';
import { quoteIfNeeded } from './tokenize.js';

export const addCommand = defineCommand({
  name: 'add',
  summary: 'Add a client. You own it unless you name another owner.',
  examples: ['/client add "Acme Corp" tier:top alias:acme', '/client add Globex owner:@sam'],
  args: defineArgs({
    name: arg.name('client', { label: 'Name' }).required(),
    tier: arg.choice('tier', TIERS, { label: 'Tier' }).optional(),
    owner: arg.member({ label: 'Owner' }).optional(),
    alias: arg.names('alias', { label: 'Short name', placeholder: 'short name' }).optional(),
    member: arg.member({ label: 'Community member' }).optional(),
  }),
  async execute(args, env) {
    const aliases = args.alias ?? [];
    const owner = await resolveMember(env, args.owner);
    const taken = await env.store.clientsNamed([args.name, ...aliases]);
    for (const candidate of [args.name, ...aliases]) {
      if (taken.some((c) => [c.name, ...c.aliases].some((n) => normalizeName(n) === normalizeName(candidate)))) {
        refuse('client.exists', `"${candidate}" is already a client's name or alias. See /client show ${quoteIfNeeded(candidate)}`);
      }
    }
    const member = args.member === undefined ? null : args.member.by === 'self' ? env.actor.platformUserId : args.member.by === 'id' ? args.member.id : args.member.name;
    const client = await env.store.createClient({
      name: args.name,
      normalizedName: normalizeName(args.name),
      aliases: aliases.map((alias) => ({ alias, normalized: normalizeName(alias) })),
      ownerId: owner.id,
      tier: args.tier ?? 'standard',
      status: 'active',
      platformUserId: member,
      createdAt: env.now,
    });
    const aka = aliases.length > 0 ? ` (also "${aliases.join('", "')}")` : '';
    return reply(`Added ${client.name}${aka}, ${client.tier} tier, owned by ${owner.displayName}. Next: /client log ${quoteIfNeeded(aliases[0] ?? args.name)} call <what you talked about>`);
  },
});
