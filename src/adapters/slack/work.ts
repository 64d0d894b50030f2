import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../core/ports/index.js';
import { BoundedWork, BUSY, type WorkLimits } from '../work/bounded-work.js';
import { apologise, tellPrivately, type FaultBody } from './answer.js';
import type { ChannelPacer } from './pacer.js';

export { BUSY, DEFAULT_WORK_LIMITS, type WorkLimits } from '../work/bounded-work.js';

/** Set by the HTTP receiver's screen: the durable replay check of this delivery, made by the work after the ack. */
export interface DeliveryContext {
  readonly firstDelivery?: () => Promise<boolean>;
}

/**
 * Slack's work behind acknowledged requests (BoundedWork): the replay check first, a BUSY reply when
 * the work is full, and the apology answerFaults gives when a job throws.
 */
export class AfterAck {
  private readonly work: BoundedWork;

  constructor(
    limits: WorkLimits,
    private readonly logger: Logger,
    private readonly pacer: ChannelPacer,
  ) {
    this.work = new BoundedWork(limits, logger);
  }

  /**
   * Runs `job` for an acknowledged request (args is the listener's). A replayed delivery is skipped;
   * a job that throws gets the same apology answerFaults gives. Resolves once the job is taken or refused.
   */
  async run(args: AnyMiddlewareArgs & AllMiddlewareArgs, job: () => Promise<void>): Promise<void> {
    const body = args.body as FaultBody;
    const delivery = (args.context as DeliveryContext).firstDelivery;
    const taken = this.work.take(async () => {
      if (delivery && !(await delivery())) return;
      try {
        await job();
      } catch (error) {
        this.logger.error({ err: error, kind: body.type ?? 'slash_command', teamId: body.team?.id ?? body.team_id }, 'slack request failed after its ack; answering with an apology');
        await apologise({ pacer: this.pacer }, args, body).catch((failure: unknown) => this.logger.warn({ err: failure }, 'could not deliver the apology either'));
      }
    });
    if (!taken) await tellPrivately({ pacer: this.pacer }, args, body, BUSY).catch((error: unknown) => this.logger.warn({ err: error }, 'could not deliver the busy reply'));
  }

  /** Sends a job's reply without holding its slot (BoundedWork.deliver). */
  deliver(send: () => Promise<unknown>): void {
    this.work.deliver(send);
  }

  /** Jobs running or waiting. */
  get pending(): number {
    return this.work.pending;
  }

  /** Resolves when every taken job has finished and its reply has gone (shutdown waits for it). */
  idle(): Promise<void> {
    return this.work.idle();
  }
}
