import { describe, expect, it } from 'vitest';
import { createPacer } from '../../../src/adapters/scheduler/pacer.js';
import { backoffDelay, DEFAULT_BACKOFF } from '../../../src/adapters/scheduler/retry.js';
import { simClock } from './harness.js';

describe('backoffDelay', () => {
  const rows = [
    { attempt: 0, random: 0.5, retryAfter: undefined, want: 500 },
    { attempt: 3, random: 0.5, retryAfter: undefined, want: 4_000 },
    { attempt: 10, random: 0.999, retryAfter: undefined, want: 59_940 }, // capped at maxMs
    { attempt: 0, random: 0, retryAfter: 1_500, want: 1_500 }, // Retry-After is a floor
    { attempt: 4, random: 0.9, retryAfter: 1_500, want: 14_400 }, // jitter above the floor stays
  ];
  for (const r of rows) {
    it(`attempt ${r.attempt}, random ${r.random}, retry-after ${r.retryAfter ?? '-'} -> ${r.want} ms`, () => {
      expect(backoffDelay(r.attempt, () => r.random, DEFAULT_BACKOFF, r.retryAfter)).toBe(r.want);
    });
  }
});

describe('pacer', () => {
  it('spaces calls on one channel a second apart and leaves other channels alone', async () => {
    const clock = simClock(0);
    const pacer = createPacer({ clock, sleep: clock.sleep });
    const waited: string[] = [];
    for (const channel of ['A', 'A', 'B', 'A']) {
      const before = clock.sleeps.length;
      await pacer.wait(channel);
      waited.push(`${channel}:${clock.sleeps.slice(before).join('+') || 0}`);
    }
    // A's second call waits a second; B is free at once; A's third call is a second after its second.
    expect(waited).toEqual(['A:0', 'A:1000', 'B:0', 'A:1000']);
    expect(clock.now().getTime()).toBe(2_000);
  });
});
