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
import { cachedDirectory, directoryChanged } from './directory-cache.js';
import { NotInWorkspaceError, requireMember, type Scope } from './scope.js';
import { groupBy, inChunks } from './chunks.js';
import { Prisma } from './generated/sqlite/client.js';

/**
 * Aliases of the clients a condition selects, in one query: the condition goes to the database as a
 * subquery, never as a list of client ids (a relation `include` would send one parameter per client).
 */
async function aliasesWhere(scope: Scope, clients: Prisma.ClientWhereInput): Promise<Map<string, { alias: string }[]>> {
  const rows = await scope.db.clientAlias.findMany({
    where: { workspaceId: scope.workspaceId, client: clients },
    select: { clientId: true, alias: true },
    orderBy: [{ clientId: 'asc' }, { alias: 'asc' }],
  });
  return groupBy(rows, (r) => r.clientId);
}

/** Aliases of a bounded list of clients, by id in slices. */
export async function aliasesOf(scope: Scope, clientIds: readonly string[]): Promise<Map<string, { alias: string }[]>> {
  const rows = await inChunks(clientIds, (ids) =>
    scope.db.clientAlias.findMany({
      where: { workspaceId: scope.workspaceId, clientId: { in: ids } },
      select: { clientId: true, alias: true },
      orderBy: [{ clientId: 'asc' }, { alias: 'asc' }],
    }),
  );
  return groupBy(rows, (r) => r.clientId);
}

/** Client rows -> clients, their aliases read in slices of ids. */
export async function withAliases(scope: Scope, rows: readonly Prisma.ClientGetPayload<object>[]): Promise<Client[]> {
  const aliases = await aliasesOf(scope, rows.map((r) => r.id));
  return rows.map((row) => toClient({ ...row, aliases: aliases.get(row.id) ?? [] }));
}

export function clientDirectory(scope: Scope): Promise<ClientName[]> {
  return cachedDirectory(scope, async () => {
    const where = { workspaceId: scope.workspaceId };
    const [rows, aliases] = await Promise.all([
      scope.db.client.findMany({ where, select: { id: true, name: true }, orderBy: { normalizedName: 'asc' } }),
      aliasesWhere(scope, where),
    ]);
    return rows.map((row) => ({ id: row.id, name: row.name, aliases: (aliases.get(row.id) ?? []).map((a) => a.alias) }));
  });
}

export async function getClient(scope: Scope, clientId: string): Promise<Client | null> {
  const row = await scope.db.client.findFirst({ where: { id: clientId, workspaceId: scope.workspaceId }, include: clientInclude });
  if (row !== null) scope.known?.clients.add(row.id);
  return row === null ? null : toClient(row);
}

export async function listClients(scope: Scope, filter: ClientFilter = {}): Promise<Client[]> {
  const where = { workspaceId: scope.workspaceId, ...filter };
  const [rows, aliases] = await Promise.all([scope.db.client.findMany({ where, orderBy: { normalizedName: 'asc' } }), aliasesWhere(scope, where)]);
  return rows.map((row) => toClient({ ...row, aliases: aliases.get(row.id) ?? [] }));
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

/**
 * The profiles of every client a filter selects, in a fixed number of queries however many clients
 * there are: each table is read once with the client condition as a subquery. With
 * interactionLimit, each client's newest interactions come from one window-function query.
 */
export async function getProfiles(scope: Scope, filter: ClientFilter = {}, options: { readonly interactionLimit?: number } = {}): Promise<ClientProfile[]> {
  const { db, workspaceId } = scope;
  const where: Prisma.ClientWhereInput = { workspaceId, ...filter };
  const of = { workspaceId, client: where };
  const byCreated = [{ clientId: 'asc' as const }, { createdAt: 'asc' as const }, { id: 'asc' as const }];
  const [rows, aliases, owners, contacts, emails, family, likes, notes, dates, interactions, followUps, gifts] = await Promise.all([
    db.client.findMany({ where, orderBy: { normalizedName: 'asc' } }),
    aliasesWhere(scope, where),
    db.member.findMany({ where: { workspaceId, ownedClients: { some: where } } }),
    db.contact.findMany({ where: of, orderBy: byCreated }),
    db.contactEmail.findMany({ where: { workspaceId, contact: { client: where } }, select: { contactId: true, address: true }, orderBy: [{ contactId: 'asc' }, { address: 'asc' }] }),
    db.familyMember.findMany({ where: of, orderBy: byCreated }),
    db.like.findMany({ where: of, orderBy: byCreated }),
    db.note.findMany({ where: of, orderBy: [{ clientId: 'asc' }, { createdAt: 'desc' }, { id: 'desc' }] }),
    db.importantDate.findMany({ where: of, orderBy: [{ clientId: 'asc' }, { monthDay: 'asc' }, { id: 'asc' }] }),
    options.interactionLimit === undefined
      ? db.interaction.findMany({ where: of, orderBy: [{ clientId: 'asc' }, { occurredAt: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }] })
      : newestInteractions(scope, filter, options.interactionLimit),
    db.followUp.findMany({ where: of, orderBy: [{ clientId: 'asc' }, { openedAt: 'desc' }, { id: 'desc' }] }),
    db.gift.findMany({ where: of, orderBy: [{ clientId: 'asc' }, { givenAt: 'desc' }, { id: 'desc' }] }),
  ]);
  const owner = new Map(owners.map((m) => [m.id, toMember(m)]));
  const emailsOf = groupBy(emails, (e) => e.contactId);
  const by = <T extends { clientId: string }>(list: readonly T[]) => groupBy(list, (r) => r.clientId);
  const [contactsOf, familyOf, likesOf, notesOf, datesOf, interactionsOf, followUpsOf, giftsOf] = [
    by(contacts), by(family), by(likes), by(notes), by(dates), by(interactions), by(followUps), by(gifts),
  ];
  return rows.map((row) => ({
    client: toClient({ ...row, aliases: aliases.get(row.id) ?? [] }),
    owner: row.ownerId === null ? null : (owner.get(row.ownerId) ?? null),
    contacts: (contactsOf.get(row.id) ?? []).map((c) => toContact({ ...c, emails: emailsOf.get(c.id) ?? [] })),
    family: (familyOf.get(row.id) ?? []).map(toFamilyMember),
    likes: (likesOf.get(row.id) ?? []).map(toLike),
    notes: (notesOf.get(row.id) ?? []).map(toNote),
    dates: (datesOf.get(row.id) ?? []).map(toDate),
    interactions: (interactionsOf.get(row.id) ?? []).map(toInteraction),
    followUps: (followUpsOf.get(row.id) ?? []).map(toFollowUp),
    gifts: (giftsOf.get(row.id) ?? []).map(toGift),
  }));
}

/** Each selected client's `limit` newest interactions (newest first), in one query on both providers. */
async function newestInteractions(scope: Scope, filter: ClientFilter, limit: number): Promise<InteractionRow[]> {
  if (limit <= 0) return [];
  const conditions = [Prisma.sql`c."workspaceId" = ${scope.workspaceId}`];
  if (filter.ownerId !== undefined) conditions.push(Prisma.sql`c."ownerId" = ${filter.ownerId}`);
  if (filter.tier !== undefined) conditions.push(Prisma.sql`c."tier" = ${filter.tier}`);
  if (filter.status !== undefined) conditions.push(Prisma.sql`c."status" = ${filter.status}`);
  const rows = await scope.db.$queryRaw<(InteractionRow & { rn: unknown })[]>`
    SELECT * FROM (
      SELECT i.*, ROW_NUMBER() OVER (PARTITION BY i."clientId" ORDER BY i."occurredAt" DESC, i."createdAt" DESC, i."id" DESC) AS rn
      FROM "Interaction" i JOIN "Client" c ON c."id" = i."clientId"
      WHERE i."workspaceId" = ${scope.workspaceId} AND ${Prisma.join(conditions, ' AND ')}
    ) t
    WHERE t.rn <= ${limit}
    ORDER BY t."clientId", t.rn`;
  return rows.map(({ rn: _rn, ...row }) => row);
}

type InteractionRow = Prisma.InteractionGetPayload<object>;

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
  await directoryChanged(scope);
  return toClient(row);
}

export async function updateClient(scope: Scope, clientId: string, patch: ClientPatch): Promise<Client> {
  const { db, workspaceId } = scope;
  const { addAliases = [], ...fields } = patch;
  await requireMember(scope, fields.ownerId);
  // An update with nothing to set reports 0 rows on SQLite even when the client is there (only aliases are added).
  const count = Object.keys(fields).length > 0 ? (await db.client.updateMany({ where: { id: clientId, workspaceId }, data: fields })).count : await db.client.count({ where: { id: clientId, workspaceId } });
  if (count === 0) throw new NotInWorkspaceError('client', clientId);
  if (addAliases.length > 0) {
    await db.clientAlias.createMany({
      data: addAliases.map((a) => ({ workspaceId, clientId, alias: a.alias, normalized: a.normalized })),
    });
  }
  if (addAliases.length > 0 || fields.name !== undefined || fields.normalizedName !== undefined) await directoryChanged(scope);
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
  scope.known?.clients.delete(clientId);
  const { count } = await scope.db.client.deleteMany({ where: { id: clientId, workspaceId: scope.workspaceId } });
  if (count > 0) await directoryChanged(scope);
}
