import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '../../../src/adapters/scheduler/retry.js';

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
