// How discord.js's REST client may wait and retry below the scheduler: briefly, or not at all.
import type { RateLimitData } from 'discord.js';

/** The longest discord.js REST may wait on its own for a channel's rate limit before a post. */
export const REST_MAX_WAIT_MS = 2_000;

/**
 * Channel posts and direct messages (digests, owner notices) whose rate limit would hold them longer
 * than REST_MAX_WAIT_MS are rejected (RateLimitError) to the scheduler, which owns retries, instead of
 * waiting below it for as long as Discord asks. Shorter waits are discord.js's own per-channel
 * bucket pacing. Interaction replies and command registration keep discord.js's queueing: they are
 * acknowledged first and never pass through the scheduler.
 */
export function rejectLongChannelWaits(limit: Pick<RateLimitData, 'route' | 'timeToReset' | 'retryAfter'>): boolean {
  const posting = limit.route.startsWith('/channels') || limit.route.startsWith('/users/@me/channels');
  return posting && Math.max(limit.timeToReset, limit.retryAfter) > REST_MAX_WAIT_MS;
}
