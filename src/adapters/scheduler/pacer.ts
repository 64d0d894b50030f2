// Keeps at most one post per second per channel (Slack's chat.postMessage guidance; Discord's
// per-channel limits are similar). Time and sleeping are injected so tests can assert the pace on a
// simulated clock instead of waiting.
import type { Clock } from '../../core/ports/index.js';

export type Sleep = (ms: number) => Promise<void>;

export interface Pacer {
  /** Resolves when a post to this channel may go out; call it right before each attempt. */
  wait(channelKey: string): Promise<void>;
}

export function createPacer(input: { readonly clock: Clock; readonly sleep: Sleep; readonly spacingMs?: number }): Pacer {
  const spacing = input.spacingMs ?? 1_000;
  // The next instant each channel is free. Reserved before sleeping, so that two callers on one
  // channel queue one behind the other instead of both waking at the same moment.
  const nextFree = new Map<string, number>();
  return {
    async wait(channelKey) {
      const now = input.clock.now().getTime();
      const slot = Math.max(now, nextFree.get(channelKey) ?? now);
      nextFree.set(channelKey, slot + spacing);
      if (slot > now) await input.sleep(slot - now);
    },
  };
}
