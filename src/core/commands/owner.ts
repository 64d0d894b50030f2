import type { Member } from '../model/index.js';
import type { CommandEnv } from './command.js';
import { refuse } from './outcome.js';

/** A platform mention as Slack and Discord send it: <@U123>, <@!123>, or <@U123|name>. */
export function mentionOf(text: string): { readonly id: string; readonly name: string | null } | null {
  const m = /^<@!?([A-Za-z0-9_.-]+)(?:\|([^>]+))?>$/.exec(text);
  return m ? { id: m[1]!, name: m[2] ?? null } : null;
}

/**
 * Reads an owner: "me", a platform mention (<@U123>, <@!123>) or @name of someone Rapport has met.
 * Absent means the person running the command.
 */
export async function resolveOwner(env: CommandEnv, text: string | undefined): Promise<Member> {
  if (text === undefined || text.toLowerCase() === 'me') return env.actor;
  const mention = mentionOf(text);
  if (mention !== null) {
    return (await env.store.findMember(mention.id)) ?? (await env.store.ensureMember(mention.id, mention.name ?? mention.id));
  }
  const byName = /^@?(.+)$/.exec(text)?.[1]?.toLowerCase();
  const members = byName ? await env.store.findMember(byName) : null;
  if (members) return members;
  return refuse('owner.unknown', `I don't know "${text}" yet. Mention them (@name) so the platform sends their id, or use owner:me.`);
}
