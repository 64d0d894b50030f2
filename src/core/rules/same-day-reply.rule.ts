import { DateTime } from 'luxon';
import { sourceOf, type FollowUp, type Interaction, type Policy } from '../model/index.js';
import type { CareSnapshot } from '../ports/care-snapshot.js';
import { atLocalTime, businessDayHours, businessHoursBetween, isBusinessDay, localDateOf, nextBusinessDay, type WorkCalendar } from '../time/index.js';
import { businessAge } from '../time/relative.js';
import { contactLine, dueFollowUps, indexSnapshot, isFollowedUp, lines, makeNudge, quote } from './context.js';

export const SAME_DAY_REPLY = 'same-day-reply';

/**
 * The sweep an inbound item belongs to: today's, if it came in on a business day before the sweep;
 * otherwise the next business day's. Returning calls and emails the same day is the promise.
 */
export function sweepFor(cal: WorkCalendar, sweepAt: string, openedAt: Date): Date {
  const date = localDateOf(openedAt, cal.timeZone);
  if (isBusinessDay(cal, date)) {
    const sweep = atLocalTime(date, sweepAt, cal.timeZone);
    if (openedAt < sweep) return sweep;
  }
  return atLocalTime(nextBusinessDay(cal, date), sweepAt, cal.timeZone);
}

/** What came in, as people say it: "email", "call", "message", "forum post". */
function channelOf(f: FollowUp, interaction: Interaction | undefined): string {
  switch (f.channel) {
    case 'email':
    case 'call':
      return f.channel;
    case 'chat':
      return 'message';
    case 'forum-post':
      return 'forum post';
    default:
      return f.source === 'mail' || interaction?.kind === 'email-in' ? 'email' : interaction?.id === f.interactionId && interaction?.kind === 'call' ? 'call' : 'message';
  }
}

export function sameDayReply(now: Date, snapshot: CareSnapshot, policy: Policy) {
  const ix = indexSnapshot(snapshot);
  const zone = ix.cal.timeZone;
  return dueFollowUps(snapshot, ['reply'], now).flatMap((f) => {
    const client = ix.clients.get(f.clientId);
    if (!client || !isFollowedUp(client)) return [];
    const sweep = sweepFor(ix.cal, policy.sweepAt, f.openedAt);
    const channel = channelOf(f, ix.lastInteraction(f.clientId));
    const about = f.summary;
    const arrived = DateTime.fromJSDate(f.openedAt, { zone }).setLocale('en-GB').toFormat("ccc d LLL 'at' HH:mm");
    // One id for the item, before and after its sweep, so Done on "reply today" also ends "still unanswered".
    const base = { rule: SAME_DAY_REPLY, subject: f.id, occurrence: f.openedAt.toISOString(), client, group: 'today' as const, triggeredAt: f.openedAt, followUpId: f.id, source: sourceOf(f) };
    const aboutLine = about ? `About: ${quote(about)}.` : null;
    if (now < sweep) {
      // Not late yet: a reminder in /client due and the morning digest, never in the sweep.
      const sweepDate = localDateOf(sweep, zone);
      const by = sweepDate === localDateOf(now, zone) ? 'Reply today' : `Reply by ${DateTime.fromJSDate(sweep, { zone }).setLocale('en-GB').toFormat('ccc d LLL')}`;
      return [
        makeNudge({
          ...base,
          urgency: 60,
          title: `${by}: ${client.name}'s ${channel} came in ${arrived}.`,
          context: () => lines(aboutLine, contactLine(ix, f.clientId), `A short “got it, more by tomorrow” before ${policy.sweepAt} keeps the same-day promise.`),
          sweep: false,
        }),
      ];
    }
    const hours = businessHoursBetween(ix.cal, f.openedAt, now);
    return [
      makeNudge({
        ...base,
        urgency: 80 + Math.min(19, Math.floor(hours / 4)),
        title: `Still unanswered: ${client.name}'s ${channel} has waited ${businessAge(hours, businessDayHours(ix.cal))}.`,
        context: () => lines(aboutLine, contactLine(ix, f.clientId), `Came in ${arrived}. Even “got it, back to you tomorrow” keeps the promise.`),
        sweep: true,
      }),
    ];
  });
}
