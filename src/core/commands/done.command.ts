import { applyNudgeAction } from '../use-cases/act-on-nudge.js';
import type { CommandSpec } from './command.js';
import { parseSnoozeUntil } from './dates.js';
import { joinWords } from './options.js';
import { fail, must, refuse } from './outcome.js';

export const doneCommand: CommandSpec = {
  name: 'done',
  usage: '/client done <nudge id>',
  summary: 'Mark a nudge done; it stays quiet until its next trigger.',
  examples: ['/client done n-3k9x2a'],
  async run(args, env) {
    const id = must(nudgeId(args.map((a) => a.text)));
    return applyNudgeAction(env, { nudgeId: id, action: 'done' });
  },
};

export const snoozeCommand: CommandSpec = {
  name: 'snooze',
  usage: '/client snooze <nudge id> <1d|1w|date>',
  summary: 'Put a nudge off for a day, a week, or until a date.',
  examples: ['/client snooze n-3k9x2a 1d', '/client snooze n-3k9x2a 1w', '/client snooze n-3k9x2a "next monday"'],
  async run(args, env) {
    const [first, ...rest] = args;
    const id = must(nudgeId(first ? [first.text] : []));
    if (rest.length === 0) refuse('snooze.span-missing', 'For how long? 1d, 1w, or a date.');
    const until = must(parseSnoozeUntil(joinWords(rest), env.now, env.workspace.timeZone));
    return applyNudgeAction(env, { nudgeId: id, action: 'snooze', span: { until } });
  },
};

function nudgeId(words: readonly string[]) {
  if (words.length !== 1) return fail('nudge.id-missing', 'Give one nudge id, as shown in the digest or /client due (e.g. n-3k9x2a).');
  const id = words[0]!.toLowerCase().replace(/^\[|\]$/g, '');
  return /^n-[a-z0-9]{4,16}$/.test(id) ? { ok: true as const, value: id } : fail('nudge.id-unreadable', `"${words[0]}" is not a nudge id; they look like n-3k9x2a.`);
}
