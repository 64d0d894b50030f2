import { DATE_KINDS, type DateKind, type FamilyMember } from '../model/index.js';
import { arg, defineArgs } from './arguments.js';
import { defineCommand, reply, unchangedReply } from './command.js';
import { formatCalendarDate } from './format.js';
import { normalizeName } from './names.js';
import { must, refuse } from './outcome.js';
import { resolveClient } from './resolve-client.js';
import { saveDate } from './save-date.js';
import { quoteIfNeeded } from './tokenize.js';

const KIND_SYNONYMS: Readonly<Record<string, DateKind>> = { anniversary: 'wedding-anniversary', wedding: 'wedding-anniversary', since: 'client-since' };

export const dateCommand = defineCommand({
  name: 'date',
  summary: 'Remember a date that matters to a client: birthdays, anniversaries, when they became a client. The year may be left out.',
  details: ['Giving the same kind of date again for the same person corrects it. Dates that have already happened (birthdays, anniversaries, client-since) cannot be in the future. To remove one: /client remove <client> date <kind>.'],
  examples: [
    '/client date acme birthday "March 14"',
    '/client date acme anniversary 2015-06-20',
    '/client date acme child-birthday "May 2" for:Lily',
    '/client date acme client-since 2019-01-15',
    '/client date acme custom "Oct 1" label:"Founding day"',
  ],
  args: defineArgs({
    client: arg.client().required(),
    kind: arg.choice('kind of date', DATE_KINDS, { label: 'Which date', placement: 'positional', synonyms: KIND_SYNONYMS }).required(),
    date: arg.yearly({ label: 'Date', placement: 'rest' }).required(),
    for: arg.name('family member', { label: 'For', placement: 'option', placeholder: 'family member' }).optional(),
    label: arg.text('a label', { label: 'Label', placement: 'option', max: 120 }).optional(),
  }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    const kind = args.kind;
    if (kind === 'custom' && args.label === undefined) refuse('date.label-missing', 'A custom date needs a label, e.g. label:"Founding day".');
    const profile = await env.store.getProfile(client.id, { interactionLimit: 0 });
    let familyMember: FamilyMember | null = null;
    if (args.for !== undefined) {
      const key = normalizeName(args.for);
      const matches = (profile?.family ?? []).filter((f) => normalizeName(f.name) === key || normalizeName(f.name).split(' ')[0] === key);
      if (matches.length !== 1) {
        refuse('family.unknown', `${client.name} has no family member called "${args.for}" on file. Add them: /client family ${quoteIfNeeded(client.name)} <relation> ${args.for}`);
      }
      familyMember = matches[0]!;
    }
    if (kind === 'child-birthday' && familyMember === null) refuse('date.child-missing', "Whose birthday? Add for:<child's name>.");
    const label = kind === 'custom' ? (args.label ?? null) : null;
    const saved = must(await saveDate(env, profile, { clientId: client.id, familyMemberId: familyMember?.id ?? null, kind, label, date: args.date }));
    const whose = familyMember ? ` (${familyMember.name})` : '';
    const what = `${label ?? kind.replace(/-/g, ' ')}${whose}`;
    if (saved === 'unchanged') return unchangedReply(`Already known: ${what} for ${client.name} is ${formatCalendarDate(args.date)}.`);
    const verb = saved === 'corrected' ? 'Corrected' : 'Saved';
    return reply(`${verb} ${what} for ${client.name}: ${formatCalendarDate(args.date)}. I'll give you a heads-up ${env.workspace.policy.dateLeadDays} days ahead and on the day.`);
  },
});
