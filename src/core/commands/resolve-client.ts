import type { Client } from '../model/index.js';
import type { WorkspaceStore } from '../ports/index.js';
import { matchClient, normalizeName } from './names.js';
import { fail, succeed, type Outcome } from './outcome.js';
import { quoteIfNeeded, type Token } from './tokenize.js';

export interface ResolvedClient {
  readonly client: Client;
  /** The words after the client's name. */
  readonly rest: readonly Token[];
}

/**
 * Reads the client named at the start of `words`. A multi-word name may be quoted, typed in full
 * (the longest run of words that is exactly a name or alias wins), or shortened to a unique prefix.
 * `retry` rebuilds the command line with another name, for "did you mean" suggestions.
 */
export async function resolveClient(
  store: WorkspaceStore,
  words: readonly Token[],
  retry: (name: string) => string,
): Promise<Outcome<ResolvedClient>> {
  const first = words[0];
  if (first === undefined) return fail('client.missing', 'Which client? Give a name (quote it if it has spaces).');
  const directory = await store.clientDirectory();
  if (!first.quoted) {
    for (let n = Math.min(words.length, 8); n >= 2; n--) {
      const span = normalizeName(words.slice(0, n).map((w) => w.text).join(' '));
      const hits = directory.filter((c) => normalizeName(c.name) === span || c.aliases.some((a) => normalizeName(a) === span));
      if (hits.length === 1) return found(store, hits[0]!.id, words.slice(n));
    }
  }
  const match = matchClient(first.text, directory);
  if (match.kind === 'found') return found(store, match.client.id, words.slice(1));
  if (match.kind === 'ambiguous') {
    const names = match.candidates.map((c) => c.name);
    return fail('client.ambiguous', `"${first.text}" matches ${names.length} clients: ${names.join(', ')}. Type more of the name.`, names.map((n) => retry(quoteIfNeeded(n))));
  }
  if (match.nearMisses.length > 0) {
    const names = match.nearMisses.map((c) => c.name);
    return fail('client.unknown', `No client called "${first.text}". Did you mean ${names.map((n) => `"${n}"`).join(' or ')}?`, names.map((n) => retry(quoteIfNeeded(n))));
  }
  return fail('client.unknown', `No client called "${first.text}". Add it first: /client add ${quoteIfNeeded(first.text)}`, [`/client add ${quoteIfNeeded(first.text)}`]);
}

async function found(store: WorkspaceStore, clientId: string, rest: readonly Token[]): Promise<Outcome<ResolvedClient>> {
  const client = await store.getClient(clientId);
  if (client === null) return fail('client.unknown', 'That client was just removed.');
  return succeed({ client, rest });
}
