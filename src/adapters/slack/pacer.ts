// The one rate limiter for everything Rapport posts to Slack: digests, owner notices, replies to
// commands, buttons and forms, and message updates all take a turn here, per channel. Retries are
// not made here (the Web API client makes none either): the scheduler owns them for digests, and a
// failed reply is answered with an apology.
import type { Clock } from '../../core/ports/index.js';

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The channel's next turn is further away than the caller would wait; no turn was taken. */
export class PacedOut extends Error {
  constructor(readonly waitMs: number) {
    super(`the channel's next turn is ${waitMs} ms away`);
    this.name = 'PacedOut';
  }
}

/** Channels whose turns are remembered before old ones are forgotten (a passed turn needs no memory). */
const PRUNE_AT = 1_000;

/**
 * At most one call a `gapMs` per key (a channel of a team). A caller reserves the key's next free
 * turn before sleeping, so callers on one key queue one behind the other instead of waking together,
 * and the wait is known up front: `maxWaitMs` bounds it (a digest attempt must end inside its
 * ledger lease). Keys do not wait for each other. Time and sleeping are injected for tests.
 */
export class ChannelPacer {
  private readonly nextFree = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly sleep: Sleep = realSleep,
    private readonly gapMs = 1_000,
  ) {}

  async run<T>(key: string, fn: () => Promise<T>, options: { readonly maxWaitMs?: number } = {}): Promise<T> {
    const now = this.clock.now().getTime();
    const turn = Math.max(now, this.nextFree.get(key) ?? now);
    if (options.maxWaitMs !== undefined && turn - now > options.maxWaitMs) throw new PacedOut(turn - now);
    if (this.nextFree.size >= PRUNE_AT) for (const [k, t] of this.nextFree) if (t <= now) this.nextFree.delete(k);
    this.nextFree.set(key, turn + this.gapMs);
    if (turn > now) await this.sleep(turn - now);
    return fn();
  }
}
