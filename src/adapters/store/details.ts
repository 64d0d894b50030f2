// Corrections to what is known about a client: exact-name lookups for the command grammar, and
// changing or removing one contact, family member, date or like. Scoped to the workspace like
// every other query; an id from elsewhere changes nothing and reports it.
import type { ContactPatch, DetailKind, FamilyPatch, DatePatch } from '../../core/ports/store.js';
import type { Client, Contact, FamilyMember, FollowUp, ImportantDate } from '../../core/model/index.js';
import { normalizeName } from '../../core/commands/names.js';
import { clientInclude, contactInclude, toClient, toContact, toDate, toFamilyMember, toFollowUp } from './rows.js';
import { NotInWorkspaceError, type Scope } from './scope.js';

/** Clients whose name or alias is exactly one of these (folded as normalizeName folds): a handful of keys, never the directory. */
export async function clientsNamed(scope: Scope, names: readonly string[]): Promise<Client[]> {
  const keys = [...new Set(names.map(normalizeName).filter((k) => k !== ''))];
  if (keys.length === 0) return [];
  const { workspaceId } = scope;
  // Two lookups on their unique indexes. One query with "name IN … OR EXISTS (alias …)" cannot use
  // either index, so SQLite walked every client of the workspace for every command that names one.
  const [byName, aliases] = await Promise.all([
    scope.db.client.findMany({ where: { workspaceId, normalizedName: { in: keys } }, include: clientInclude }),
    scope.db.clientAlias.findMany({ where: { workspaceId, normalized: { in: keys } }, select: { clientId: true } }),
  ]);
  const found = new Set(byName.map((row) => row.id));
  const others = [...new Set(aliases.map((a) => a.clientId))].filter((id) => !found.has(id));
  const byAlias = others.length === 0 ? [] : await scope.db.client.findMany({ where: { workspaceId, id: { in: others } }, include: clientInclude });
  const rows = [...byName, ...byAlias].sort((a, b) => (a.normalizedName < b.normalizedName ? -1 : a.normalizedName > b.normalizedName ? 1 : 0));
  for (const row of rows) scope.known?.clients.add(row.id);
  return rows.map(toClient);
}

export async function updateContact(scope: Scope, contactId: string, patch: ContactPatch): Promise<Contact> {
  const { workspaceId } = scope;
  const data = { ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.role !== undefined ? { role: patch.role } : {}), ...(patch.phone !== undefined ? { phone: patch.phone } : {}) };
  // An update with nothing to set reports 0 rows on SQLite even when the contact is there (only emails are added).
  const count = Object.keys(data).length > 0 ? (await scope.db.contact.updateMany({ where: { id: contactId, workspaceId }, data })).count : await scope.db.contact.count({ where: { id: contactId, workspaceId } });
  if (count === 0) throw new NotInWorkspaceError('contact', contactId);
  const addresses = [...new Set((patch.addEmails ?? []).map((e) => e.trim().toLowerCase()))];
  if (addresses.length > 0) await scope.db.contactEmail.createMany({ data: addresses.map((address) => ({ workspaceId, contactId, address })) });
  const row = await scope.db.contact.findFirstOrThrow({ where: { id: contactId, workspaceId }, include: contactInclude });
  return toContact(row);
}

export async function updateFamilyMember(scope: Scope, familyMemberId: string, patch: FamilyPatch): Promise<FamilyMember> {
  const { count } = await scope.db.familyMember.updateMany({ where: { id: familyMemberId, workspaceId: scope.workspaceId }, data: { ...patch } });
  if (count === 0) throw new NotInWorkspaceError('family member', familyMemberId);
  return toFamilyMember(await scope.db.familyMember.findFirstOrThrow({ where: { id: familyMemberId, workspaceId: scope.workspaceId } }));
}

export async function updateDate(scope: Scope, dateId: string, patch: DatePatch): Promise<ImportantDate> {
  const monthDay = patch.month * 100 + patch.day;
  const { count } = await scope.db.importantDate.updateMany({ where: { id: dateId, workspaceId: scope.workspaceId }, data: { ...patch, monthDay } });
  if (count === 0) throw new NotInWorkspaceError('date', dateId);
  return toDate(await scope.db.importantDate.findFirstOrThrow({ where: { id: dateId, workspaceId: scope.workspaceId } }));
}

/** Removes one contact, family member (with their dates), date or like; false when it was not there. */
export async function removeDetail(scope: Scope, kind: DetailKind, id: string): Promise<boolean> {
  const where = { id, workspaceId: scope.workspaceId };
  const { count } =
    kind === 'contact'
      ? await scope.db.contact.deleteMany({ where })
      : kind === 'family'
        ? await scope.db.familyMember.deleteMany({ where })
        : kind === 'date'
          ? await scope.db.importantDate.deleteMany({ where })
          : await scope.db.like.deleteMany({ where });
  return count > 0;
}

export async function findClientByMember(scope: Scope, platformUserId: string): Promise<Client | null> {
  const row = await scope.db.client.findFirst({ where: { workspaceId: scope.workspaceId, platformUserId }, include: clientInclude, orderBy: { createdAt: 'asc' } });
  return row === null ? null : toClient(row);
}

/** Thread ids are stored as a JSON array of strings; each id is matched as one quoted element. */
export async function openFollowUpsInThreads(scope: Scope, threadIds: readonly string[]): Promise<FollowUp[]> {
  const ids = [...new Set(threadIds)].filter((id) => id !== '').slice(0, 50);
  if (ids.length === 0) return [];
  const rows = await scope.db.followUp.findMany({
    where: { workspaceId: scope.workspaceId, state: { in: ['open', 'snoozed'] }, OR: ids.map((id) => ({ threadIds: { contains: JSON.stringify(id) } })) },
    orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toFollowUp).filter((f) => f.threadIds.some((id) => ids.includes(id)));
}
