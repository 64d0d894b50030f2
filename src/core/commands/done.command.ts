import { applyNudgeAction } from '../use-cases/act-on-nudge.js';
import { arg, defineArgs } from './arguments.js';
import { defineCommand } from './command.js';

const nudgeId = () => arg.word('a nudge id', /^\[?n-[a-z0-9]{4,16}\]?$/, 'n-3k9x2a (as shown in the digest or /client due)', { label: 'Nudge', placeholder: 'nudge id', lower: true });
const bare = (id: string) => id.replace(/^\[|\]$/g, '');

export const doneCommand = defineCommand({
  name: 'done',
  summary: 'Mark a nudge done; it stays quiet until its next trigger.',
  examples: ['/client done n-3k9x2a'],
  args: defineArgs({ nudge: nudgeId().required() }),
  async execute(args, env) {
    return applyNudgeAction(env, { nudgeId: bare(args.nudge), action: 'done' });
  },
});

export const snoozeCommand = defineCommand({
  name: 'snooze',
  summary: 'Put a nudge off for a day, a week, or until a date.',
  examples: ['/client snooze n-3k9x2a 1d', '/client snooze n-3k9x2a 1w', '/client snooze n-3k9x2a "next monday"'],
  args: defineArgs({
    nudge: nudgeId().required(),
    until: arg.duration({ label: 'For how long', placeholder: '1d|1w|date' }).required(),
  }),
  async execute(args, env) {
    return applyNudgeAction(env, { nudgeId: bare(args.nudge), action: 'snooze', span: { until: args.until } });
  },
});
