import { CLIENT_STATUSES, TIERS } from '../model/index.js';
import type { ClientPatch } from '../ports/index.js';
import { arg, defineArgs } from './arguments.js';
import { defineCommand, mention, reply } from './command.js';
import { normalizeName } from './names.js';
import { must, refuse } from './outcome.js';
import { resolveMember } from './owner.js';
import { resolveClient } from './resolve-client.js';

export const editCommand = defineCommand({
  name: 'edit',
  summary: "Change a client's name, owner, tier or status, or give it another alias.",
  examples: ['/client edit acme owner:@sam', '/client edit acme tier:top alias:"acme co"', '/client edit initech status:former'],
  args: defineArgs({
    client: arg.client().required(),
    name: arg.name('client', { label: 'New name', placement: 'option', placeholder: 'new name' }).optional(),
    owner: arg.member({ label: 'Owner' }).optional(),
    tier: arg.choice('tier', TIERS, { label: 'Tier' }).optional(),
    status: arg.choice('status', CLIENT_STATUSES, { label: 'Status' }).optional(),
    alias: arg.names('alias', { label: 'Short name', placeholder: 'short name' }).optional(),
  }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    const aliases = args.alias ?? [];
    if (args.name === undefined && args.owner === undefined && args.tier === undefined && args.status === undefined && aliases.length === 0) {
      refuse('edit.nothing', 'Say what to change, e.g. owner:@sam or tier:top.');
    }
    const patch: { -readonly [K in keyof ClientPatch]: ClientPatch[K] } = {};
    const changes: string[] = [];
    const holders = await env.store.clientsNamed([...(args.name ? [args.name] : []), ...aliases]);
    const holderOf = (name: string) => holders.find((c) => [c.name, ...c.aliases].some((n) => normalizeName(n) === normalizeName(name)));
    if (args.name !== undefined) {
      const holder = holderOf(args.name);
      if (holder !== undefined && holder.id !== client.id) refuse('client.exists', `"${args.name}" is already another client's name or alias.`);
      Object.assign(patch, { name: args.name, normalizedName: normalizeName(args.name) });
      changes.push(`renamed to ${args.name}`);
    }
    if (args.owner !== undefined) {
      const owner = await resolveMember(env, args.owner);
      patch.ownerId = owner.id;
      changes.push(`owner ${mention(owner)}`);
    }
    if (args.tier !== undefined) {
      patch.tier = args.tier;
      changes.push(`${args.tier} tier`);
    }
    if (args.status !== undefined) {
      patch.status = args.status;
      changes.push(args.status);
    }
    for (const alias of aliases) {
      if (holderOf(alias) !== undefined) refuse('client.exists', `"${alias}" is already a client's name or alias.`);
    }
    if (aliases.length > 0) {
      patch.addAliases = aliases.map((alias) => ({ alias, normalized: normalizeName(alias) }));
      changes.push(`also called "${aliases.join('", "')}"`);
    }
    await env.store.updateClient(client.id, patch);
    return reply(`Updated ${client.name}: ${changes.join(', ')}.`);
  },
});
