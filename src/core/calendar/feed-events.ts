import type { CalendarDateRow } from '../ports/calendar.js';
import { describeOccasion } from '../care/occasions.js';

/** One yearly, all-day event of the calendar feed: what it is called, and when it first happened. */
export interface FeedEvent {
  /** Stable across fetches and rotations, so a subscribed calendar updates events instead of duplicating them. */
  readonly uid: string;
  readonly summary: string;
  readonly description: string | null;
  /** The first occurrence: the real year when known, else FALLBACK_YEAR. */
  readonly start: { readonly year: number; readonly month: number; readonly day: number };
  /** 29 February: recur on the last day of February, so common years still show it. */
  readonly lastDayOfFebruary: boolean;
}

/** A leap year long past: a date without a year starts here, so 29 February is a valid first day. */
export const FALLBACK_YEAR = 2000;

const pad = (n: number) => String(n).padStart(2, '0');

/** What a year on file says about a date, for the event's description. */
function yearNote(row: CalendarDateRow): string | null {
  if (row.year === null) return null;
  switch (row.kind) {
    case 'birthday':
    case 'child-birthday':
      return `Born ${row.year}.`;
    case 'wedding-anniversary':
      return `Married ${row.year}.`;
    case 'client-since':
      return `Client since ${row.year}.`;
    case 'custom':
      return `Since ${row.year}.`;
  }
}

/**
 * The feed's events, named as the digest names the occasion ("Jane Doe's birthday (Acme Corp)"),
 * without the age or count that changes every year: a recurring event has one name.
 */
export function feedEvents(rows: readonly CalendarDateRow[], domain: string): FeedEvent[] {
  return rows.map((row) => {
    const start = { year: row.year ?? FALLBACK_YEAR, month: row.month, day: row.day };
    // With the first year as the occurrence, no milestone or ordinal is computed into the name.
    const occurrence = `${start.year}-${pad(start.month)}-${pad(start.day)}`;
    const keyPerson = row.keyPersonName === null ? undefined : { name: row.keyPersonName };
    const occasion = describeOccasion(row, { name: row.clientName }, row.familyMember ?? undefined, occurrence, keyPerson);
    return { uid: `${row.id}@${domain}`, summary: occasion.name, description: yearNote(row), start, lastDayOfFebruary: row.month === 2 && row.day === 29 };
  });
}
