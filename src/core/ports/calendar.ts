import type { DateKind, Workspace } from '../model/index.js';

/**
 * The secret behind a workspace's calendar feed. The core may not draw random numbers or hash, so an
 * adapter issues tokens; the store keeps only `tokenHash`, and the address holding `token` is shown
 * once, when it is issued.
 */
export interface CalendarSecrets {
  /** A fresh unguessable token and its SHA-256 (hex), the only form that is stored. */
  issue(): { readonly token: string; readonly tokenHash: string };
  /** The public address of the feed for this token. */
  feedUrl(token: string): string;
}

/** That a workspace has a feed, and since when; the token itself is never stored. */
export interface CalendarFeedState {
  readonly createdAt: Date;
}

/** One client or family date for the feed, with the names that describe it (no profile loading). */
export interface CalendarDateRow {
  readonly id: string;
  readonly kind: DateKind;
  readonly label: string | null;
  readonly month: number;
  readonly day: number;
  readonly year: number | null;
  readonly clientName: string;
  /** The client's first contact, when there is one: the person a personal date belongs to. */
  readonly keyPersonName: string | null;
  readonly familyMember: { readonly id: string; readonly name: string; readonly relation: string } | null;
}

/** Finds the workspace a feed token belongs to, by its hash; unknown and revoked hashes find none. */
export interface CalendarFeeds {
  workspaceForTokenHash(tokenHash: string): Promise<Workspace | null>;
}
