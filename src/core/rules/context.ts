import type { Client, Contact, FamilyMember, FollowUp, FollowUpKind, Gift, Interaction, Like, MessageSource, Nudge, NudgeGroup } from '../model/index.js';
import type { CareSnapshot } from '../ports/care-snapshot.js';
import { localDateOf, type LocalDate, type WorkCalendar } from '../time/index.js';
import { whenAgo } from '../time/relative.js';
import { nudgeId } from './nudge-id.js';

/** The snapshot's lists keyed by client, built once per snapshot and shared by every rule. */
export interface SnapshotIndex {
  readonly snapshot: CareSnapshot;
  readonly cal: WorkCalendar;
  readonly clients: ReadonlyMap<string, Client>;
  likes(clientId: string): readonly Like[];
  family(clientId: string): readonly FamilyMember[];
  contacts(clientId: string): readonly Contact[];
  gifts(clientId: string): readonly Gift[];
  lastInteraction(clientId: string): Interaction | undefined;
  today(now: Date): LocalDate;
}

const cache = new WeakMap<CareSnapshot, SnapshotIndex>();

function group<T extends { clientId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.clientId);
    if (list) list.push(row);
    else map.set(row.clientId, [row]);
  }
  return map;
}

export function indexSnapshot(snapshot: CareSnapshot): SnapshotIndex {
  const hit = cache.get(snapshot);
  if (hit) return hit;
  const likes = group(snapshot.likes);
  const family = group(snapshot.family);
  const contacts = group(snapshot.contacts);
  const gifts = group(snapshot.recentGifts);
  const last = new Map<string, Interaction>();
  for (const i of snapshot.lastInteractions) {
    const prev = last.get(i.clientId);
    if (!prev || prev.occurredAt < i.occurredAt) last.set(i.clientId, i);
  }
  const index: SnapshotIndex = {
    snapshot,
    cal: snapshot.workspace,
    clients: new Map(snapshot.clients.map((c) => [c.id, c])),
    likes: (id) => likes.get(id) ?? [],
    family: (id) => family.get(id) ?? [],
    contacts: (id) => contacts.get(id) ?? [],
    gifts: (id) => gifts.get(id) ?? [],
    lastInteraction: (id) => last.get(id),
    today: (now) => localDateOf(now, snapshot.workspace.timeZone),
  };
  cache.set(snapshot, index);
  return index;
}

/** Proactive care (dates, gifts, keeping in touch, advice) is for active clients only. */
export function isActive(client: Client): boolean {
  return client.status === 'active';
}

/** Open items (replies, complaints, apologies) still matter for a paused client, not a former one. */
export function isFollowedUp(client: Client): boolean {
  return client.status !== 'former';
}

/** Open follow-ups of a kind that are not snoozed past `now`. */
export function dueFollowUps(snapshot: CareSnapshot, kinds: readonly FollowUpKind[], now: Date): FollowUp[] {
  return snapshot.openFollowUps
    .filter((f) => kinds.includes(f.kind) && f.state !== 'done' && f.closedAt === null)
    .filter((f) => f.snoozedUntil === null || f.snoozedUntil <= now)
    .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.id.localeCompare(b.id));
}

/** Honorifics and titles that come before a name; a trailing dot is optional ("Dr" or "Dr."). */
const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'revd', 'fr', 'hon', 'capt', 'col', 'maj', 'gen', 'herr', 'frau', 'mme', 'mlle']);
/** "J", "J.", "J.R." or "JR.": an initial is not a name to greet someone by. */
const INITIAL = /^(?:\p{L}\.?|(?:\p{L}\.){1,3}\p{L}?\.?|\p{Lu}{2}\.)$/u;

/**
 * The name to use in a sentence ("Priya loves tennis"): the first word after any titles, unless
 * that word is an initial or the only word left (a surname after a title); in doubt, the full name.
 */
export function firstName(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => w.length > 0);
  let start = 0;
  while (start < words.length && TITLES.has(words[start]!.replace(/\.$/, '').toLowerCase())) start += 1;
  const first = words[start];
  if (first === undefined || INITIAL.test(first)) return words.join(' ') || name;
  if (start > 0 && words.length - start < 2) return words.join(' ');
  return first;
}

/**
 * How a colleague refers to the client in a sentence: the first name of its key person (the first
 * contact) when the client is an organisation with people on file, else the client's first name.
 * "Jane loves pinot noir", not "Acme loves pinot noir".
 */
export function callName(ix: Pick<SnapshotIndex, 'contacts'>, client: Pick<Client, 'id' | 'name'>): string {
  const keyPerson = ix.contacts(client.id)[0];
  return firstName(keyPerson && keyPerson.name !== client.name ? keyPerson.name : client.name);
}

export function quote(text: string, max = 70): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `“${clean.length > max ? `${clean.slice(0, max - 1)}…` : clean}”`;
}

const KIND_WORDS: Record<string, string> = {
  call: 'call',
  'email-in': 'email from them',
  'email-out': 'email to them',
  meeting: 'meeting',
  message: 'message',
  complaint: 'complaint',
  'status-update': 'status update',
  resolution: 'resolution',
  gift: 'gift',
  referral: 'referral',
  mistake: 'mistake logged',
  apology: 'apology',
  feedback: 'feedback',
  'advice-asked': 'asked their advice',
  note: 'note',
};

export function lastContactLine(ix: SnapshotIndex, clientId: string, now: Date): string {
  const last = ix.lastInteraction(clientId);
  if (!last) return 'Nothing logged with them yet.';
  const when = whenAgo(now, last.occurredAt, ix.cal.timeZone);
  const summary = last.summary.trim() ? `: ${quote(last.summary)}` : '';
  return `Last contact: ${KIND_WORDS[last.kind] ?? last.kind}, ${when}${summary}.`;
}

export function likesLine(ix: SnapshotIndex, clientId: string): string | null {
  const likes = ix.likes(clientId);
  return likes.length ? `Loves: ${likes.map((l) => l.value).join(', ')}.` : null;
}

export function familyLine(ix: SnapshotIndex, clientId: string): string | null {
  const family = ix.family(clientId);
  return family.length ? `Family: ${family.map((f) => `${f.name} (${f.relation})`).join(', ')}.` : null;
}

/** Family as a conversation starter: "Ask after Tom (husband) and Mia (daughter)." */
export function askAfterLine(ix: SnapshotIndex, clientId: string): string | null {
  const names = ix.family(clientId).map((f) => `${f.name} (${f.relation})`);
  if (names.length === 0) return null;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Ask after ${list}.`;
}

export function contactLine(ix: SnapshotIndex, clientId: string): string | null {
  const contact = ix.contacts(clientId)[0];
  if (!contact) return null;
  return `Contact: ${contact.name}${contact.role ? ` (${contact.role})` : ''}${contact.phone ? `, ${contact.phone}` : ''}.`;
}

export function lines(...items: (string | null | undefined | false)[]): string[] {
  return items.filter((l): l is string => typeof l === 'string' && l.length > 0);
}

/** Builds a nudge with its stable id from rule + subject + occurrence. */
export function makeNudge(input: {
  readonly rule: string;
  readonly subject: string;
  readonly occurrence: string;
  readonly client: Client;
  readonly group: NudgeGroup;
  readonly urgency: number;
  readonly title: string;
  /**
   * Context lines, or how to make them: a digest shows a few dozen of the nudges it plans, so lines
   * (gift ideas, the last contact) are built the first time a nudge's context is read, not before.
   */
  readonly context: readonly string[] | (() => readonly string[]);
  readonly triggeredAt: Date;
  readonly followUpId?: string | null;
  readonly sweep?: boolean;
  readonly source?: MessageSource | undefined;
}): Nudge {
  const make = input.context;
  let context = typeof make === 'function' ? null : make;
  const nudge = {
    id: nudgeId(input.rule, input.subject, input.occurrence),
    rule: input.rule,
    clientId: input.client.id,
    clientName: input.client.name,
    ownerId: input.client.ownerId,
    group: input.group,
    urgency: input.urgency,
    title: input.title,
    get context(): readonly string[] {
      context ??= (make as () => readonly string[])();
      return context;
    },
    triggeredAt: input.triggeredAt,
    followUpId: input.followUpId ?? null,
    sweep: input.sweep ?? false,
    ...(input.source ? { source: input.source } : {}),
  };
  return nudge;
}
