import { ClientStatus, Tier } from '../model/index.js';
import type { ClientPatch } from '../ports/index.js';
import { mention, reply, type CommandSpec } from './command.js';
import { normalizeName, validateName } from './names.js';
import { splitOptions } from './options.js';
import { must, refuse } from './outcome.js';
import { resolveOwner } from './owner.js';
import { resolveClient } from './resolve-client.js';

export const editCommand: CommandSpec = {
  name: 'edit',
  usage: '/client edit <client> [name:<new name>] [owner:@someone|me] [tier:top|standard|light] [status:active|paused|former] [alias:<short name>]…',
  summary: "Change a client's name, owner, tier or status, or give it another alias.",
  examples: ['/client edit acme owner:@sam', '/client edit acme tier:top alias:"acme co"', '/client edit initech status:former'],
  async run(args, env) {
    const { options, words } = must(splitOptions(args, ['name', 'owner', 'tier', 'status', 'alias'], ['alias']));
    const { client, rest } = must(await resolveClient(env.store, words, (name) => `/client edit ${name}`));
    if (rest.length > 0) refuse('edit.extra', `"${rest[0]!.text}" is not a change; use name:, owner:, tier:, status: or alias:.`);
    if (options.size === 0) refuse('edit.nothing', 'Say what to change, e.g. owner:@sam or tier:top.');
    const patch: { -readonly [K in keyof ClientPatch]: ClientPatch[K] } = {};
    const changes: string[] = [];
    const taken = new Map((await env.store.clientDirectory()).flatMap((c) => [normalizeName(c.name), ...c.aliases.map(normalizeName)].map((k) => [k, c.id] as const)));
    const nameText = options.get('name')?.[0];
    if (nameText !== undefined) {
      const name = must(validateName(nameText, 'client'));
      const holder = taken.get(normalizeName(name));
      if (holder !== undefined && holder !== client.id) refuse('client.exists', `"${name}" is already another client's name or alias.`);
      Object.assign(patch, { name, normalizedName: normalizeName(name) });
      changes.push(`renamed to ${name}`);
    }
    const ownerText = options.get('owner')?.[0];
    if (ownerText !== undefined) {
      const owner = await resolveOwner(env, ownerText);
      patch.ownerId = owner.id;
      changes.push(`owner ${mention(owner)}`);
    }
    const tierText = options.get('tier')?.[0];
    if (tierText !== undefined) {
      const tier = Tier.safeParse(tierText.toLowerCase());
      if (!tier.success) refuse('tier.unknown', `Tier "${tierText}" is not one of top, standard, light.`);
      patch.tier = tier.data;
      changes.push(`${tier.data} tier`);
    }
    const statusText = options.get('status')?.[0];
    if (statusText !== undefined) {
      const status = ClientStatus.safeParse(statusText.toLowerCase());
      if (!status.success) refuse('status.unknown', `Status "${statusText}" is not one of active, paused, former.`);
      patch.status = status.data;
      changes.push(status.data);
    }
    const aliases = (options.get('alias') ?? []).map((a) => must(validateName(a, 'alias')));
    for (const alias of aliases) {
      if (taken.has(normalizeName(alias))) refuse('client.exists', `"${alias}" is already a client's name or alias.`);
    }
    if (aliases.length > 0) {
      patch.addAliases = aliases.map((alias) => ({ alias, normalized: normalizeName(alias) }));
      changes.push(`also called "${aliases.join('", "')}"`);
    }
    await env.store.updateClient(client.id, patch);
    return reply(`Updated ${client.name}: ${changes.join(', ')}.`);
  },
};
