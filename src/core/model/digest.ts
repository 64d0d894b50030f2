import type { MessageSource, NudgeGroup } from './nudge.js';

export type DigestKind = 'morning' | 'sweep';

/** One message for one channel, grouped and ordered; adapters render it within their limits. */
export interface Digest {
  readonly kind: DigestKind;
  readonly workspaceId: string;
  /** The workspace-local date it is for, yyyy-MM-dd. */
  readonly localDate: string;
  readonly title: string;
  readonly sections: readonly DigestSection[];
  /** Items left out past the length limit, and the command that lists them all. */
  readonly overflow: { readonly count: number; readonly command: string } | null;
  /** Extra remarks, e.g. "posted late" or "yesterday's digest was missed". */
  readonly notices: readonly string[];
}

export interface DigestSection {
  readonly group: NudgeGroup;
  readonly heading: string;
  readonly items: readonly DigestItem[];
}

export interface DigestItem {
  readonly nudgeId: string;
  readonly clientId: string;
  readonly clientName: string;
  readonly ownerId: string | null;
  readonly title: string;
  readonly context: readonly string[];
  /** The message the item is about, for a link where the platform has one. */
  readonly source?: MessageSource;
}
