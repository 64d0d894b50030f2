import type { Client, InteractionKind, InteractionSource, MessageChannel, Workspace } from '../model/index.js';
import type { Store, WorkspaceStore } from '../ports/index.js';
import { readText } from '../commands/arguments.js';
import { writeInteraction } from '../commands/record-interaction.js';

/**
 * A message that crossed between the team and a client with no person typing it: an email the
 * mail watcher saw, a post in a Discord support channel, a staff reply in its thread.
 */
export interface MessageEvent {
  readonly direction: 'in' | 'out';
  readonly channel: MessageChannel;
  readonly occurredAt: Date;
  /**
   * Who the client is: a contact's email address, a platform member linked to a client, or the
   * client itself. An outbound reply may name nobody: its thread ids find what it answers.
   */
  readonly party?: { readonly by: 'email'; readonly address: string } | { readonly by: 'member'; readonly platformUserId: string } | { readonly by: 'client'; readonly clientId: string };
  /** The message's own id (a Message-ID, a platform message id): the same message is never recorded twice. */
  readonly externalId: string;
  /** Ids of the thread it belongs to (Message-ID, In-Reply-To, References; a platform thread id). */
  readonly threadIds?: readonly string[];
  /** What the nudge shows: a subject or a short snippet. */
  readonly summary: string;
  /** Which adapter saw it: 'mail', 'discord', … */
  readonly source: InteractionSource;
  /** The team member who sent an outbound message, when the platform says. */
  readonly sender?: { readonly platformUserId: string; readonly displayName: string };
}

export type MessageOutcome =
  | { readonly status: 'recorded'; readonly clientId: string; readonly opened: number; readonly closed: number }
  | { readonly status: 'duplicate' }
  /** Nobody Rapport knows: an unknown sender, or a reply to nothing open. Nothing was written. */
  | { readonly status: 'unmatched' };

/** Longest summary kept from a message: what a nudge needs, never a whole body. */
export const MESSAGE_SUMMARY_LENGTH = 200;

/**
 * Records a message as an interaction, in one transaction: an inbound one opens an "awaiting reply"
 * item for its client; an outbound one closes the items it answers: those that came in before it,
 * and, when both carry thread ids, only those in its thread.
 */
export async function recordMessage(store: Store, workspace: Workspace, now: Date, message: MessageEvent): Promise<MessageOutcome> {
  return store.workspace(workspace.id).transaction(async (tx) => {
    if (await tx.findInteractionByRef(message.externalId)) return { status: 'duplicate' };
    const client = await clientOf(tx, message);
    if (client === null) return { status: 'unmatched' };
    const sender = message.direction === 'out' && message.sender ? await tx.ensureMember(message.sender.platformUserId, message.sender.displayName) : null;
    const summary = clip(message.summary);
    const { effects, closed } = await writeInteraction(tx, workspace, {
      clientId: client.id,
      ...kindOf(message),
      mood: null,
      summary,
      contactName: null,
      loggedById: sender?.id ?? null,
      occurredAt: message.occurredAt,
      createdAt: now,
      source: message.source,
      externalRef: message.externalId,
      trail: { channel: message.channel, threadIds: message.threadIds ?? [] },
    });
    return { status: 'recorded', clientId: client.id, opened: effects.open.filter((f) => f.kind === 'reply').length, closed };
  });
}

async function clientOf(store: WorkspaceStore, message: MessageEvent): Promise<Client | null> {
  const party = message.party;
  if (party?.by === 'client') return store.getClient(party.clientId);
  if (party?.by === 'email') {
    const contact = await store.findContactByEmail(party.address.trim().toLowerCase());
    if (contact) return store.getClient(contact.clientId);
    if (message.direction === 'in') return null;
  }
  if (party?.by === 'member') {
    const linked = await store.findClientByMember(party.platformUserId);
    if (linked) return linked;
    if (message.direction === 'in') return null;
  }
  // An outbound reply to nobody we know by address: the open item in its thread says whose it is.
  if (message.direction === 'out' && (message.threadIds ?? []).length > 0) {
    const [item] = await store.openFollowUpsInThreads(message.threadIds!);
    return item ? store.getClient(item.clientId) : null;
  }
  return null;
}

function kindOf(message: MessageEvent): { kind: InteractionKind; direction: 'in' | 'out' } {
  const { channel, direction } = message;
  if (channel === 'email') return { kind: direction === 'in' ? 'email-in' : 'email-out', direction };
  return { kind: channel === 'call' ? 'call' : 'message', direction };
}

function clip(text: string): string {
  const read = readText(text.replace(/\s+/g, ' '), 'a summary', 100_000);
  const clean = read.ok ? read.value : '(no subject)';
  return clean.length > MESSAGE_SUMMARY_LENGTH ? `${clean.slice(0, MESSAGE_SUMMARY_LENGTH - 1)}…` : clean;
}
