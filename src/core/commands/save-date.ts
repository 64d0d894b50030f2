import type { ClientProfile, DateKind } from '../model/index.js';
import type { CommandEnv } from './command.js';
import { isAfterToday, type CalendarDate } from './dates.js';
import { fail, succeed, type Outcome } from './outcome.js';

const CHILDREN = new Set(['child', 'daughter', 'son', 'kid', 'stepdaughter', 'stepson']);

/** A family member's birthday is a child's birthday when the relation says so. */
export const birthdayKind = (relation: string): DateKind => (CHILDREN.has(relation) ? 'child-birthday' : 'birthday');

/** Dates that recall something already lived: their year cannot be after today. */
const LIVED: readonly DateKind[] = ['birthday', 'child-birthday', 'wedding-anniversary', 'client-since'];

/**
 * Saves a date once: the same date again is already known; another date of the same kind for the
 * same person (or the same custom label) corrects it. Returns what happened.
 */
export async function saveDate(
  env: CommandEnv,
  profile: Pick<ClientProfile, 'dates'> | null,
  input: { readonly clientId: string; readonly familyMemberId: string | null; readonly kind: DateKind; readonly label: string | null; readonly date: CalendarDate },
): Promise<Outcome<'added' | 'corrected' | 'unchanged'>> {
  const { date, kind } = input;
  if (LIVED.includes(kind) && isAfterToday(date, env.now, env.workspace.timeZone)) {
    return fail('date.in-future', `A ${kind.replace(/-/g, ' ')} in ${date.year} has not happened yet; give the date it happened.`);
  }
  const same = (profile?.dates ?? []).find(
    (d) => d.kind === kind && d.familyMemberId === input.familyMemberId && (kind !== 'custom' || (d.label ?? '').toLowerCase() === (input.label ?? '').toLowerCase()),
  );
  if (same === undefined) {
    await env.store.addDate({ clientId: input.clientId, familyMemberId: input.familyMemberId, kind, label: input.label, month: date.month, day: date.day, year: date.year });
    return succeed('added');
  }
  if (same.month === date.month && same.day === date.day && (date.year === null || same.year === date.year)) return succeed('unchanged');
  await env.store.updateDate(same.id, { month: date.month, day: date.day, year: date.year ?? same.year });
  return succeed('corrected');
}
