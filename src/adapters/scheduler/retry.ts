// Backoff for retryable publish failures: exponential with "full jitter" (a random delay up to the
// exponential bound) so replicas and workspaces that failed together do not retry together. The
// platform's Retry-After, when given, is a floor: asking again sooner only earns another 429.
export type Random = () => number;
/** Waiting, injected so tests run on a simulated clock. */
export type Sleep = (ms: number) => Promise<void>;

export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  /** Attempts within one tick; after that the claim is released and a later tick tries again. */
  readonly attemptsPerTick: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000, attemptsPerTick: 6 };

/** The delay before retry number `attempt` (0 for the first retry). */
export function backoffDelay(attempt: number, random: Random, policy: BackoffPolicy, retryAfterMs?: number): number {
  const bound = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  const jittered = Math.floor(random() * bound);
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, policy.maxMs * 5));
}
