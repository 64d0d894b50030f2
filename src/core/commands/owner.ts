import type { Member } from '../model/index.js';
import type { CommandEnv } from './command.js';
import { refuse } from './outcome.js';

/**
 * Reads an owner: "me", a platform mention (<@U123>, <@!123>) or @name of someone Rapport has met.
 * Absent means the person running the command.
 */
export async function resolveOwner(env: CommandEnv, text: string | undefined): Promise<Member> {
  if (text === undefined || text.toLowerCase() === 'me') return env.actor;
  const id = /^<@!?([A-Za-z0-9_.-]+)(\|[^>]*)?>$/.exec(text)?.[1];
  if (id !== undefined) {
    return (await env.store.findMember(id)) ?? (await env.store.ensureMember(id, /\|([^>]+)>$/.exec(text)?.[1] ?? id));
  }
  const byName = /^@?(.+)$/.exec(text)?.[1]?.toLowerCase();
  const members = byName ? await env.store.findMember(byName) : null;
  if (members) return members;
  return refuse('owner.unknown', `I don't know "${text}" yet. Mention them (@name) so the platform sends their id, or use owner:me.`);
}
