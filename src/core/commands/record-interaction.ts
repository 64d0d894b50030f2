import type { Client, Direction, InteractionKind, InteractionSource, Mood, Reply, ReplySection } from '../model/index.js';
import { interactionEffects } from '../care/interaction-effects.js';
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

/**
 * Records one interaction and what it means for the relationship: follow-ups opened or closed,
 * the client's clocks moved on, a gift remembered. Shared by `/client log` and the log forms.
 */
export async function recordInteraction(env: CommandEnv, entry: LogEntry): Promise<Reply> {
  const { store, workspace, now } = env;
  const interaction = await store.recordInteraction({
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
  if (entry.kind === 'gift') {
    await store.recordGift({ clientId: entry.client.id, description: entry.summary, occasion: null, givenAt: entry.occurredAt, loggedById: env.actor.id });
  }
  const openFollowUps = await store.listOpenFollowUps(entry.client.id);
  const effects = interactionEffects({ interaction, openFollowUps, workspace, policy: workspace.policy });
  let closed = 0;
  if (effects.close.kinds.length > 0) {
    closed = await store.closeFollowUps({ clientId: entry.client.id, kinds: effects.close.kinds, closedAt: now, closedById: env.actor.id });
  }
  for (const followUp of effects.open) await store.openFollowUp(followUp);
  await store.touchClient(entry.client.id, effects.touch);

  const when = formatMoment(entry.occurredAt, workspace.timeZone);
  const sections: ReplySection[] = [];
  if (effects.guidance.length > 0) sections.push({ title: 'Before you reply', lines: effects.guidance });
  const followUpLines = [
    ...(closed > 0 ? [`Closed ${closed === 1 ? 'an open item' : `${closed} open items`} for ${entry.client.name}.`] : []),
    ...effects.open.map((f) => `Opened: ${f.summary}`),
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
