import type { CommandEnv } from './command.js';
import { arg, defineArgs } from './arguments.js';
import { defineCommand, reply } from './command.js';
import { formatMoment } from './format.js';
import { refuse } from './outcome.js';

const ACTIONS = ['show', 'rotate', 'off'] as const;

const SUBSCRIBE = [
  'Google Calendar: Other calendars → + → From URL. Outlook: Add calendar → Subscribe from web. Apple Calendar: File → New Calendar Subscription.',
  'Anyone with this address can read your clients\' birthdays and anniversaries: share it only with the team.',
  'This is the only time Rapport shows it: it keeps a fingerprint of the address, not the address. Lost it? /client calendar rotate makes a new one and the old one stops working.',
];

/** Issues a token, keeps only its hash (the old one, if any, stops working), and shows the address this once. */
async function issue(env: CommandEnv, calendar: NonNullable<CommandEnv['calendar']>, replaced: boolean) {
  const { token, tokenHash } = calendar.issue();
  await env.store.setCalendarFeed(tokenHash, env.now);
  const url = calendar.feedUrl(token);
  const first = replaced ? `New calendar feed address (the old one no longer works): ${url}` : `Your team's private calendar feed: ${url}`;
  return reply(first, { sections: [{ lines: SUBSCRIBE }], visibility: 'private' });
}

export const calendarCommand = defineCommand({
  name: 'calendar',
  summary: "A private calendar feed (ICS) of every client and family date, to subscribe to in Google Calendar, Outlook or Apple Calendar.",
  details: [
    'Every birthday, anniversary and other date of active and paused clients and their families, as yearly all-day events.',
    'The address is shown once, privately, when it is made; rotate makes a new one and stops the old one, off stops the feed.',
  ],
  examples: ['/client calendar', '/client calendar rotate', '/client calendar off'],
  args: defineArgs({
    action: arg.choice('action', ACTIONS, { label: 'Action', placement: 'positional', synonyms: { new: 'rotate', revoke: 'rotate', reset: 'rotate', stop: 'off' } }).optional(),
  }),
  async execute(args, env) {
    const calendar = env.calendar;
    if (calendar === undefined) refuse('calendar.unavailable', 'This Rapport has no public web address, so it cannot serve a calendar feed; an operator can set one (RAPPORT_PUBLIC_URL, see docs/calendar.md).');
    const feed = await env.store.calendarFeed();
    switch (args.action ?? 'show') {
      case 'show':
        if (feed === null) return issue(env, calendar!, false);
        return reply(`The calendar feed has been on since ${formatMoment(feed.createdAt, env.workspace.timeZone)}.`, {
          sections: [{ lines: ['Its address was shown once, when it was made: Rapport keeps only a fingerprint of it and cannot show it again.', '/client calendar rotate makes a new address (the old one stops working); /client calendar off stops the feed.'] }],
        });
      case 'rotate':
        return issue(env, calendar!, feed !== null);
      case 'off':
        if (feed === null) return reply('There is no calendar feed to stop.');
        await env.store.setCalendarFeed(null, env.now);
        return reply('The calendar feed is off: its address no longer works. /client calendar makes a new one.');
    }
  },
});
