import type { Member } from '../model/index.js';
import type { MemberRef } from './arguments.js';
import type { CommandEnv } from './command.js';
import { refuse } from './outcome.js';

/**
 * The person a reference means. Absent means the person running the command. A mention carries the
 * platform's id; a bare @name is someone Rapport has met by that id, or, where the platform names
 * people rather than ids (the console), that person.
 */
export async function resolveMember(env: CommandEnv, ref: MemberRef | undefined): Promise<Member> {
  if (ref === undefined || ref.by === 'self') return env.actor;
  if (ref.by === 'id') return (await env.store.findMember(ref.id)) ?? (await env.store.ensureMember(ref.id, ref.name ?? ref.id));
  const known = (await env.store.findMember(ref.name)) ?? (await env.store.findMember(ref.name.toLowerCase()));
  if (known) return known;
  if (env.mentionsByName) return env.store.ensureMember(ref.name.toLowerCase(), ref.name);
  return refuse('owner.unknown', `I don't know "@${ref.name}" yet. Mention them (@name) so the platform sends their id, or use owner:me.`);
}
