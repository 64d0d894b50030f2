import { ONE_SIDED_OUTREACH } from '../care/one-sided.js';
import type { Workspace } from '../model/index.js';
import type { CareSnapshotQuery, MonthDay } from '../ports/care-snapshot.js';
import { addDays, atLocalTime, businessDayOnOrBefore, isLeapYear, localDateOf } from '../time/index.js';
import { HOSTILE_MOODS } from './relationship-review.rule.js';

const DAY_MS = 86_400_000;

function monthDay(date: string): MonthDay {
  return { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/**
 * The windows the rules need, from the workspace's policy. The store selects candidates; the rules
 * make the exact decision. Each window and threshold is exact (one candidate, one nudge), because
 * with a limit the store only counts the candidates it leaves out, and that count must be true.
 */
export function careQuery(workspace: Workspace, now: Date, options: { readonly limit?: number } = {}): CareSnapshotQuery {
  const p = workspace.policy;
  const zone = workspace.timeZone;
  const today = localDateOf(now, zone);
  // Exactly the dates that get a nudge today: those within the lead, and beyond it those announced
  // from an earlier business day (a Sunday is seen from the Friday before even with a 1-day lead).
  let to = addDays(today, p.dateLeadDays);
  for (let ahead = p.dateLeadDays + 1; ahead <= 7; ahead++) {
    if (businessDayOnOrBefore(workspace, addDays(today, ahead)) <= today) to = addDays(today, ahead);
  }
  // In a non-leap year 29 February falls on the 28th: make sure the window still selects it.
  if (to.endsWith('-02-28') && !isLeapYear(Number(to.slice(0, 4)))) to = `${to.slice(0, 4)}-02-29`;
  // A rule fires once `days` local dates have passed, so anything before the start of the local
  // date `days - 1` ago is a candidate; computed on dates, so a DST change in between is harmless.
  const before = (days: number) => atLocalTime(addDays(today, -(days - 1)), '00:00', zone);
  return {
    now,
    dateWindow: { from: monthDay(today), to: monthDay(to) },
    quietBefore: before(Math.min(p.keepInTouchTopDays, p.keepInTouchStandardDays, p.keepInTouchLightDays)),
    quietBeforeByTier: { top: before(p.keepInTouchTopDays), standard: before(p.keepInTouchStandardDays), light: before(p.keepInTouchLightDays) },
    gestureBefore: before(p.surpriseAfterDays),
    adviceBefore: before(p.adviceEveryDays),
    moodSince: new Date(now.getTime() - Math.max(p.abuseWindowDays, 90) * DAY_MS),
    giftsSince: new Date(now.getTime() - 366 * DAY_MS),
    outreachAtLeast: ONE_SIDED_OUTREACH,
    // Only what the rules act on: hostile moods, and outreach that got nothing back.
    moods: HOSTILE_MOODS,
    silentOnly: true,
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  };
}
