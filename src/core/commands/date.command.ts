import { DateKind, DATE_KINDS, type FamilyMember } from '../model/index.js';
import { reply, type CommandSpec } from './command.js';
import { parseCalendarDate } from './dates.js';
import { formatCalendarDate } from './format.js';
import { normalizeName } from './names.js';
import { joinWords, splitOptions, validateText } from './options.js';
import { must, refuse } from './outcome.js';
import { resolveClient } from './resolve-client.js';

const KIND_WORDS: Record<string, DateKind> = {
  birthday: 'birthday',
  anniversary: 'wedding-anniversary',
  'wedding-anniversary': 'wedding-anniversary',
  wedding: 'wedding-anniversary',
  'child-birthday': 'child-birthday',
  'client-since': 'client-since',
  since: 'client-since',
  custom: 'custom',
};

export const dateCommand: CommandSpec = {
  name: 'date',
  usage: `/client date <client> <${DATE_KINDS.join('|')}> <date> [for:<family member>] [label:<text>]`,
  summary: 'Remember a date that matters to a client: birthdays, anniversaries, when they became a client. The year may be left out.',
  examples: [
    '/client date acme birthday "March 14"',
    '/client date acme anniversary 2015-06-20',
    '/client date acme child-birthday "May 2" for:Lily',
    '/client date acme client-since 2019-01-15',
    '/client date acme custom "Oct 1" label:"Founding day"',
  ],
  async run(args, env) {
    const { options, words } = must(splitOptions(args, ['for', 'label']));
    const { client, rest } = must(await resolveClient(env.store, words, (name) => `/client date ${name} ${joinWords(words.slice(1))}`));
    const [kindWord, ...dateWords] = rest;
    if (kindWord === undefined) refuse('date-kind.missing', `Which date? One of ${DATE_KINDS.join(', ')}.`);
    const kind = KIND_WORDS[kindWord!.text.toLowerCase()];
    if (kind === undefined) refuse('date-kind.unknown', `"${kindWord!.text}" is not a kind of date. Use one of ${DATE_KINDS.join(', ')}.`);
    const date = must(parseCalendarDate(joinWords(dateWords), env.now, env.workspace.timeZone));
    const labelText = options.get('label')?.[0];
    if (kind === 'custom' && labelText === undefined) refuse('date.label-missing', 'A custom date needs a label, e.g. label:"Founding day".');
    const label = labelText ? must(validateText(labelText, 'a label')) : null;
    let familyMember: FamilyMember | null = null;
    const forText = options.get('for')?.[0];
    if (forText !== undefined) {
      const profile = await env.store.getProfile(client.id, { interactionLimit: 0 });
      const key = normalizeName(forText);
      const matches = (profile?.family ?? []).filter((f) => normalizeName(f.name) === key || normalizeName(f.name).split(' ')[0] === key);
      if (matches.length !== 1) {
        refuse('family.unknown', `${client.name} has no family member called "${forText}" on file. Add them: /client family ${client.name.includes(' ') ? `"${client.name}"` : client.name} <relation> ${forText}`);
      }
      familyMember = matches[0]!;
    }
    if (kind === 'child-birthday' && familyMember === null) refuse('date.child-missing', "Whose birthday? Add for:<child's name>.");
    await env.store.addDate({ clientId: client.id, familyMemberId: familyMember?.id ?? null, kind, label, month: date.month, day: date.day, year: date.year });
    const whose = familyMember ? ` (${familyMember.name})` : '';
    return reply(`Saved ${label ?? kind.replace(/-/g, ' ')}${whose} for ${client.name}: ${formatCalendarDate(date)}. I'll give you a heads-up ${env.workspace.policy.dateLeadDays} days ahead and on the day.`);
  },
};
