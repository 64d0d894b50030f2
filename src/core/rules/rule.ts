import type { Nudge, Policy } from '../model/index.js';
import type { CareSnapshot } from '../ports/care-snapshot.js';

/** A client-care rule: pure, deterministic, `now` as input. */
export type Rule = (now: Date, snapshot: CareSnapshot, policy: Policy) => Nudge[];

export interface NamedRule {
  readonly name: string;
  readonly run: Rule;
}
