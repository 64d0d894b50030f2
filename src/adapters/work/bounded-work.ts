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
 * The limits for a database. SQLite runs one writing transaction at a time and its queries never
 * leave the process, so a second job could only wait for the first while taking turns on the event
 * loop, where each extra job's stretch delays every waiting acknowledgement: one at a time. A
 * PostgreSQL job waits on the network between its queries, and a few overlap those waits.
 */
export function workLimitsFor(provider: 'sqlite' | 'postgresql'): WorkLimits {
  return { ...DEFAULT_WORK_LIMITS, concurrency: provider === 'sqlite' ? 1 : DEFAULT_WORK_LIMITS.concurrency };
}

/**
 * The work behind acknowledged requests, for any chat platform. A listener acknowledges first, then
 * offers its work here, so an acknowledgement never waits behind another request's core work. At
 * most `concurrency` jobs run; up to `maxWaiting` more wait in arrival order; beyond that `take`
 * answers false at once and the job never runs (the caller tells the person BUSY, and a refused
 * `/client log` writes nothing). Every job that was taken runs once; `idle` waits for all of them.
 */
export class BoundedWork {
  private readonly queue: PQueue;
  private readonly deliveries = new Set<Promise<void>>();

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

  /**
   * Sends what a job produced (its reply) outside the job's slot: the round trip to the platform
   * (a hundred milliseconds or more to Slack) does not hold a slot the next job's database work
   * could use. `idle` waits for it too; a failure is logged, since nobody is left to tell.
   */
  deliver(send: () => Promise<unknown>): void {
    const delivery = send().then(
      () => undefined,
      (error: unknown) => this.logger.warn({ err: error }, 'could not deliver a reply after the ack'),
    );
    this.deliveries.add(delivery);
    void delivery.finally(() => this.deliveries.delete(delivery));
  }

  /** Jobs running or waiting. */
  get pending(): number {
    return this.queue.size + this.queue.pending;
  }

  /** Resolves when every taken job has finished and its reply has gone (shutdown waits for it). */
  async idle(): Promise<void> {
    await this.queue.onIdle();
    while (this.deliveries.size > 0) await Promise.all([...this.deliveries]);
  }
}
