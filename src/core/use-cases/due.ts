import type { Nudge } from '../model/index.js';
import { compareNudges } from '../digest/index.js';
import type { GiftCatalog } from '../care/gift-catalog.js';
import { dueNudges, type CareReader } from './plan-digest.js';

/**
 * What is due now, for `/client due` (the caller's clients: pass their member id) and
 * `/client due all` (ownerId null or absent). Ordered as the digest orders them, never cut short.
 */
export async function listDue(input: {
  readonly store: CareReader;
  readonly now: Date;
  readonly ownerId?: string | null;
  readonly catalog?: GiftCatalog;
}): Promise<Nudge[]> {
  const { nudges } = await dueNudges(input.store, input.now, input.catalog);
  const mine = input.ownerId ? nudges.filter((n) => n.ownerId === input.ownerId) : nudges;
  return mine.sort(compareNudges);
}
