// What is recorded about a client: contacts, family, likes, notes, dates, interactions, gifts,
// follow-ups and nudge acknowledgements. Every read and write is filtered by the scope's workspace,
// and every referenced id is checked to belong to it first.
import type { Contact, FamilyMember, FollowUp, Gift, ImportantDate, Interaction, Like, Note, NudgeAck } from '../../core/model/index.js';
import type { FollowUpPatch, NewFollowUp, NewInteraction, WorkspaceStore } from '../../core/ports/store.js';
import {
  contactInclude,
  toContact,
  toDate,
  toFamilyMember,
  toFollowUp,
  toGift,
  toInteraction,
  toLike,
  toNote,
  toNudgeAck,
} from './rows.js';
import { inChunks } from './chunks.js';
import { NotInWorkspaceError, requireClient, requireMember, type Scope } from './scope.js';

type Input<K extends keyof WorkspaceStore> = WorkspaceStore[K] extends (input: infer I) => unknown ? I : never;
const OPEN_STATES = ['open', 'snoozed'];

export async function addContact(scope: Scope, input: Input<'addContact'>): Promise<Contact> {
  await requireClient(scope, input.clientId);
  const { workspaceId } = scope;
  const addresses = [...new Set(input.emails.map((e) => e.trim().toLowerCase()).filter((e) => e !== ''))];
  const row = await scope.db.contact.create({
    data: {
      workspaceId,
      clientId: input.clientId,
      name: input.name,
      role: input.role,
      phone: input.phone,
      emails: { create: addresses.map((address) => ({ workspaceId, address })) },
    },
    include: contactInclude,
  });
  return toContact(row);
}

export async function findContactByEmail(scope: Scope, address: string): Promise<Contact | null> {
  const row = await scope.db.contactEmail.findFirst({
    where: { workspaceId: scope.workspaceId, address: address.trim().toLowerCase() },
    include: { contact: { include: contactInclude } },
  });
  return row === null ? null : toContact(row.contact);
}

export async function addFamilyMember(scope: Scope, input: Input<'addFamilyMember'>): Promise<FamilyMember> {
  await requireClient(scope, input.clientId);
  const row = await scope.db.familyMember.create({ data: { workspaceId: scope.workspaceId, ...input } });
  return toFamilyMember(row);
}

export async function addLike(scope: Scope, input: Input<'addLike'>): Promise<Like> {
  await requireClient(scope, input.clientId);
  const row = await scope.db.like.create({ data: { workspaceId: scope.workspaceId, ...input } });
  return toLike(row);
}

export async function addNote(scope: Scope, input: Input<'addNote'>): Promise<Note> {
  await requireClient(scope, input.clientId);
  await requireMember(scope, input.authorId);
  const row = await scope.db.note.create({ data: { workspaceId: scope.workspaceId, ...input } });
  return toNote(row);
}

export async function addDate(scope: Scope, input: Input<'addDate'>): Promise<ImportantDate> {
  await requireClient(scope, input.clientId);
  if (input.familyMemberId !== null) {
    const family = await scope.db.familyMember.findFirst({
      where: { id: input.familyMemberId, workspaceId: scope.workspaceId, clientId: input.clientId },
      select: { id: true },
    });
    if (family === null) throw new NotInWorkspaceError('family member', input.familyMemberId);
  }
  const row = await scope.db.importantDate.create({
    data: { workspaceId: scope.workspaceId, ...input, monthDay: input.month * 100 + input.day },
  });
  return toDate(row);
}

/** Logs an interaction. It does not move lastInteractionAt: the core decides that with touchClient. */
export async function recordInteraction(scope: Scope, input: NewInteraction): Promise<Interaction> {
  await requireClient(scope, input.clientId);
  await requireMember(scope, input.loggedById);
  const row = await scope.db.interaction.create({ data: { workspaceId: scope.workspaceId, ...input } });
  return toInteraction(row);
}

export async function findInteractionByRef(scope: Scope, externalRef: string): Promise<Interaction | null> {
  const row = await scope.db.interaction.findFirst({ where: { workspaceId: scope.workspaceId, externalRef } });
  return row === null ? null : toInteraction(row);
}

export async function recordGift(scope: Scope, input: Input<'recordGift'>): Promise<Gift> {
  await requireClient(scope, input.clientId);
  await requireMember(scope, input.loggedById);
  const row = await scope.db.gift.create({ data: { workspaceId: scope.workspaceId, ...input } });
  return toGift(row);
}

/** A follow-up that starts later (snoozedUntil set) is stored snoozed until then. */
export async function openFollowUp(scope: Scope, input: NewFollowUp): Promise<FollowUp> {
  await requireClient(scope, input.clientId);
  if (input.interactionId !== null) {
    const interaction = await scope.db.interaction.findFirst({
      where: { id: input.interactionId, workspaceId: scope.workspaceId },
      select: { id: true },
    });
    if (interaction === null) throw new NotInWorkspaceError('interaction', input.interactionId);
  }
  const row = await scope.db.followUp.create({
    data: { workspaceId: scope.workspaceId, ...input, threadIds: JSON.stringify(input.threadIds), state: input.snoozedUntil === null ? 'open' : 'snoozed' },
  });
  return toFollowUp(row);
}

export async function getFollowUp(scope: Scope, followUpId: string): Promise<FollowUp | null> {
  const row = await scope.db.followUp.findFirst({ where: { id: followUpId, workspaceId: scope.workspaceId } });
  return row === null ? null : toFollowUp(row);
}

export async function updateFollowUp(scope: Scope, followUpId: string, patch: FollowUpPatch): Promise<FollowUp> {
  await requireMember(scope, patch.closedById);
  const { count } = await scope.db.followUp.updateMany({ where: { id: followUpId, workspaceId: scope.workspaceId }, data: patch });
  if (count === 0) throw new NotInWorkspaceError('follow-up', followUpId);
  const row = await getFollowUp(scope, followUpId);
  if (row === null) throw new NotInWorkspaceError('follow-up', followUpId);
  return row;
}

export async function closeFollowUps(scope: Scope, input: Input<'closeFollowUps'>): Promise<number> {
  if (input.ids.length === 0) return 0;
  const { count } = await scope.db.followUp.updateMany({
    where: { workspaceId: scope.workspaceId, clientId: input.clientId, id: { in: [...input.ids] }, state: { in: OPEN_STATES } },
    data: { state: 'done', closedAt: input.closedAt, closedById: input.closedById },
  });
  return count;
}

export async function listOpenFollowUps(scope: Scope, clientId?: string): Promise<FollowUp[]> {
  const rows = await scope.db.followUp.findMany({
    where: { workspaceId: scope.workspaceId, state: { in: OPEN_STATES }, ...(clientId === undefined ? {} : { clientId }) },
    orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toFollowUp);
}

export async function saveNudgeAck(scope: Scope, ack: NudgeAck): Promise<void> {
  const { workspaceId } = scope;
  const data = { action: ack.action, until: ack.until, actorId: ack.actorId, at: ack.at };
  await scope.db.nudgeAck.upsert({
    where: { workspaceId_nudgeId: { workspaceId, nudgeId: ack.nudgeId } },
    create: { workspaceId, nudgeId: ack.nudgeId, ...data },
    update: data,
  });
}

export async function getNudgeAcks(scope: Scope, nudgeIds: readonly string[]): Promise<NudgeAck[]> {
  const rows = await inChunks([...new Set(nudgeIds)], (ids) => scope.db.nudgeAck.findMany({ where: { workspaceId: scope.workspaceId, nudgeId: { in: ids } } }));
  return rows.map(toNudgeAck);
}
