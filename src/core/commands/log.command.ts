import { MOODS } from '../model/index.js';
import { arg, defineArgs } from './arguments.js';
import { defineCommand } from './command.js';
import { KIND_CHOICES, KIND_HELP, KIND_VALUES, kindOf } from './kinds.js';
import { must } from './outcome.js';
import { recordInteraction } from './record-interaction.js';
import { resolveClient } from './resolve-client.js';

export const logCommand = defineCommand({
  name: 'log',
  summary: 'Log what happened with a client: a call, an email, a meeting, a complaint, a gift, a referral…',
  details: [`Kinds: ${KIND_HELP}.`, `Moods: ${MOODS.join(', ')}.`, 'Calls and messages count as ours (out) unless you say in: /client log acme call in …', 'when: reads the most recent such time: "Saturday" is last Saturday, "March 14" the last March 14.'],
  examples: [
    '/client log acme call talked about the renewal',
    '/client log "Acme Corp" email-in with:Jane asks for the Q3 invoice',
    '/client log acme complaint mood:angry invoice was wrong twice',
    '/client log globex meeting when:"yesterday 3pm" mood:happy quarterly review, happy with the pilot',
  ],
  args: defineArgs({
    client: arg.client().required(),
    kind: arg.choice('kind of interaction', KIND_VALUES, { label: 'What happened', placement: 'positional', choices: KIND_CHOICES, explain: { email: 'Say email-in (they wrote to us) or email-out (we wrote to them).' } }).required(),
    direction: arg.choice('direction', ['in', 'out'] as const, { label: 'Direction', placement: 'positional', onlyAfter: { arg: 'kind', values: ['call', 'message'] } }).optional(),
    note: arg.text('a few words on what happened', { label: 'Note', placeholder: 'what happened' }).required(),
    mood: arg.choice('mood', MOODS, { label: 'Their mood' }).optional(),
    when: arg.moment('past', { label: 'When', placeholder: 'time' }).optional(),
    with: arg.name('contact', { label: 'With', placeholder: 'contact', placement: 'option' }).optional(),
  }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    const { kind, direction } = kindOf(args.kind, args.direction);
    return recordInteraction(env, {
      client,
      kind,
      direction,
      mood: args.mood ?? null,
      summary: args.note,
      contactName: args.with ?? null,
      occurredAt: args.when ?? env.now,
      source: env.via,
    });
  },
});
