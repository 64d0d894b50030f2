// Rows -> core entities. Closed sets are stored as strings, so each is checked with the core's zod
// enum here: a row with an unknown kind is a bug (or a hand edit) and fails loudly at the boundary.
import { z } from 'zod';
import {
  ClientStatus,
  DateKind,
  Direction,
  FollowUpKind,
  FollowUpState,
  InteractionKind,
  InteractionSource,
  LikeCategory,
  MessageChannel,
  Mood,
  Platform,
  Tier,
  policyFromStored,
  supportChannelsFromStored,
  type Client,
  type Contact,
  type FamilyMember,
  type FollowUp,
  type Gift,
  type ImportantDate,
  type Interaction,
  type Like,
  type Member,
  type Note,
  type NudgeAck,
  type Workspace,
} from '../../core/model/index.js';
import type * as Row from './generated/sqlite/client.js';

export function check<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`invalid ${where} in the database: ${JSON.stringify(value)}`);
  return parsed.data;
}

const AckAction = z.enum(['done', 'snoozed']);
const BusinessDays = z.array(z.number().int().min(1).max(7));
const ThreadIds = z.array(z.string());

export function toBusinessDays(stored: string): number[] {
  const days = stored.trim() === '' ? [] : stored.split(',').map((part) => Number(part.trim()));
  return check(BusinessDays, days, 'Workspace.businessDays');
}

export function fromBusinessDays(days: readonly number[]): string {
  return check(BusinessDays, [...days], 'business days').join(',');
}

export function parseSettings(stored: string): unknown {
  try {
    return JSON.parse(stored) as unknown;
  } catch {
    // A broken settings blob falls back to the defaults rather than taking the workspace down.
    return {};
  }
}

export function toWorkspace(row: Row.Workspace): Workspace {
  return {
    id: row.id,
    platform: check(Platform, row.platform, 'Workspace.platform'),
    externalId: row.externalId,
    name: row.name,
    timeZone: row.timeZone,
    digestChannel: row.digestChannel,
    businessDays: toBusinessDays(row.businessDays),
    businessStart: row.businessStart,
    businessEnd: row.businessEnd,
    ...settingsOf(row.settings),
  };
}

/** The policy and the support channels, both kept in the settings blob. */
export function settingsOf(stored: string): Pick<Workspace, 'policy' | 'supportChannels'> {
  const parsed = parseSettings(stored);
  const supportChannels = supportChannelsFromStored(parsed);
  return { policy: policyFromStored(parsed), ...(supportChannels === undefined ? {} : { supportChannels }) };
}

export function toMember(row: Row.Member): Member {
  return { id: row.id, platformUserId: row.platformUserId, displayName: row.displayName };
}

export type ClientWithAliases = Row.Client & { readonly aliases: readonly Pick<Row.ClientAlias, 'alias'>[] };
/** The include that gives toClient what it needs. */
export const clientInclude = { aliases: { select: { alias: true }, orderBy: { alias: 'asc' } } } as const;

export function toClient(row: ClientWithAliases): Client {
  return {
    id: row.id,
    name: row.name,
    aliases: row.aliases.map((a) => a.alias),
    ownerId: row.ownerId,
    tier: check(Tier, row.tier, 'Client.tier'),
    status: check(ClientStatus, row.status, 'Client.status'),
    platformUserId: row.platformUserId,
    lastInteractionAt: row.lastInteractionAt,
    lastGestureAt: row.lastGestureAt,
    lastAdviceAt: row.lastAdviceAt,
    createdAt: row.createdAt,
  };
}

export type ContactWithEmails = Row.Contact & { readonly emails: readonly Pick<Row.ContactEmail, 'address'>[] };
export const contactInclude = { emails: { select: { address: true }, orderBy: { address: 'asc' } } } as const;

export function toContact(row: ContactWithEmails): Contact {
  return {
    id: row.id,
    clientId: row.clientId,
    name: row.name,
    role: row.role,
    phone: row.phone,
    emails: row.emails.map((e) => e.address),
  };
}

export function toFamilyMember(row: Row.FamilyMember): FamilyMember {
  return { id: row.id, clientId: row.clientId, relation: row.relation, name: row.name };
}

export function toLike(row: Row.Like): Like {
  return { id: row.id, clientId: row.clientId, category: check(LikeCategory, row.category, 'Like.category'), value: row.value };
}

export function toNote(row: Row.Note): Note {
  return { id: row.id, clientId: row.clientId, authorId: row.authorId, text: row.text, createdAt: row.createdAt };
}

export function toDate(row: Row.ImportantDate): ImportantDate {
  return {
    id: row.id,
    clientId: row.clientId,
    familyMemberId: row.familyMemberId,
    kind: check(DateKind, row.kind, 'ImportantDate.kind'),
    label: row.label,
    month: row.month,
    day: row.day,
    year: row.year,
  };
}

export function toInteraction(row: Row.Interaction): Interaction {
  return {
    id: row.id,
    clientId: row.clientId,
    kind: check(InteractionKind, row.kind, 'Interaction.kind'),
    direction: check(Direction, row.direction, 'Interaction.direction'),
    mood: row.mood === null ? null : check(Mood, row.mood, 'Interaction.mood'),
    summary: row.summary,
    contactName: row.contactName,
    loggedById: row.loggedById,
    occurredAt: row.occurredAt,
    source: check(InteractionSource, row.source, 'Interaction.source'),
    externalRef: row.externalRef,
  };
}

export function toFollowUp(row: Row.FollowUp): FollowUp {
  return {
    id: row.id,
    clientId: row.clientId,
    interactionId: row.interactionId,
    kind: check(FollowUpKind, row.kind, 'FollowUp.kind'),
    state: check(FollowUpState, row.state, 'FollowUp.state'),
    summary: row.summary,
    openedAt: row.openedAt,
    snoozedUntil: row.snoozedUntil,
    closedAt: row.closedAt,
    source: check(InteractionSource, row.source, 'FollowUp.source'),
    externalRef: row.externalRef,
    channel: row.channel === null ? null : check(MessageChannel, row.channel, 'FollowUp.channel'),
    threadIds: check(ThreadIds, JSON.parse(row.threadIds), 'FollowUp.threadIds'),
  };
}

export function toGift(row: Row.Gift): Gift {
  return { id: row.id, clientId: row.clientId, description: row.description, occasion: row.occasion, givenAt: row.givenAt };
}

export function toNudgeAck(row: Row.NudgeAck): NudgeAck {
  return { nudgeId: row.nudgeId, action: check(AckAction, row.action, 'NudgeAck.action'), until: row.until, actorId: row.actorId, at: row.at };
}
