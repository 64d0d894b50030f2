// Clients of one workspace: directory, lookups, profile, writes. Updates and deletes go through
// updateMany/deleteMany with { id, workspaceId }, so an id from another workspace matches nothing.
import type { Client, ClientProfile } from '../../core/model/index.js';
import type { ClientFilter, ClientName, ClientPatch, ClientTouch, NewClient } from '../../core/ports/store.js';
import {
  clientInclude,
  contactInclude,
  toClient,
  toContact,
  toDate,
  toFamilyMember,
  toFollowUp,
  toGift,
  toInteraction,
  toLike,
  toMember,
  toNote,
} from './rows.js';
import { NotInWorkspaceError, requireMember, type Scope } from './scope.js';

export async function clientDirectory(scope: Scope): Promise<ClientName[]> {
  const rows = await scope.db.client.findMany({
    where: { workspaceId: scope.workspaceId },
    select: { id: true, name: true, aliases: { select: { alias: true }, orderBy: { alias: 'asc' } } },
    orderBy: { normalizedName: 'asc' },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, aliases: row.aliases.map((a) => a.alias) }));
}

export async function getClient(scope: Scope, clientId: string): Promise<Client | null> {
  const row = await scope.db.client.findFirst({ where: { id: clientId, workspaceId: scope.workspaceId }, include: clientInclude });
  return row === null ? null : toClient(row);
}

export async function listClients(scope: Scope, filter: ClientFilter = {}): Promise<Client[]> {
  const rows = await scope.db.client.findMany({
    where: { workspaceId: scope.workspaceId, ...filter },
    include: clientInclude,
    orderBy: { normalizedName: 'asc' },
  });
  return rows.map(toClient);
}

export async function getProfile(scope: Scope, clientId: string, options: { readonly interactionLimit?: number } = {}): Promise<ClientProfile | null> {
  const { db, workspaceId } = scope;
  const row = await db.client.findFirst({ where: { id: clientId, workspaceId }, include: { ...clientInclude, owner: true } });
  if (row === null) return null;
  // Child rows carry workspaceId too; filtering by it as well keeps every query tenant-scoped.
  const of = { clientId, workspaceId };
  const [contacts, family, likes, notes, dates, interactions, followUps, gifts] = await Promise.all([
    db.contact.findMany({ where: of, include: contactInclude, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.familyMember.findMany({ where: of, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.like.findMany({ where: of, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.note.findMany({ where: of, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    db.importantDate.findMany({ where: of, orderBy: [{ monthDay: 'asc' }, { id: 'asc' }] }),
    db.interaction.findMany({
      where: of,
      orderBy: [{ occurredAt: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
      ...(options.interactionLimit === undefined ? {} : { take: options.interactionLimit }),
    }),
    db.followUp.findMany({ where: of, orderBy: [{ openedAt: 'desc' }, { id: 'desc' }] }),
    db.gift.findMany({ where: of, orderBy: [{ givenAt: 'desc' }, { id: 'desc' }] }),
  ]);
  return {
    client: toClient(row),
    owner: row.owner === null ? null : toMember(row.owner),
    contacts: contacts.map(toContact),
    family: family.map(toFamilyMember),
    likes: likes.map(toLike),
    notes: notes.map(toNote),
    dates: dates.map(toDate),
    interactions: interactions.map(toInteraction),
    followUps: followUps.map(toFollowUp),
    gifts: gifts.map(toGift),
  };
}

export async function createClient(scope: Scope, input: NewClient): Promise<Client> {
  const { workspaceId } = scope;
  await requireMember(scope, input.ownerId);
  const row = await scope.db.client.create({
    data: {
      workspaceId,
      name: input.name,
      normalizedName: input.normalizedName,
      ownerId: input.ownerId,
      tier: input.tier,
      status: input.status,
      platformUserId: input.platformUserId,
      createdAt: input.createdAt,
      aliases: { create: input.aliases.map((a) => ({ workspaceId, alias: a.alias, normalized: a.normalized })) },
    },
    include: clientInclude,
  });
  return toClient(row);
}

export async function updateClient(scope: Scope, clientId: string, patch: ClientPatch): Promise<Client> {
  const { db, workspaceId } = scope;
  const { addAliases = [], ...fields } = patch;
  await requireMember(scope, fields.ownerId);
  const { count } = await db.client.updateMany({ where: { id: clientId, workspaceId }, data: fields });
  if (count === 0) throw new NotInWorkspaceError('client', clientId);
  if (addAliases.length > 0) {
    await db.clientAlias.createMany({
      data: addAliases.map((a) => ({ workspaceId, clientId, alias: a.alias, normalized: a.normalized })),
    });
  }
  const row = await db.client.findFirst({ where: { id: clientId, workspaceId }, include: clientInclude });
  if (row === null) throw new NotInWorkspaceError('client', clientId);
  return toClient(row);
}

/**
 * Moves each given time forward only. One conditional update per field keeps the later time even
 * when two writers race, without reading first.
 */
export async function touchClient(scope: Scope, clientId: string, touch: ClientTouch): Promise<void> {
  const { db, workspaceId } = scope;
  const fields = ['lastInteractionAt', 'lastGestureAt', 'lastAdviceAt'] as const;
  for (const field of fields) {
    const at = touch[field];
    if (at === undefined) continue;
    await db.client.updateMany({
      where: { id: clientId, workspaceId, OR: [{ [field]: null }, { [field]: { lt: at } }] },
      data: { [field]: at },
    });
  }
}

/** Erases the client; the schema's cascades remove everything recorded about it. */
export async function forgetClient(scope: Scope, clientId: string): Promise<void> {
  await scope.db.client.deleteMany({ where: { id: clientId, workspaceId: scope.workspaceId } });
}
