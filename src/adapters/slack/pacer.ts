import type { Clock } from '../../core/ports/index.js';

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * At most one call a `gapMs` per key (a channel): calls for one key run one after another, each
 * waiting until the gap since the previous one has passed. Keys do not wait for each other.
 */
export class ChannelPacer {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly last = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly sleep: Sleep = realSleep,
    private readonly gapMs = 1_000,
  ) {}

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      const last = this.last.get(key);
      const wait = last === undefined ? 0 : last + this.gapMs - this.clock.now().getTime();
      if (wait > 0) await this.sleep(wait);
      return await fn();
    } finally {
      this.last.set(key, this.clock.now().getTime());
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
