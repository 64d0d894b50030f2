import { arg, defineArgs } from './arguments.js';
import { defineCommand, reply, unchangedReply } from './command.js';
import { formatCalendarDate } from './format.js';
import { normalizeName } from './names.js';
import { must } from './outcome.js';
import { resolveClient } from './resolve-client.js';
import { birthdayKind, saveDate } from './save-date.js';

export const familyCommand = defineCommand({
  name: 'family',
  summary: "Remember someone in a client's family: spouse, partner, children, parents.",
  details: ['Naming someone already on file adds or corrects their birthday instead of adding them twice. To remove one: /client remove <client> family <name>.'],
  examples: ['/client family acme wife Maria', '/client family acme daughter Lily birthday:"May 2"'],
  args: defineArgs({
    client: arg.client().required(),
    relation: arg.word('a relation', /^[\p{L}-]{2,30}$/u, 'partner or son', { label: 'Relation', lower: true }).required(),
    name: arg.name('family member', { label: 'Name' }).required(),
    birthday: arg.yearly({ label: 'Birthday', placeholder: 'date' }).optional(),
  }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    const profile = await env.store.getProfile(client.id, { interactionLimit: 0 });
    const known = profile?.family.find((f) => normalizeName(f.name) === normalizeName(args.name));
    const member = known ?? (await env.store.addFamilyMember({ clientId: client.id, relation: args.relation, name: args.name }));
    if (known && known.relation !== args.relation) await env.store.updateFamilyMember(known.id, { relation: args.relation });
    const birthdayPart = args.birthday ? `, birthday ${formatCalendarDate(args.birthday)}` : '';
    if (args.birthday) {
      const saved = must(await saveDate(env, profile, { clientId: client.id, familyMemberId: member.id, kind: birthdayKind(args.relation), label: null, date: args.birthday }));
      if (known && saved === 'unchanged' && known.relation === args.relation) return unchangedReply(`${known.name} and that birthday are already known for ${client.name}.`);
    } else if (known && known.relation === args.relation) {
      return unchangedReply(`${known.name} (${known.relation}) is already known for ${client.name}.`);
    }
    return reply(`${known ? 'Updated' : 'Saved'} ${member.name}, ${client.name}'s ${args.relation}${birthdayPart}.`);
  },
});
