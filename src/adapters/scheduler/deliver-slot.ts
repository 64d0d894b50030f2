// One slot, end to end: claim the ledger row, plan the digest, post it (retried with backoff), and
// record the outcome. This is the one place that retries a digest: the platform adapters pace each
// post per channel and make one bounded attempt, handing rate limits back here. The claim is renewed
// before every attempt and through every backoff wait, and the lease outlives the slowest attempt,
// so no other process takes over a delivery that may still reach the platform. Decisions about
// timing and wording come from the core; this file only carries them out.
import type { SlotDecision } from '../../core/delivery/index.js';
import type { Workspace } from '../../core/model/index.js';
import type { Clock, DeliveryLedger, DigestPublisher, Logger, PublishResult, SlotKey, Store } from '../../core/ports/index.js';
import { digestForSlot, type PlanDigest, type SlotOutcome } from '../../core/use-cases/deliver-digests.js';
import { backoffDelay, type BackoffPolicy, type Random, type Sleep } from './retry.js';

export interface SlotDeps {
  readonly store: Pick<Store, 'workspace'>;
  readonly ledger: DeliveryLedger;
  /** The publisher of the workspace's own platform. */
  readonly publisher: DigestPublisher;
  readonly planDigest: PlanDigest;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly random: Random;
  readonly sleep: Sleep;
  readonly backoff: BackoffPolicy;
  readonly instanceId: string;
  readonly leaseMs: number;
  /** Rows this process is posting right now; its own older claims are leftovers of a crash. */
  readonly inFlight: Set<string>;
  /** Marks the workspace blocked; resolves true only for the call that set it (tell the owner once). */
  readonly block: (workspace: Workspace, reason: string) => Promise<boolean>;
  /** Told when the digest is planned and when a claim left without an outcome is resumed (metrics). */
  readonly step?: (step: 'planned' | 'resumed', kind: SlotDecision['kind']) => void;
}

/** The key the chat adapter attaches to the post, so a retry can find an earlier attempt. */
export function deliveryKey(slot: SlotKey): string {
  return `rapport:${slot.kind}:${slot.localDate}:${slot.workspaceId}:${slot.channel}`;
}

export async function deliverSlot(deps: SlotDeps, workspace: Workspace, channel: string, slot: SlotDecision): Promise<SlotOutcome> {
  const key: SlotKey = { workspaceId: workspace.id, channel, kind: slot.kind, localDate: slot.localDate };
  const fields = { workspaceId: workspace.id, channel, kind: slot.kind, localDate: slot.localDate, status: slot.status };

  if (slot.status === 'missed') {
    const recorded = await deps.ledger.recordSkipped(key, { now: deps.clock.now(), leaseMs: deps.leaseMs });
    if (recorded) deps.logger.warn(fields, 'digest skipped: its grace window passed while it could not be posted');
    return recorded ? 'skipped' : 'done-before';
  }

  const claimedAt = deps.clock.now();
  const claim = await deps.ledger.claim(key, {
    instanceId: deps.instanceId,
    now: claimedAt,
    late: slot.status === 'late',
    leaseMs: deps.leaseMs,
    inFlight: (id) => deps.inFlight.has(id),
  });
  if (claim.outcome === 'done') return 'done-before';
  if (claim.outcome === 'busy') {
    deps.logger.debug({ ...fields, claimedBy: claim.claimedBy }, 'digest claimed by another process');
    return 'busy';
  }

  deps.inFlight.add(claim.id);
  try {
    const missed = await deps.ledger.unreportedMisses(workspace.id, channel);
    const digest = await digestForSlot(deps.planDigest, {
      store: deps.store.workspace(workspace.id),
      workspace,
      slot,
      missed,
      now: deps.clock.now(),
    });
    const ref = deliveryKey(key);
    const renew = keepClaim(deps, claim.id, claimedAt);
    const lost = () => {
      deps.logger.warn(fields, 'digest claim was taken over by another process; this one stops without posting');
      return 'busy' as const;
    };
    if (claim.resumed) deps.logger.info({ ...fields, attempts: claim.attempts }, 'resuming a digest whose earlier attempt has no recorded outcome');
    if (claim.resumed) deps.step?.('resumed', slot.kind);
    deps.step?.('planned', slot.kind);

    for (let attempt = 0; ; attempt++) {
      // The claim is at most a tenth of the lease old now, and the attempt ends within half a lease
      // (leaseMs >= 2 x the publisher's maxAttemptMs): nobody can take it over before it has ended.
      if (!(await renew())) return lost();
      const result = await publishSafely(deps.publisher, { workspaceExternalId: workspace.externalId, channel, digest, deliveryKey: ref });
      switch (result.status) {
        case 'posted':
        case 'already-posted':
          await deps.ledger.markPosted(claim.id, { messageRef: result.messageRef, now: deps.clock.now(), instanceId: deps.instanceId });
          await deps.ledger.markReported(
            missed.map((m) => m.id),
            ref,
          );
          deps.logger.info({ ...fields, messageRef: result.messageRef }, result.status === 'posted' ? 'digest posted' : 'digest was already posted');
          return result.status;
        case 'gone': {
          await deps.ledger.markFailed(claim.id, { reason: result.reason });
          const first = await deps.block(workspace, result.reason);
          if (first) deps.logger.warn({ ...fields, reason: result.reason }, 'digest delivery blocked: the channel or token is gone; an owner must fix it');
          return 'gone';
        }
        case 'retryable': {
          if (attempt + 1 >= deps.backoff.attemptsPerTick) {
            await deps.ledger.release(claim.id, { instanceId: deps.instanceId, reason: result.reason });
            deps.logger.warn({ ...fields, reason: result.reason, attempt }, 'digest deferred to a later tick after retryable errors');
            return 'deferred';
          }
          const delay = backoffDelay(attempt, deps.random, deps.backoff, result.retryAfterMs);
          deps.logger.debug({ ...fields, reason: result.reason, attempt, delay }, 'digest post will be retried');
          if (!(await waitHoldingClaim(deps, renew, delay))) return lost();
        }
      }
    }
  } finally {
    deps.inFlight.delete(claim.id);
  }
}

/** How stale a claim may get before this process renews it, as a fraction of the lease. */
const RENEW_FRACTION = 10;

/**
 * Renews the claim when it is older than a tenth of the lease: a quick attempt writes nothing extra,
 * a long wait renews as it goes. Resolves false when the claim is no longer this process's.
 */
function keepClaim(deps: Pick<SlotDeps, 'ledger' | 'clock' | 'instanceId' | 'leaseMs'>, id: string, claimedAt: Date): () => Promise<boolean> {
  let heldAt = claimedAt.getTime();
  return async () => {
    const now = deps.clock.now();
    if (now.getTime() - heldAt < deps.leaseMs / RENEW_FRACTION) return true;
    if (!(await deps.ledger.renew(id, { instanceId: deps.instanceId, now }))) return false;
    heldAt = now.getTime();
    return true;
  };
}

/** Sleeps `ms` in steps of a tenth of the lease, keeping the claim between them, so a long Retry-After never lets it expire. */
async function waitHoldingClaim(deps: Pick<SlotDeps, 'sleep' | 'leaseMs'>, renew: () => Promise<boolean>, ms: number): Promise<boolean> {
  const step = Math.max(1, Math.floor(deps.leaseMs / RENEW_FRACTION));
  for (let left = ms; left > 0; left -= step) {
    await deps.sleep(Math.min(step, left));
    if (!(await renew())) return false;
  }
  return true;
}

/** A thrown publisher error (network, 5xx the adapter did not classify) is retryable, not fatal. */
async function publishSafely(publisher: DigestPublisher, input: Parameters<DigestPublisher['publish']>[0]): Promise<PublishResult> {
  try {
    return await publisher.publish(input);
  } catch (error) {
    return { status: 'retryable', reason: error instanceof Error ? error.message : String(error) };
  }
}
