import type { DigestKind } from '../model/index.js';
import type { MissedSlot } from '../delivery/index.js';

/** One digest of one channel: the ledger holds at most one row for each. */
export interface SlotKey {
  readonly workspaceId: string;
  readonly channel: string;
  readonly kind: DigestKind;
  readonly localDate: string;
}

export type DeliveryState = 'claimed' | 'posted' | 'skipped' | 'failed';

export type ClaimResult =
  | { readonly outcome: 'claimed'; readonly id: string; readonly attempts: number; readonly resumed: boolean }
  | { readonly outcome: 'done'; readonly state: Exclude<DeliveryState, 'claimed'> }
  | { readonly outcome: 'busy'; readonly claimedBy: string | null };

export interface ClaimOptions {
  readonly instanceId: string;
  readonly now: Date;
  readonly late: boolean;
  /** A claim older than this is taken to belong to a dead process. */
  readonly leaseMs: number;
  /** True when this process has this row in flight right now (so its own old claims are not). */
  readonly inFlight: (id: string) => boolean;
}

/** A slot that is over: posted, skipped or failed. */
export type SettledSlot = SlotKey;

/**
 * The delivery ledger: a slot is claimed before its post and settled after it, so restarts and
 * replicas agree on what was sent. Claims are atomic: of many claimers exactly one wins.
 */
export interface DeliveryLedger {
  claim(slot: SlotKey, options: ClaimOptions): Promise<ClaimResult>;
  /**
   * Extends this process's claim to `now` while it still works on the slot (before each attempt and
   * during backoff), so that no other process takes over a live delivery. False when the claim is no
   * longer this process's (taken over or settled): it must then stop without posting.
   */
  renew(id: string, input: { readonly instanceId: string; readonly now: Date }): Promise<boolean>;
  markPosted(id: string, input: { readonly messageRef: string; readonly now: Date; readonly instanceId: string }): Promise<void>;
  /** Gives the claim back after retryable failures, so a later tick tries again. */
  release(id: string, input: { readonly instanceId: string; readonly reason: string }): Promise<void>;
  markFailed(id: string, input: { readonly reason: string }): Promise<void>;
  /** Records a slot past its grace window; an abandoned claim becomes a skip too. Returns true when newly recorded. */
  recordSkipped(slot: SlotKey, input: { readonly now: Date; readonly leaseMs: number }): Promise<boolean>;
  /** The earliest local date with any delivery row for the workspace, or null. */
  servedSince(workspaceId: string): Promise<string | null>;
  /** Slots settled on or after `sinceDate`, every workspace's: one query a tick. */
  settledSince(sinceDate: string): Promise<SettledSlot[]>;
  /** Skips known to be missed and not yet mentioned in a posted digest of this channel. */
  unreportedMisses(workspaceId: string, channel: string): Promise<(MissedSlot & { readonly id: string })[]>;
  /** Remembers which digest told the channel about these misses. */
  markReported(ids: readonly string[], reportedIn: string): Promise<void>;
}
