import type { Client } from '../model/index.js';
import type { ClientRef } from './arguments.js';
import type { CommandEnv } from './command.js';
import { matchClient } from './names.js';
import { fail, succeed, type Outcome } from './outcome.js';
import { quoteIfNeeded } from './tokenize.js';

/**
 * Finds the client a reference means: by id (a form's picker, Discord's autocomplete), or by what a
 * person typed: an exact name or alias, a unique prefix, else "did you mean" with lines to run.
 */
export async function resolveClient(env: Pick<CommandEnv, 'store' | 'suggestLine'>, ref: ClientRef): Promise<Outcome<Client>> {
  if (ref.by === 'id') {
    const client = await env.store.getClient(ref.id);
    return client === null ? fail('client.unknown', 'That client no longer exists.') : succeed(client);
  }
  const typed = ref.name;
  const exact = await env.store.clientsNamed([typed]);
  const match = exact.length === 1 ? { kind: 'found' as const, client: exact[0]! } : matchClient(typed, await env.store.clientDirectory());
  const retry = (name: string) => env.suggestLine?.(quoteIfNeeded(name));
  const lines = (names: readonly string[]) => names.map(retry).filter((l): l is string => l !== undefined);
  if (exact.length === 1) return succeed(exact[0]!);
  if (match.kind === 'found') {
    const client = await env.store.getClient(match.client.id);
    return client === null ? fail('client.unknown', 'That client was just removed.') : succeed(client);
  }
  if (match.kind === 'ambiguous') {
    const names = match.candidates.map((c) => c.name);
    return fail('client.ambiguous', `"${typed}" matches ${names.length} clients: ${names.join(', ')}. Type more of the name.`, lines(names));
  }
  if (match.nearMisses.length > 0) {
    const names = match.nearMisses.map((c) => c.name);
    return fail('client.unknown', `No client called "${typed}". Did you mean ${names.map((n) => `"${n}"`).join(' or ')}?`, lines(names));
  }
  return fail('client.unknown', `No client called "${typed}". Add it first: /client add ${quoteIfNeeded(typed)}`, [`/client add ${quoteIfNeeded(typed)}`]);
}
