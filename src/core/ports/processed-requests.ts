/**
 * Platform deliveries already handled, shared by every replica, so that a replayed delivery (the
 * same signed request sent again inside its validity window) has no second effect.
 */
export interface ProcessedRequests {
  /** Records `id` as handled at `at`; false when it was recorded before (a replay). */
  claim(id: string, at: Date): Promise<boolean>;
}
