import type { Client, Direction, Interaction, InteractionKind, InteractionSource, Mood, Reply, ReplySection, Workspace } from '../model/index.js';
import type { NewInteraction, WorkspaceStore } from '../ports/index.js';
import { interactionEffects, type InteractionEffects, type MessageTrail } from '../care/interaction-effects.js';
import { reply, type CommandEnv } from './command.js';
import { formatMoment } from './format.js';

export interface LogEntry {
  readonly client: Client;
  readonly kind: InteractionKind;
  readonly direction: Direction;
  readonly mood: Mood | null;
  readonly summary: string;
  readonly contactName: string | null;
  readonly occurredAt: Date;
  readonly source: InteractionSource;
}

/** What writing one interaction did: the row, what it means, and how many open items it closed. */
export interface WrittenInteraction {
  readonly interaction: Interaction;
  readonly effects: InteractionEffects;
  readonly closed: number;
}

/**
 * Writes one interaction and what it means for the relationship: follow-ups opened or closed, the
 * client's clocks moved on, a gift remembered. Shared by `/client log`, the forms and recordMessage.
 */
export async function writeInteraction(
  store: WorkspaceStore,
  workspace: Workspace,
  input: NewInteraction & { readonly trail?: MessageTrail },
): Promise<WrittenInteraction> {
  const { trail, ...row } = input;
  const interaction = await store.recordInteraction(row);
  if (row.kind === 'gift') {
    await store.recordGift({ clientId: row.clientId, description: row.summary, occasion: null, givenAt: row.occurredAt, loggedById: row.loggedById });
  }
  const openFollowUps = await store.listOpenFollowUps(row.clientId);
  const effects = interactionEffects({ interaction, openFollowUps, workspace, policy: workspace.policy, ...(trail ? { trail } : {}) });
  const closed = await store.closeFollowUps({ clientId: row.clientId, ids: effects.close.map((f) => f.id), closedAt: row.createdAt, closedById: row.loggedById });
  for (const followUp of effects.open) await store.openFollowUp(followUp);
  await store.touchClient(row.clientId, effects.touch);
  return { interaction, effects, closed };
}

/** Records one interaction a person logged, and answers with what it did. */
export async function recordInteraction(env: CommandEnv, entry: LogEntry): Promise<Reply> {
  const { store, workspace, now } = env;
  const { effects, closed } = await writeInteraction(store, workspace, {
    clientId: entry.client.id,
    kind: entry.kind,
    direction: entry.direction,
    mood: entry.mood,
    summary: entry.summary,
    contactName: entry.contactName,
    loggedById: env.actor.id,
    occurredAt: entry.occurredAt,
    createdAt: now,
    source: entry.source,
    externalRef: null,
  });

  const when = formatMoment(entry.occurredAt, workspace.timeZone);
  const sections: ReplySection[] = [];
  if (effects.guidance.length > 0) sections.push({ title: 'Before you reply', lines: effects.guidance });
  const followUpLines = [
    ...(closed > 0 ? [`Closed ${closed === 1 ? 'an open item' : `${closed} open items`} for ${entry.client.name}.`] : []),
    ...effects.open.map((f) => (f.kind === 'reply' ? `Opened: awaiting our reply to their ${f.channel === 'chat' ? 'message' : (f.channel ?? 'message').replace('-', ' ')}: ${f.summary}` : `Opened: ${f.summary}`)),
  ];
  if (followUpLines.length > 0) sections.push({ title: 'Follow-ups', lines: followUpLines });
  const moodText = entry.mood ? `, mood ${entry.mood}` : '';
  return reply(`Logged ${describeKind(entry.kind, entry.direction)} with ${entry.client.name} (${when}${moodText}): ${entry.summary}`, {
    sections,
    visibility: workspace.policy.logVisibleToChannel ? 'channel' : 'private',
  });
}

function describeKind(kind: InteractionKind, direction: Direction): string {
  if (kind === 'call' || kind === 'message') return direction === 'in' ? `an inbound ${kind}` : direction === 'out' ? `an outbound ${kind}` : `a ${kind}`;
  const words: Partial<Record<InteractionKind, string>> = {
    'email-in': 'an email from them',
    'email-out': 'an email to them',
    'status-update': 'a status update',
    'advice-asked': 'asking their advice',
    apology: 'an apology',
    complaint: 'a complaint',
    mistake: 'a mistake',
    meeting: 'a meeting',
    referral: 'a referral',
    resolution: 'a resolution',
    feedback: 'feedback',
    gift: 'a gift',
    note: 'a note',
  };
  return words[kind] ?? kind;
}
