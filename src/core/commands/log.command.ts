import type { CommandSpec } from './command.js';
import { parseMoment } from './dates.js';
import { KIND_HELP, parseKind, parseMood } from './kinds.js';
import { MOODS } from '../model/index.js';
import { joinWords, splitOptions, validateText } from './options.js';
import { must, refuse } from './outcome.js';
import { recordInteraction } from './record-interaction.js';
import { resolveClient } from './resolve-client.js';
import { validateName } from './names.js';

export const logCommand: CommandSpec = {
  name: 'log',
  usage: '/client log <client> <kind> [in|out] [mood:<mood>] [when:<time>] [with:<contact>] <what happened>',
  summary: 'Log what happened with a client: a call, an email, a meeting, a complaint, a gift, a referral…',
  details: [`Kinds: ${KIND_HELP}.`, `Moods: ${MOODS.join(', ')}.`, 'Calls and messages count as ours (out) unless you say in: /client log acme call in …'],
  examples: [
    '/client log acme call talked about the renewal',
    '/client log "Acme Corp" email-in with:Jane asks for the Q3 invoice',
    '/client log acme complaint mood:angry invoice was wrong twice',
    '/client log globex meeting when:"yesterday 3pm" quarterly review, happy with the pilot',
  ],
  async run(args, env) {
    if (args.length === 0) refuse('log.empty', 'Tell me who and what happened.');
    const { options, words } = must(splitOptions(args, ['mood', 'when', 'with']));
    const resolved = must(await resolveClient(env.store, words, (name) => `/client log ${name} ${joinWords(words.slice(1))}`));
    const [kindWord, maybeDirection, ...rest] = resolved.rest;
    if (kindWord === undefined) refuse('kind.missing', `What kind of interaction? Kinds: ${KIND_HELP}.`);
    const kind = must(parseKind(kindWord!.text, maybeDirection?.text));
    const summaryWords = kind.usedDirectionWord ? rest : [maybeDirection, ...rest].filter((w) => w !== undefined);
    const summary = must(validateText(joinWords(summaryWords), 'a few words on what happened'));
    const moodText = options.get('mood')?.[0];
    const whenText = options.get('when')?.[0];
    const withText = options.get('with')?.[0];
    const occurredAt = whenText ? must(parseMoment(whenText, env.now, env.workspace.timeZone)) : env.now;
    if (occurredAt.getTime() > env.now.getTime() + 60_000) refuse('when.future', `"${whenText}" is in the future; log things once they have happened.`);
    return recordInteraction(env, {
      client: resolved.client,
      kind: kind.kind,
      direction: kind.direction,
      mood: moodText ? must(parseMood(moodText)) : null,
      summary,
      contactName: withText ? must(validateName(withText, 'contact')) : null,
      occurredAt,
      source: 'command',
    });
  },
};
