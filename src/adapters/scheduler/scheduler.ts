// The digest scheduler: a node-cron tick every minute calls runTick(now). Each tick re-reads the
// workspaces (so schedule changes apply without a restart), asks the core which slots are due, and
// delivers them through the ledger. Tests call runTick directly with simulated times.
import cron, { type ScheduledTask } from 'node-cron';
import type { DigestKind, Platform, Workspace } from '../../core/model/index.js';
import type { SlotStatus } from '../../core/delivery/index.js';
import type { Clock, DeliveryLedger, DigestPublisher, Logger, MemberNotifier, Store, TickCoordinator, WorkspaceLifecycle } from '../../core/ports/index.js';
import { slotId, workspaceSlots, type PlanDigest, type SlotOutcome } from '../../core/use-cases/deliver-digests.js';
import { DEFAULT_GRACE_MINUTES } from '../../core/delivery/index.js';
import { planDigest } from '../../core/use-cases/plan-digest.js';
import { tellOwnersDeliveryBlocked } from '../../core/use-cases/tell-owners-blocked.js';
import { singleProcess } from './coordinator.js';
import { deliverSlot, type SlotDeps } from './deliver-slot.js';
import { addDays, localDateOf } from '../../core/time/index.js';
import { DEFAULT_BACKOFF, type BackoffPolicy, type Random, type Sleep } from './retry.js';

/** How one chat platform is reached: digests to channels, private messages to owners. */
export interface PlatformOutlet {
  readonly publisher: DigestPublisher;
  /** Tells owners when their digests are blocked; without one they are not told. */
  readonly notifier?: MemberNotifier;
}

/** What an exporter (metrics) may watch. Called synchronously; it must not throw or block. */
export interface SchedulerObserver {
  /** A slot's digest was planned (about to be posted), or a claim left without an outcome was resumed. */
  digestStep?(event: { readonly platform: Platform; readonly kind: DigestKind; readonly step: 'planned' | 'resumed' }): void;
  /** Each slot a tick tried, with whether it was due, late or missed, and how it ended. */
  slotSettled?(event: { readonly platform: Platform; readonly kind: DigestKind; readonly status: SlotStatus; readonly outcome: SlotOutcome }): void;
}

export interface SchedulerDeps {
  readonly store: Pick<Store, 'listWorkspaces' | 'workspace'>;
  readonly ledger: DeliveryLedger;
  readonly lifecycle: Pick<WorkspaceLifecycle, 'blockDelivery' | 'undeliverable'>;
  /**
   * Each platform's outlet, by `workspace.platform`: a workspace is delivered through its own
   * platform, and one whose platform has no outlet here is skipped (and logged once).
   */
  readonly platforms: ReadonlyMap<Platform, PlatformOutlet>;
  /** The core's planDigest unless a test swaps it. */
  readonly planDigest?: PlanDigest;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly random: Random;
  readonly sleep: Sleep;
  /** Names this process in the ledger; a stable id (host name) lets a restart resume its own claims at once. */
  readonly instanceId: string;
  readonly graceMinutes?: number;
  /** The store's postgresCoordinator(...) for PostgreSQL replicas; SQLite is single-process (the default). */
  readonly coordinator?: TickCoordinator;
  readonly backoff?: BackoffPolicy;
  /**
   * A claim not renewed for this long is taken over by another process (15 minutes by default).
   * It must be at least twice every publisher's `maxAttemptMs`: createScheduler refuses less.
   */
  readonly leaseMs?: number;
  /** Slots delivered at once across workspaces, so one slow workspace never holds up the others. */
  readonly concurrency?: number;
  /** node-cron pattern of the tick; every minute by default (slots are minute-precise). */
  readonly cronExpression?: string;
  readonly observer?: SchedulerObserver;
}

export interface TickReport {
  readonly elected: boolean;
  readonly outcomes: readonly { readonly workspaceId: string; readonly kind: string; readonly localDate: string; readonly outcome: SlotOutcome }[];
}

export interface Scheduler {
  start(): void;
  /** Stops the cron task and waits for a tick in progress. */
  stop(): Promise<void>;
  runTick(now?: Date): Promise<TickReport>;
}

function settledKey(workspaceId: string, channel: string): string {
  return `${workspaceId}\u0000${channel}`;
}

const DEFAULT_LEASE_MS = 15 * 60_000;
/** Covers slotsAt's reach back to the previous business day (a weekend plus a day) in any zone. */
const LOOKBACK_DAYS = 9;
const NONE: ReadonlySet<string> = new Set();

/**
 * The lease must outlive the slowest single attempt, with as much again to spare for clocks that
 * differ between replicas and for the database writes around the attempt.
 */
function checkLease(leaseMs: number, platforms: ReadonlyMap<Platform, PlatformOutlet>): void {
  for (const [platform, outlet] of platforms) {
    const slowest = outlet.publisher.maxAttemptMs;
    if (slowest !== undefined && leaseMs < 2 * slowest) {
      throw new Error(`the delivery lease (${leaseMs} ms) must be at least twice the slowest ${platform} publish attempt (${slowest} ms)`);
    }
  }
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const graceMinutes = deps.graceMinutes ?? DEFAULT_GRACE_MINUTES;
  const coordinator = deps.coordinator ?? singleProcess;
  const ledger = deps.ledger;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  checkLease(leaseMs, deps.platforms);
  const slotDeps: Omit<SlotDeps, 'publisher' | 'block'> = {
    store: deps.store,
    ledger,
    planDigest: deps.planDigest ?? planDigest,
    clock: deps.clock,
    logger: deps.logger,
    random: deps.random,
    sleep: deps.sleep,
    backoff: deps.backoff ?? DEFAULT_BACKOFF,
    instanceId: deps.instanceId,
    leaseMs,
    inFlight: new Set(),
  };

  /** Marks the workspace blocked; only the call that set it tells the owners, through their own platform. */
  async function block(workspace: Workspace, outlet: PlatformOutlet, reason: string): Promise<boolean> {
    if (!(await deps.lifecycle.blockDelivery(workspace.id, reason, deps.clock.now()))) return false;
    try {
      const told = outlet.notifier ? await tellOwnersDeliveryBlocked({ store: deps.store, notifier: outlet.notifier, workspace, reason }) : 0;
      deps.logger.warn({ workspaceId: workspace.id, platform: workspace.platform, reason, ownersTold: told }, 'digest delivery is blocked until an owner fixes the channel or reinstalls the app');
    } catch (error) {
      deps.logger.error({ workspaceId: workspace.id, err: error }, 'telling an owner about blocked delivery failed');
    }
    return true;
  }

  // Logged once per process, not every minute: the workspace waits for its platform's adapter.
  const unreachable = new Set<string>();
  function outletFor(workspace: Workspace): PlatformOutlet | null {
    const outlet = deps.platforms.get(workspace.platform);
    if (outlet) return outlet;
    if (!unreachable.has(workspace.id)) {
      unreachable.add(workspace.id);
      deps.logger.warn({ workspaceId: workspace.id, platform: workspace.platform }, 'workspace skipped: no publisher for its platform in this process');
    }
    return null;
  }

  // The first local date a workspace was served never changes once known: remember it.
  const servedSinceCache = new Map<string, string>();
  async function servedSince(workspaceId: string): Promise<string | null> {
    const cached = servedSinceCache.get(workspaceId);
    if (cached !== undefined) return cached;
    const first = await ledger.servedSince(workspaceId);
    if (first !== null) servedSinceCache.set(workspaceId, first);
    return first;
  }

  async function runWorkspace(workspace: Workspace, blocked: string | null, settled: ReadonlySet<string>, now: Date): Promise<TickReport['outcomes']> {
    const channel = workspace.digestChannel;
    const out: TickReport['outcomes'][number][] = [];
    if (channel === null) return out;
    const outlet = outletFor(workspace);
    if (outlet === null) return out;
    const step = (s: 'planned' | 'resumed', kind: DigestKind) => deps.observer?.digestStep?.({ platform: workspace.platform, kind, step: s });
    const slotDepsHere: SlotDeps = { ...slotDeps, publisher: outlet.publisher, block: (ws, reason) => block(ws, outlet, reason), step };
    const input = { workspace, blockedReason: blocked, now, graceMinutes, settled };
    // Ask the ledger for the workspace's history only when a missed slot depends on it.
    let slots = workspaceSlots({ ...input, servedSince: '' });
    if (slots.some((s) => s.status === 'missed')) slots = workspaceSlots({ ...input, servedSince: await servedSince(workspace.id) });
    // In order: a skip recorded first is mentioned by the digest that follows it.
    for (const slot of slots) {
      let outcome: SlotOutcome;
      try {
        outcome = await deliverSlot(slotDepsHere, workspace, channel, slot);
      } catch (error) {
        deps.logger.error({ workspaceId: workspace.id, kind: slot.kind, localDate: slot.localDate, err: error }, 'digest delivery failed; a later tick retries');
        outcome = 'error';
      }
      out.push({ workspaceId: workspace.id, kind: slot.kind, localDate: slot.localDate, outcome });
      deps.observer?.slotSettled?.({ platform: workspace.platform, kind: slot.kind, status: slot.status, outcome });
      // The channel or token is gone: the workspace is blocked now, so its other slots wait too.
      if (outcome === 'gone') break;
    }
    return out;
  }

  /** Settled slot ids (see slotId) by workspace and channel: one ledger query a tick. */
  async function settledByChannel(since: string): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    for (const r of await ledger.settledSince(since)) {
      const key = settledKey(r.workspaceId, r.channel);
      const set = out.get(key) ?? new Set<string>();
      set.add(slotId(r.kind, r.localDate));
      out.set(key, set);
    }
    return out;
  }

  async function runTick(now: Date = deps.clock.now()): Promise<TickReport> {
    const lease = await coordinator.tryAcquire();
    if (!lease) {
      deps.logger.debug({ instanceId: deps.instanceId }, 'tick skipped: another process is elected');
      return { elected: false, outcomes: [] };
    }
    try {
      // Slots reach back at most a few local days (see slotsAt); every zone is within a day of UTC.
      const since = addDays(localDateOf(now, 'UTC'), -LOOKBACK_DAYS);
      const [workspaces, blocked, settled] = await Promise.all([deps.store.listWorkspaces(), deps.lifecycle.undeliverable(), settledByChannel(since)]);
      const queue = [...workspaces];
      const outcomes: TickReport['outcomes'][number][] = [];
      const worker = async () => {
        for (let ws = queue.shift(); ws; ws = queue.shift()) {
          try {
            const done = settled.get(settledKey(ws.id, ws.digestChannel ?? '')) ?? NONE;
            outcomes.push(...(await runWorkspace(ws, blocked.get(ws.id) ?? null, done, now)));
          } catch (error) {
            deps.logger.error({ workspaceId: ws.id, err: error }, 'workspace tick failed; other workspaces go on');
          }
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 8) }, worker));
      return { elected: true, outcomes };
    } finally {
      await lease.release();
    }
  }

  let task: ScheduledTask | null = null;
  let running: Promise<unknown> = Promise.resolve();
  return {
    runTick,
    start() {
      if (task) return;
      // noOverlap: a long tick (retries, many workspaces) makes the next one skip, not pile up.
      task = cron.schedule(
        deps.cronExpression ?? '* * * * *',
        () => {
          running = runTick(deps.clock.now()).catch((error: unknown) => deps.logger.error({ err: error }, 'tick failed'));
          return running;
        },
        { name: 'rapport-digests', noOverlap: true },
      );
    },
    async stop() {
      const t = task;
      task = null;
      if (t) await t.destroy();
      await running;
      await coordinator.close();
    },
  };
}
