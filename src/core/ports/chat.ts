import type { Digest } from '../model/index.js';

/** Where a digest goes. Each chat adapter renders the neutral digest within its platform's limits. */
export interface DigestPublisher {
  /**
   * Posts the digest to a channel. `deliveryKey` identifies this delivery (workspace, channel, kind,
   * local date) so the adapter can attach it and find an earlier attempt whose outcome is unknown.
   */
  publish(input: { readonly workspaceExternalId: string; readonly channel: string; readonly digest: Digest; readonly deliveryKey: string }): Promise<PublishResult>;
  /**
   * The longest one publish call can take (its pacing and its calls' timeouts; it retries nothing
   * itself). The delivery lease must outlive it, so that no other process takes a digest over while
   * an attempt of it may still reach the platform.
   */
  readonly maxAttemptMs?: number;
}

/** Private messages to people, for things only some of them should hear (a blocked digest). */
export interface MemberNotifier {
  /** Messages each member privately; one failure does not stop the others. Returns how many were reached. */
  notifyMembers(input: { readonly workspaceExternalId: string; readonly platformUserIds: readonly string[]; readonly text: string }): Promise<number>;
}

export type PublishResult =
  | { readonly status: 'posted'; readonly messageRef: string }
  | { readonly status: 'already-posted'; readonly messageRef: string }
  | { readonly status: 'retryable'; readonly reason: string; readonly retryAfterMs?: number }
  | { readonly status: 'gone'; readonly reason: string };
