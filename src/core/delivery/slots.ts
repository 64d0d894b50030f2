import type { DigestKind, Workspace } from '../model/index.js';
import { addDays, atLocalTime, isBusinessDay, localDateOf, previousBusinessDay, type LocalDate, type WorkCalendar } from '../time/index.js';

/** One digest a workspace is owed: a kind on a workspace-local date, due at a wall-clock time. */
export interface DeliverySlot {
  readonly kind: DigestKind;
  readonly localDate: LocalDate;
  readonly dueAt: Date;
}

/**
 * on-time: within a few minutes of the slot (a normal tick).
 * late: after that but inside the grace window (Rapport was down, or retries took long): post, say so.
 * missed: past the grace window: do not post; record a skip and mention it in the next digest.
 */
export type SlotStatus = 'on-time' | 'late' | 'missed';

export interface SlotDecision extends DeliverySlot {
  readonly status: SlotStatus;
}

export type SlotCalendar = WorkCalendar & Pick<Workspace, 'policy'>;

export interface SlotPlanInput {
  readonly workspace: SlotCalendar;
  readonly now: Date;
  /** How long after its time a digest may still be posted (late). Capped at one day. */
  readonly graceMinutes: number;
  /** A post this long after the slot is called late. Ticks run every minute, so a few minutes is normal. */
  readonly lateAfterMinutes?: number;
  /**
   * The first local date this workspace has any delivery record for, or null when it has none.
   * Slots before it are not reported as missed: a new workspace or a fresh install missed nothing.
   */
  readonly servedSince: LocalDate | null;
}

export const DEFAULT_GRACE_MINUTES = 180;
export const DEFAULT_LATE_AFTER_MINUTES = 10;
const MINUTE_MS = 60_000;
const MAX_GRACE_MINUTES = 24 * 60;
const KINDS: readonly DigestKind[] = ['morning', 'sweep'];

/** The wall-clock time of each digest kind, from the workspace policy (changes apply on the next tick). */
export function slotTime(workspace: SlotCalendar, kind: DigestKind): string {
  return kind === 'morning' ? workspace.policy.digestAt : workspace.policy.sweepAt;
}

/**
 * The slots that need attention at `now`: those whose time has come and that are on time, late or
 * missed. Only today and the days back to the previous business day are considered, so a long outage
 * reports the last missed business day rather than a week of them; the ledger makes repeated answers
 * harmless (a slot already posted or skipped is simply not acted on again).
 *
 * Slots are computed per local date with luxon, so a DST change neither drops nor repeats a day:
 * a time inside the spring gap moves forward, and an ambiguous autumn time resolves to one instant.
 */
export function slotsAt(input: SlotPlanInput): SlotDecision[] {
  const { workspace, now } = input;
  const grace = Math.min(Math.max(0, input.graceMinutes), MAX_GRACE_MINUTES) * MINUTE_MS;
  const lateAfter = Math.min(input.lateAfterMinutes ?? DEFAULT_LATE_AFTER_MINUTES, input.graceMinutes) * MINUTE_MS;
  const today = localDateOf(now, workspace.timeZone);
  const earliest = minDate(addDays(today, -1), previousBusinessDay(workspace, today));
  const out: SlotDecision[] = [];
  for (let date = earliest; date <= today; date = addDays(date, 1)) {
    if (!isBusinessDay(workspace, date)) continue;
    for (const kind of KINDS) {
      const dueAt = atLocalTime(date, slotTime(workspace, kind), workspace.timeZone);
      const age = now.getTime() - dueAt.getTime();
      if (age < 0) continue;
      const status: SlotStatus = age > grace ? 'missed' : age >= lateAfter ? 'late' : 'on-time';
      if (status === 'missed' && (input.servedSince === null || date < input.servedSince)) continue;
      out.push({ kind, localDate: date, dueAt, status });
    }
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a < b ? a : b;
}
