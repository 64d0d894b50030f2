import type { Digest, DigestKind, Workspace } from '../model/index.js';
import type { WorkspaceStore } from '../ports/index.js';
import { localDateOf } from '../time/index.js';
import { lateNotice, missedNotices, slotsAt, slotTime, type MissedSlot, type SlotDecision } from '../delivery/index.js';

/** The digest planner's contract (src/core/use-cases/plan-digest.ts). */
export type PlanDigest = (input: {
  readonly store: WorkspaceStore;
  readonly now: Date;
  readonly kind: DigestKind;
  readonly notices?: readonly string[];
}) => Promise<Digest>;

/** Why a workspace gets nothing this tick, or null when it is deliverable. */
export function undeliverableReason(workspace: Pick<Workspace, 'digestChannel'>, blockedReason: string | null): string | null {
  if (blockedReason !== null) return `delivery blocked: ${blockedReason}`;
  if (workspace.digestChannel === null || workspace.digestChannel === '') return 'no digest channel';
  return null;
}

/** The ledger's name for a slot of one channel, as used in `settled`. */
export function slotId(kind: DigestKind, localDate: string): string {
  return `${kind}:${localDate}`;
}

/**
 * The slots a workspace needs handled at `now`: none when it cannot be delivered to, and none that
 * the ledger has already settled (posted, skipped or failed) for its channel.
 */
export function workspaceSlots(input: {
  readonly workspace: Workspace;
  readonly blockedReason: string | null;
  readonly now: Date;
  readonly graceMinutes: number;
  readonly servedSince: string | null;
  readonly settled: ReadonlySet<string>;
}): SlotDecision[] {
  if (undeliverableReason(input.workspace, input.blockedReason) !== null) return [];
  return slotsAt({ workspace: input.workspace, now: input.now, graceMinutes: input.graceMinutes, servedSince: input.servedSince }).filter(
    (slot) => !input.settled.has(slotId(slot.kind, slot.localDate)),
  );
}

/**
 * Plans the digest for one slot, with the remarks its readers need: that it is late, and which
 * earlier digests were missed while Rapport was down.
 */
export async function digestForSlot(
  planDigest: PlanDigest,
  input: {
    readonly store: WorkspaceStore;
    readonly workspace: Workspace;
    readonly slot: SlotDecision;
    readonly missed: readonly MissedSlot[];
    readonly now: Date;
  },
): Promise<Digest> {
  const notices = [
    ...(input.slot.status === 'late' ? [lateNotice(input.slot, slotTime(input.workspace, input.slot.kind))] : []),
    ...missedNotices(input.missed),
  ];
  return planDigest({ store: input.store, now: planningTime(input.workspace, input.slot, input.now), kind: input.slot.kind, notices });
}

/**
 * The time a slot's digest is planned at: now, unless a late post has crossed into the next local
 * day (a grace window past midnight); then the slot's own time, so the digest is for its own date.
 */
export function planningTime(workspace: Pick<Workspace, 'timeZone'>, slot: SlotDecision, now: Date): Date {
  return localDateOf(now, workspace.timeZone) === slot.localDate ? now : slot.dueAt;
}

/** What came of one slot in one tick, for logs and tests. */
export type SlotOutcome = 'posted' | 'already-posted' | 'done-before' | 'busy' | 'deferred' | 'gone' | 'skipped' | 'error';
