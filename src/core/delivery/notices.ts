import type { DigestKind } from '../model/index.js';
import { shortDate, type LocalDate } from '../time/index.js';
import type { DeliverySlot } from './slots.js';

/** A slot that was not delivered (past the grace window), as the ledger remembers it. */
export interface MissedSlot {
  readonly kind: DigestKind;
  readonly localDate: LocalDate;
}

const KIND_NAME: Record<DigestKind, string> = { morning: 'morning digest', sweep: 'end-of-day sweep' };

/** The remark a late digest carries, so readers know why it arrives off its usual time. */
export function lateNotice(slot: DeliverySlot, slotTime: string): string {
  return `Posted late: this ${KIND_NAME[slot.kind]} was due at ${slotTime}.`;
}

/** One remark naming what was missed, oldest first, or none. */
export function missedNotices(missed: readonly MissedSlot[]): string[] {
  if (missed.length === 0) return [];
  const sorted = [...missed].sort((a, b) => (a.localDate === b.localDate ? a.kind.localeCompare(b.kind) : a.localDate < b.localDate ? -1 : 1));
  const names = sorted.map((m) => `the ${KIND_NAME[m.kind]} of ${shortDate(m.localDate)}`);
  return [`Missed while Rapport was unavailable: ${names.join(', ')}.`];
}
