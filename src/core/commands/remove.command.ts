import type { ClientProfile } from '../model/index.js';
import type { DetailKind } from '../ports/index.js';
import { arg, defineArgs, nearMisses } from './arguments.js';
import { defineCommand, reply } from './command.js';
import { formatCalendarDate } from './format.js';
import { normalizeName } from './names.js';
import { must, refuse } from './outcome.js';
import { resolveClient } from './resolve-client.js';

const WHAT: readonly DetailKind[] = ['contact', 'family', 'date', 'like'];

interface Detail {
  readonly id: string;
  /** The words that pick it: a name, a date kind or label, a like's value. */
  readonly keys: readonly string[];
  readonly shown: string;
}

/** What can be picked for removal, and by which words. */
function detailsOf(profile: ClientProfile, kind: DetailKind): Detail[] {
  const family = new Map(profile.family.map((f) => [f.id, f.name]));
  switch (kind) {
    case 'contact':
      return profile.contacts.map((c) => ({ id: c.id, keys: [c.name, c.name.split(' ')[0]!, ...c.emails], shown: c.name }));
    case 'family':
      return profile.family.map((f) => ({ id: f.id, keys: [f.name, f.name.split(' ')[0]!], shown: `${f.name} (${f.relation})` }));
    case 'date':
      return profile.dates.map((d) => {
        const whose = d.familyMemberId ? family.get(d.familyMemberId) : undefined;
        const kindWords = [d.kind, d.kind.replace('wedding-', '')];
        return {
          id: d.id,
          keys: [...kindWords, ...(d.label ? [d.label] : []), ...(whose ? [whose, whose.split(' ')[0]!, ...kindWords.map((k) => `${whose} ${k}`)] : [])],
          shown: `${d.label ?? d.kind.replace(/-/g, ' ')}${whose ? ` (${whose})` : ''}: ${formatCalendarDate(d)}`,
        };
      });
    case 'like':
      return profile.likes.map((l) => ({ id: l.id, keys: [l.value, `${l.category} ${l.value}`], shown: `${l.category}: ${l.value}` }));
  }
}

export const removeCommand = defineCommand({
  name: 'remove',
  summary: 'Remove one contact, family member, date or like that is wrong or no longer true, keeping the rest of the client.',
  examples: ['/client remove acme contact "Jane Doe"', '/client remove acme family Lily', '/client remove acme date anniversary', '/client remove acme like pinot noir'],
  args: defineArgs({
    client: arg.client().required(),
    what: arg.choice('thing to remove', WHAT, { label: 'What', placement: 'positional', synonyms: { contacts: 'contact', person: 'contact', dates: 'date', likes: 'like' } }).required(),
    which: arg.text('which one', { label: 'Which one', placeholder: 'which', max: 200 }).required(),
  }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    const profile = await env.store.getProfile(client.id, { interactionLimit: 0 });
    if (profile === null) throw new Error(`client ${client.id} vanished inside a transaction`);
    const details = detailsOf(profile, args.what);
    const key = normalizeName(args.which);
    const matches = details.filter((d) => d.keys.some((k) => normalizeName(k) === key));
    if (matches.length > 1) refuse('remove.ambiguous', `"${args.which}" matches ${matches.length}: ${matches.map((m) => m.shown).join('; ')}. Be more precise.`);
    if (matches.length === 0) {
      if (details.length === 0) refuse('remove.none', `${client.name} has no ${args.what === 'family' ? 'family members' : `${args.what}s`} on file.`);
      const near = nearMisses(args.which, details.flatMap((d) => d.keys));
      const hint = near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : ` On file: ${details.map((d) => d.shown).join('; ')}.`;
      refuse('remove.unknown', `${client.name} has no ${args.what} "${args.which}".${hint}`);
    }
    const target = matches[0]!;
    await env.store.removeDetail(args.what, target.id);
    const also = args.what === 'family' && profile.dates.some((d) => d.familyMemberId === target.id) ? ', with their dates' : '';
    return reply(`Removed ${target.shown} from ${client.name}${also}.`);
  },
});
