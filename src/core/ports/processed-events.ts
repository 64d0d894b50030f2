import type { Platform } from '../model/index.js';

/** Events a platform may deliver more than once (retries after a slow answer): each is acted on once. */
export interface ProcessedEvents {
  /** Claims an event at `at`; true for the first claim, false when it was claimed before. */
  claim(platform: Platform, eventId: string, at: Date): Promise<boolean>;
  /** Gives a claim back (handling it failed), so a retry can do the work. */
  release(platform: Platform, eventId: string): Promise<void>;
  /** Forgets events claimed before `cutoff`; returns how many. */
  forgetBefore(cutoff: Date): Promise<number>;
}
