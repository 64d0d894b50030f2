import { Tier } from '../model/index.js';
import { reply, type CommandSpec } from './command.js';
import { normalizeName, validateName } from './names.js';
import { joinWords, splitOptions } from './options.js';
import { fail, must, refuse } from './outcome.js';
import { mentionOf, resolveOwner } from './owner.js';

export const addCommand: CommandSpec = {
  name: 'add',
  usage: '/client add <name> [tier:top|standard|light] [owner:@someone|me] [alias:<short name>]…',
  summary: 'Add a client. You own it unless you name another owner.',
  examples: ['/client add "Acme Corp" tier:top alias:acme', '/client add Globex owner:@sam'],
  async run(args, env) {
    const { options, words } = must(splitOptions(args, ['tier', 'owner', 'alias', 'member'], ['alias']));
    const name = must(validateName(joinWords(words), 'client'));
    const tierText = options.get('tier')?.[0] ?? 'standard';
    const tier = Tier.safeParse(tierText.toLowerCase());
    if (!tier.success) refuse('tier.unknown', `Tier "${tierText}" is not one of top, standard, light.`);
    const owner = await resolveOwner(env, options.get('owner')?.[0]);
    const aliases = (options.get('alias') ?? []).map((a) => must(validateName(a, 'alias')));

    const directory = await env.store.clientDirectory();
    const taken = new Set(directory.flatMap((c) => [normalizeName(c.name), ...c.aliases.map(normalizeName)]));
    for (const candidate of [name, ...aliases]) {
      if (taken.has(normalizeName(candidate))) {
        refuse('client.exists', `"${candidate}" is already a client's name or alias. See /client show ${candidate.includes(' ') ? `"${candidate}"` : candidate}`);
      }
    }
    const memberText = options.get('member')?.[0];
    const platformUserId = memberText ? must(parseMentionId(memberText)) : null;
    const client = await env.store.createClient({
      name,
      normalizedName: normalizeName(name),
      aliases: aliases.map((alias) => ({ alias, normalized: normalizeName(alias) })),
      ownerId: owner.id,
      tier: tier.success ? tier.data : 'standard',
      status: 'active',
      platformUserId,
      createdAt: env.now,
    });
    const aka = aliases.length > 0 ? ` (also "${aliases.join('", "')}")` : '';
    return reply(`Added ${client.name}${aka}, ${client.tier} tier, owned by ${owner.displayName}. Next: /client log ${aliases[0] ?? (name.includes(' ') ? `"${name}"` : name)} call <what you talked about>`);
  },
};

/** Accepts a platform mention, @U123 or a bare id for a community member linked to a client. */
function parseMentionId(text: string) {
  const id = mentionOf(text)?.id ?? /^@?([A-Za-z0-9_.-]+)$/.exec(text)?.[1];
  return id ? { ok: true as const, value: id } : fail('member.unreadable', `"${text}" is not a member mention.`);
}
