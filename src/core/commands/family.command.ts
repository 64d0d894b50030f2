import { reply, type CommandSpec } from './command.js';
import { parseCalendarDate } from './dates.js';
import { formatCalendarDate } from './format.js';
import { validateName } from './names.js';
import { joinWords, splitOptions } from './options.js';
import { must, refuse } from './outcome.js';
import { resolveClient } from './resolve-client.js';

const CHILDREN = new Set(['child', 'daughter', 'son', 'kid', 'stepdaughter', 'stepson']);

export const familyCommand: CommandSpec = {
  name: 'family',
  usage: '/client family <client> <relation> <name> [birthday:<date>]',
  summary: "Remember someone in a client's family: spouse, partner, children, parents.",
  examples: ['/client family acme wife Maria', '/client family acme daughter Lily birthday:"May 2"'],
  async run(args, env) {
    const { options, words } = must(splitOptions(args, ['birthday']));
    const { client, rest } = must(await resolveClient(env.store, words, (name) => `/client family ${name} ${joinWords(words.slice(1))}`));
    const [relationWord, ...nameWords] = rest;
    if (relationWord === undefined) refuse('family.relation-missing', 'Which relation? e.g. wife, husband, partner, daughter, son.');
    const relation = relationWord!.text.toLowerCase();
    if (!/^[\p{L}-]{2,30}$/u.test(relation)) refuse('family.relation-unreadable', `"${relationWord!.text}" is not a relation; use one word such as partner or son.`);
    const name = must(validateName(joinWords(nameWords), 'family member'));
    const birthdayText = options.get('birthday')?.[0];
    const birthday = birthdayText ? must(parseCalendarDate(birthdayText, env.now, env.workspace.timeZone)) : null;
    const member = await env.store.addFamilyMember({ clientId: client.id, relation, name });
    if (birthday) {
      await env.store.addDate({
        clientId: client.id,
        familyMemberId: member.id,
        kind: CHILDREN.has(relation) ? 'child-birthday' : 'birthday',
        label: null,
        month: birthday.month,
        day: birthday.day,
        year: birthday.year,
      });
    }
    const birthdayPart = birthday ? `, birthday ${formatCalendarDate(birthday)}` : '';
    return reply(`Saved ${name}, ${client.name}'s ${relation}${birthdayPart}.`);
  },
};
