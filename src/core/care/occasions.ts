import type { Client, Contact, FamilyMember, ImportantDate } from '../model/index.js';
import { isLeapYear, type LocalDate } from '../time/index.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The date an anniversary falls on in a year: 29 February is kept on 28 February in other years. */
export function occurrenceIn(month: number, day: number, year: number): LocalDate {
  const d = month === 2 && day === 29 && !isLeapYear(year) ? 28 : day;
  return `${year}-${pad(month)}-${pad(d)}`;
}

/** The first occurrence on or after `today`. */
export function nextOccurrence(date: Pick<ImportantDate, 'month' | 'day'>, today: LocalDate): LocalDate {
  const year = Number(today.slice(0, 4));
  const thisYear = occurrenceIn(date.month, date.day, year);
  return thisYear >= today ? thisYear : occurrenceIn(date.month, date.day, year + 1);
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

export interface Occasion {
  /** "Jane Doe's birthday", "Mia's birthday (Jane Doe's daughter)". */
  readonly name: string;
  /** "She turns 45", "Their 12th wedding anniversary", null when the year is unknown. */
  readonly milestone: string | null;
  /** Whether a gift is the natural gesture (a client-since anniversary calls for a thank-you). */
  readonly giftish: boolean;
}

/**
 * How a colleague would name the occasion; the year, when known, adds the milestone. A date tied to a
 * family member is theirs ("Tom's birthday (Jane Doe's husband)"). A personal date with no family
 * member belongs to the client's key person, the first contact, when the client is an organisation
 * with people on file ("Jane Doe's birthday (Acme Corp)").
 */
export function describeOccasion(
  date: Pick<ImportantDate, 'kind' | 'label' | 'year'>,
  client: Pick<Client, 'name'>,
  member: Pick<FamilyMember, 'name' | 'relation'> | undefined,
  occurrence: LocalDate,
  keyPerson?: Pick<Contact, 'name'>,
): Occasion {
  const years = date.year !== null ? Number(occurrence.slice(0, 4)) - date.year : null;
  const known = years !== null && years > 0;
  const person = keyPerson && keyPerson.name !== client.name ? keyPerson.name : null;
  /** "Jane Doe's birthday (Acme Corp)", or "Acme Corp's birthday" when the client is the person. */
  const owned = (what: string) => (person ? `${person}'s ${what} (${client.name})` : `${client.name}'s ${what}`);
  const relative = (m: Pick<FamilyMember, 'name' | 'relation'>, what: string) => `${m.name}'s ${what} (${person ?? client.name}'s ${m.relation})`;
  switch (date.kind) {
    case 'birthday':
      if (member) return { name: relative(member, 'birthday'), milestone: known ? `${member.name} turns ${years}.` : null, giftish: true };
      return { name: owned('birthday'), milestone: known ? `Turns ${years}.` : null, giftish: true };
    case 'child-birthday':
      return { name: member ? relative(member, 'birthday') : owned("child's birthday"), milestone: known ? `${member?.name ?? 'They'} turns ${years}.` : null, giftish: true };
    case 'wedding-anniversary':
      return {
        name: member ? `${person ?? client.name} and ${member.name}'s wedding anniversary${person ? ` (${client.name})` : ''}` : owned('wedding anniversary'),
        milestone: known ? `${years} year${years === 1 ? '' : 's'} married.` : null,
        giftish: true,
      };
    case 'client-since':
      return {
        name: known ? `${client.name}'s ${ordinal(years)} anniversary as a client` : `${client.name}'s anniversary as a client`,
        milestone: null,
        giftish: false,
      };
    case 'custom':
      return { name: `${client.name}: ${date.label ?? 'an important date'}`, milestone: null, giftish: false };
  }
}
