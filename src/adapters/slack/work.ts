import PQueue from 'p-queue';
import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../core/ports/index.js';
import { apologise, postToResponseUrl, type FaultBody } from './answer.js';
import { paceKey } from './deps.js';
import type { ChannelPacer } from './pacer.js';

/** What a person sees when more work is waiting than Rapport takes on: nothing was done, nothing was lost. */
export const BUSY = 'Rapport is very busy right now and did not run that, so nothing was saved. Please try again in a minute.';

export interface WorkLimits {
  /** Jobs running at once; the database serialises writers anyway, so a few are enough to overlap the network. */
  readonly concurrency: number;
  /** Jobs allowed to wait beyond those; past it a request is refused with BUSY. */
  readonly maxWaiting: number;
}

export const DEFAULT_WORK_LIMITS: WorkLimits = { concurrency: 4, maxWaiting: 500 };

/** Set by the HTTP receiver's screen: the durable replay check of this delivery, made by the work after the ack. */
export interface DeliveryContext {
  readonly firstDelivery?: () => Promise<boolean>;
}

/**
 * The work behind acknowledged requests. Listeners acknowledge first, then hand their work here, so
 * an acknowledgement never waits behind another request's core work. At most `concurrency` jobs run;
 * up to `maxWaiting` more wait in arrival order; beyond that the person is told BUSY at once, and
 * the job never runs (so a refused `/client log` writes nothing). Every job that was taken runs once.
 */
export class AfterAck {
  private readonly queue: PQueue;

  constructor(
    private readonly limits: WorkLimits,
    private readonly logger: Logger,
    private readonly pacer: ChannelPacer,
  ) {
    this.queue = new PQueue({ concurrency: limits.concurrency });
  }

  /**
   * Runs `job` for an acknowledged request (args is the listener's). A replayed delivery is skipped;
   * a job that throws gets the same apology answerFaults gives. Resolves once the job is taken or refused.
   */
  async run(args: AnyMiddlewareArgs & AllMiddlewareArgs, job: () => Promise<void>): Promise<void> {
    const body = args.body as FaultBody;
    if (this.queue.size >= this.limits.maxWaiting) {
      this.logger.warn({ waiting: this.queue.size, kind: body.type ?? 'slash_command' }, 'command work is full; refused a request with the busy reply');
      await tell(this.pacer, args, body, BUSY).catch((error: unknown) => this.logger.warn({ err: error }, 'could not deliver the busy reply'));
      return;
    }
    const delivery = (args.context as DeliveryContext).firstDelivery;
    // Tracked by the queue (drained by `idle`), never awaited by the listener: that is the point.
    void this.queue.add(async () => {
      // On SQLite a job's queries settle as promise callbacks without touching the network, so jobs
      // chained back to back would never let the event loop read new requests: yield to it first,
      // so waiting acknowledgements go out between jobs.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (delivery && !(await delivery())) return;
      try {
        await job();
      } catch (error) {
        this.logger.error({ err: error, kind: body.type ?? 'slash_command', teamId: body.team?.id ?? body.team_id }, 'slack request failed after its ack; answering with an apology');
        await apologise({ pacer: this.pacer }, args, body).catch((failure: unknown) => this.logger.warn({ err: failure }, 'could not deliver the apology either'));
      }
    });
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

/** A short notice to the person, in its channel's turn like every other post. */
async function tell(pacer: ChannelPacer, args: AnyMiddlewareArgs & AllMiddlewareArgs, body: FaultBody, text: string): Promise<void> {
  const team = body.team?.id ?? body.team_id ?? '';
  const user = body.user?.id ?? body.user_id;
  const url = body.response_url;
  if (url) {
    await pacer.run(paceKey(team, body.channel?.id ?? body.channel_id ?? user ?? ''), () => postToResponseUrl(url, { response_type: 'ephemeral', replace_original: false, text }));
    return;
  }
  if (user) await pacer.run(paceKey(team, user), () => args.client.chat.postMessage({ channel: user, text }));
}
