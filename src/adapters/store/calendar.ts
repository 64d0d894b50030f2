// The calendar feed's rows: the hash of a workspace's feed token, and the dates the feed lists.
// Dates are read in a fixed number of queries (dates with their client and family member, then the
// first contacts of the clients with dates), however many clients there are; never a profile at a time.
import type { Workspace } from '../../core/model/index.js';
import { DateKind } from '../../core/model/index.js';
import type { CalendarDateRow, CalendarFeedState, CalendarFeeds } from '../../core/ports/calendar.js';
import type { Db } from './database.js';
import { check, toWorkspace } from './rows.js';
import type { Scope } from './scope.js';

export async function calendarFeed(scope: Scope): Promise<CalendarFeedState | null> {
  const row = await scope.db.calendarFeed.findUnique({ where: { workspaceId: scope.workspaceId }, select: { createdAt: true } });
  return row === null ? null : { createdAt: row.createdAt };
}

export async function setCalendarFeed(scope: Scope, tokenHash: string | null, at: Date): Promise<void> {
  const { workspaceId } = scope;
  if (tokenHash === null) {
    await scope.db.calendarFeed.deleteMany({ where: { workspaceId } });
    return;
  }
  await scope.db.calendarFeed.upsert({ where: { workspaceId }, create: { workspaceId, tokenHash, createdAt: at }, update: { tokenHash, createdAt: at } });
}

export async function calendarDates(scope: Scope, limit: number): Promise<CalendarDateRow[]> {
  const rows = await scope.db.importantDate.findMany({
    where: { workspaceId: scope.workspaceId, client: { status: { not: 'former' } } },
    select: {
      id: true,
      kind: true,
      label: true,
      month: true,
      day: true,
      year: true,
      clientId: true,
      client: { select: { name: true } },
      familyMember: { select: { id: true, name: true, relation: true } },
    },
    orderBy: [{ monthDay: 'asc' }, { id: 'asc' }],
    take: limit,
  });
  // The contacts of the clients that have dates, by the same condition rather than by a list of their
  // ids: no statement grows with the number of clients.
  const contacts = await scope.db.contact.findMany({
    where: { workspaceId: scope.workspaceId, client: { status: { not: 'former' }, dates: { some: {} } } },
    select: { clientId: true, name: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const keyPerson = new Map<string, string>();
  for (const c of contacts) if (!keyPerson.has(c.clientId)) keyPerson.set(c.clientId, c.name);
  return rows.map((r) => ({
    id: r.id,
    kind: check(DateKind, r.kind, 'ImportantDate.kind'),
    label: r.label,
    month: r.month,
    day: r.day,
    year: r.year,
    clientName: r.client.name,
    keyPersonName: keyPerson.get(r.clientId) ?? null,
    familyMember: r.familyMember,
  }));
}

/** The port the feed server uses: which workspace, if any, a token's hash opens. */
export function createCalendarFeeds(db: Db): CalendarFeeds {
  return {
    async workspaceForTokenHash(tokenHash: string): Promise<Workspace | null> {
      const row = await db.calendarFeed.findUnique({ where: { tokenHash }, include: { workspace: true } });
      return row === null ? null : toWorkspace(row.workspace);
    },
  };
}
