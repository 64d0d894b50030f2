import { distance } from 'fastest-levenshtein';
import type { ClientName } from '../ports/index.js';
import { fail, succeed, type Outcome } from './outcome.js';

/** The lookup key of a name: case, accents, punctuation runs and extra spaces folded. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}&@.+-]+/gu, ' ')
    .trim();
}

export const MAX_NAME_LENGTH = 120;

/** Checks a name a person typed for a new client, contact or family member. */
export function validateName(raw: string, what: string): Outcome<string> {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name === '') return fail('name.empty', `The ${what} needs a name.`);
  if (name.length > MAX_NAME_LENGTH) return fail('name.too-long', `That ${what} name is ${name.length} characters; keep it under ${MAX_NAME_LENGTH}.`);
  if (normalizeName(name) === '') return fail('name.no-letters', `A ${what} name needs at least one letter or digit.`);
  return succeed(name);
}

export type NameMatch =
  | { readonly kind: 'found'; readonly client: ClientName }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly ClientName[] }
  | { readonly kind: 'none'; readonly nearMisses: readonly ClientName[] };

/**
 * Finds the client a person meant: an exact name or alias first, then a unique prefix (of the
 * name, an alias, or any word of the name), then near misses for "did you mean ...?".
 */
export function matchClient(typed: string, directory: readonly ClientName[]): NameMatch {
  const key = normalizeName(typed);
  if (key === '') return { kind: 'none', nearMisses: [] };
  const keysOf = (c: ClientName) => [normalizeName(c.name), ...c.aliases.map(normalizeName)];

  const exact = directory.filter((c) => keysOf(c).includes(key));
  if (exact.length === 1) return { kind: 'found', client: exact[0]! };
  if (exact.length > 1) return { kind: 'ambiguous', candidates: exact };

  const prefixed = directory.filter((c) =>
    keysOf(c).some((k) => k.startsWith(key) || k.split(' ').some((word) => word.startsWith(key))),
  );
  if (prefixed.length === 1) return { kind: 'found', client: prefixed[0]! };
  if (prefixed.length > 1) return { kind: 'ambiguous', candidates: prefixed.slice(0, 5) };

  // A one- or two-letter word is too short to guess from: it is a few edits from almost any short name.
  if (key.length < 3) return { kind: 'none', nearMisses: [] };
  const limit = key.length <= 5 ? 1 : Math.max(2, Math.floor(key.length / 3));
  const scored = directory
    .map((c) => ({ c, d: Math.min(...keysOf(c).flatMap((k) => [distance(key, k), distance(key, k.slice(0, key.length))])) }))
    .filter(({ d }) => d <= limit)
    .sort((a, b) => a.d - b.d || a.c.name.localeCompare(b.c.name));
  return { kind: 'none', nearMisses: scored.slice(0, 3).map(({ c }) => c) };
}
