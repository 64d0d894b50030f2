import PQueue from 'p-queue';
import type { Logger } from '../../core/ports/index.js';

/** What a person sees when more work is waiting than Rapport takes on: nothing was done, nothing was lost. */
export const BUSY = 'Rapport is very busy right now and did not run that, so nothing was saved. Please try again in a minute.';

export interface WorkLimits {
  /** Jobs running at once; the database serialises writers anyway, so a few are enough to overlap the network. */
  readonly concurrency: number;
  /** Jobs allowed to wait beyond those; past it a request is refused with BUSY. */
  readonly maxWaiting: number;
}

export const DEFAULT_WORK_LIMITS: WorkLimits = { concurrency: 4, maxWaiting: 500 };

/**
 * The work behind acknowledged requests, for any chat platform. A listener acknowledges first, then
 * offers its work here, so an acknowledgement never waits behind another request's core work. At
 * most `concurrency` jobs run; up to `maxWaiting` more wait in arrival order; beyond that `take`
 * answers false at once and the job never runs (the caller tells the person BUSY, and a refused
 * `/client log` writes nothing). Every job that was taken runs once; `idle` waits for all of them.
 */
export class BoundedWork {
  private readonly queue: PQueue;

  constructor(
    private readonly limits: WorkLimits,
    private readonly logger: Logger,
  ) {
    this.queue = new PQueue({ concurrency: limits.concurrency });
  }

  /**
   * Takes `job` (true) or refuses it because too much is waiting (false). A job handles its own
   * failures; one that still throws is logged here, so nothing escapes as an unhandled rejection.
   */
  take(job: () => Promise<void>): boolean {
    if (this.queue.size >= this.limits.maxWaiting) {
      this.logger.warn({ waiting: this.queue.size }, 'work after the ack is full; refused a request with the busy reply');
      return false;
    }
    // Tracked by the queue (drained by `idle`), never awaited by the listener: that is the point.
    void this.queue.add(async () => {
      // On SQLite a job's queries settle as promise callbacks without touching the network, so jobs
      // chained back to back would never let the event loop read new requests: yield to it first,
      // so waiting acknowledgements go out between jobs.
      await new Promise<void>((resolve) => setImmediate(resolve));
      await job().catch((error: unknown) => this.logger.error({ err: error }, 'work after the ack failed'));
    });
    return true;
  }

  /** Jobs running or waiting. */
  get pending(): number {
    return this.queue.size + this.queue.pending;
  }

  /** Resolves when every taken job has finished (shutdown waits for it). */
  idle(): Promise<void> {
    return this.queue.onIdle();
  }
}
