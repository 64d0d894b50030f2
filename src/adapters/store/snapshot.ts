// The care snapshot: what the rules need for one digest, selected by indexed queries so its cost
// follows the number of due items and the clients they concern, never the number of clients or the
// length of history. With a limit, each candidate family brings only its most urgent rows and a
// count of the rest.
import type { Client, Interaction, Tier } from '../../core/model/index.js';
import type { CareSnapshot, CareSnapshotQuery, ClientExchange, MonthDay } from '../../core/ports/care-snapshot.js';
import { groupBy, inChunks } from './chunks.js';
import { withAliases } from './clients.js';
import { Prisma } from './generated/sqlite/client.js';
import {
  toContact,
  toDate,
  toFamilyMember,
  toFollowUp,
  toGift,
  toInteraction,
  toLike,
  toMember,
  toNudgeAck,
  toWorkspace,
} from './rows.js';
import type { Scope } from './scope.js';

/** Acks older than this (and not snoozed into the future) no longer silence anything. */
export const ACK_LOOKBACK_DAYS = 400;
const DAY_MS = 86_400_000;
/** Longer than any local day (DST days last 23 to 25 hours): rows within it of the last kept one may share its date. */
const LOCAL_DAY_MS = 25 * 3_600_000;
const TIERS: readonly Tier[] = ['top', 'standard', 'light'];

type ClientRow = Prisma.ClientGetPayload<object>;
type ClockField = 'lastInteractionAt' | 'lastGestureAt' | 'lastAdviceAt';

function monthDay(md: MonthDay): number {
  return md.month * 100 + md.day;
}

/** The monthDay condition for an inclusive window; a window from December into January wraps. */
export function monthDayWindow(from: MonthDay, to: MonthDay): { monthDay: { gte?: number; lte?: number } }[] {
  const start = monthDay(from);
  const end = monthDay(to);
  if (start <= end) return [{ monthDay: { gte: start, lte: end } }];
  return [{ monthDay: { gte: start } }, { monthDay: { lte: end } }];
}

/**
 * A family of client candidates: clients matching `where` whose clock (`field`, or createdAt when
 * they never had one) stopped before `before`. Every condition of the family is in `where`, so a
 * further one (say, a client-since date for surprises) is one more entry there and in `matches`.
 */
interface ClientFamily {
  readonly where: Prisma.ClientWhereInput;
  readonly field: ClockField;
  readonly before: Date;
  /** The family's ordering may depend on more than the clock (a surprise with known likes ranks higher): each part is selected on its own. */
  readonly parts?: readonly Prisma.ClientWhereInput[];
  /** The same condition on a row, to know which fetched clients the rules will nudge anyway. */
  matches(row: ClientRow): boolean;
}

const sinceOf = (row: ClientRow, field: ClockField): Date => row[field] ?? row.createdAt;

function clientFamilies(workspaceId: string, query: CareSnapshotQuery): ClientFamily[] {
  const active = { workspaceId, status: 'active' };
  const family = (where: Prisma.ClientWhereInput, field: ClockField, before: Date, tier?: Tier, parts?: Prisma.ClientWhereInput[]): ClientFamily => ({
    where: tier === undefined ? where : { ...where, tier },
    field,
    before,
    ...(parts ? { parts } : {}),
    matches: (row) => row.status === 'active' && (tier === undefined || row.tier === tier) && sinceOf(row, field) < before,
  });
  const quiet = TIERS.map((tier) => family(active, 'lastInteractionAt', query.quietBeforeByTier?.[tier] ?? query.quietBefore, tier));
  return [
    ...quiet,
    family(active, 'lastGestureAt', query.gestureBefore, undefined, [{ likes: { some: {} } }, { likes: { none: {} } }]),
    family(active, 'lastAdviceAt', query.adviceBefore, 'top'),
  ];
}

/** The family's candidates, most overdue first: all of them without a limit, else the first `take` and their ties. */
async function overdue(scope: Scope, family: ClientFamily, take: number | undefined): Promise<{ rows: ClientRow[]; count: number | null }> {
  const { db } = scope;
  const { field, before } = family;
  // Two branches so each walks its own index in order: clients with a clock, and those without one.
  const touched = (extra: Prisma.ClientWhereInput, range: { gte?: Date; lt: Date } = { lt: before }) => ({ AND: [family.where, extra, { [field]: range }] });
  const never = (extra: Prisma.ClientWhereInput, range: { gte?: Date; lt: Date } = { lt: before }) => ({ AND: [family.where, extra, { [field]: null, createdAt: range }] });
  if (take === undefined) {
    const rows = await db.client.findMany({ where: { OR: [touched({}), never({})] }, orderBy: { id: 'asc' } });
    return { rows, count: null };
  }
  const byClock = (a: ClientRow, b: ClientRow) => sinceOf(a, field).getTime() - sinceOf(b, field).getTime() || a.id.localeCompare(b.id);
  const kept = new Map<string, ClientRow>();
  let cut = false;
  for (const part of family.parts ?? [{}]) {
    const [a, b] = await Promise.all([
      db.client.findMany({ where: touched(part), orderBy: [{ [field]: 'asc' }, { id: 'asc' }], take }),
      db.client.findMany({ where: never(part), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take }),
    ]);
    const first = [...a, ...b].sort(byClock).slice(0, take);
    for (const row of first) kept.set(row.id, row);
    if (a.length < take && b.length < take) continue;
    cut = true;
    // Equal urgency is decided by the nudge id, not the clock: bring every row of the last one's local day.
    const last = sinceOf(first.at(-1)!, field);
    const range = { gte: last, lt: new Date(Math.min(last.getTime() + LOCAL_DAY_MS, before.getTime())) };
    const ties = await db.client.findMany({ where: { OR: [touched(part, range), never(part, range)] } });
    for (const row of ties) kept.set(row.id, row);
  }
  const count = cut ? await db.client.count({ where: { OR: [touched({}), never({})] } }) : null;
  return { rows: [...kept.values()], count };
}

/** Dates in the window, nearest first: all without a limit, else the first `take` and those on the same day. */
async function upcomingDates(scope: Scope, query: CareSnapshotQuery, take: number | undefined) {
  const { db, workspaceId } = scope;
  const segments = monthDayWindow(query.dateWindow.from, query.dateWindow.to);
  const base = { workspaceId, client: { status: 'active' } };
  const orderBy = [{ monthDay: 'asc' as const }, { id: 'asc' as const }];
  if (take === undefined) return { rows: await db.importantDate.findMany({ where: { ...base, OR: segments }, orderBy }), count: null };
  const rows = [];
  for (const segment of segments) {
    if (rows.length >= take) break;
    rows.push(...(await db.importantDate.findMany({ where: { ...base, ...segment }, orderBy, take: take - rows.length })));
  }
  if (rows.length < take) return { rows, count: null };
  // A 29 February falls on the 28th in other years: it shares that day.
  const last = rows.at(-1)!.monthDay;
  const sameDay = await db.importantDate.findMany({ where: { ...base, OR: segments, monthDay: { in: last === 228 ? [228, 229] : [last] } }, orderBy });
  const seen = new Set(rows.map((r) => r.id));
  rows.push(...sameDay.filter((r) => !seen.has(r.id)));
  return { rows, count: await db.importantDate.count({ where: { ...base, OR: segments } }) };
}

export async function careSnapshot(scope: Scope, query: CareSnapshotQuery): Promise<CareSnapshot> {
  const { db, workspaceId } = scope;
  const workspaceRow = await db.workspace.findUnique({ where: { id: workspaceId } });
  if (workspaceRow === null) throw new Error(`workspace ${workspaceId} does not exist`);

  const [followUps, moods, acks, exchanges, clientSince] = await Promise.all([
    db.followUp.findMany({
      where: { workspaceId, state: { in: ['open', 'snoozed'] } },
      orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
    }),
    db.interaction.findMany({
      where: { workspaceId, occurredAt: { gte: query.moodSince }, mood: query.moods === undefined ? { not: null } : { in: [...query.moods] } },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    }),
    db.nudgeAck.findMany({
      where: {
        workspaceId,
        OR: [{ until: { gte: query.now } }, { at: { gte: new Date(query.now.getTime() - ACK_LOOKBACK_DAYS * DAY_MS) } }],
      },
    }),
    oneSidedCandidates(scope, query),
    // Surprise candidates by their recorded client-since date, on the (workspaceId, kind, year)
    // index: a year up to gestureBefore's is wide enough (the rule decides), and never narrower in
    // any time zone, since a local date before gestureBefore is in its UTC year or earlier. Only the
    // long-standing clients added to Rapport since gestureBefore: the gesture family already brings
    // those added earlier, and reading every client-since date would load every client.
    db.importantDate.findMany({
      where: { workspaceId, kind: 'client-since', year: { lte: query.gestureBefore.getUTCFullYear() }, client: { lastGestureAt: null, createdAt: { gte: query.gestureBefore } } },
      orderBy: [{ year: 'asc' }, { monthDay: 'asc' }, { id: 'asc' }],
      ...(query.limit === undefined ? {} : { take: query.limit }),
    }),
  ]);
  // Acknowledged candidates drop out in the rules: take enough more that the limit still holds after.
  const take = query.limit === undefined ? undefined : query.limit + acks.length;
  const families = clientFamilies(workspaceId, query);
  const [dates, ...selected] = await Promise.all([
    upcomingDates(scope, query, take),
    ...families.map(async (family) => ({ family, ...(await overdue(scope, family, take)) })),
  ]);

  const rows = new Map<string, ClientRow>();
  for (const { rows: list } of selected) for (const row of list) rows.set(row.id, row);
  const missing = [...new Set([...dates.rows, ...followUps, ...moods, ...exchanges, ...clientSince].map((row) => row.clientId))].filter((id) => !rows.has(id));
  for (const row of await inChunks(missing, (ids) => db.client.findMany({ where: { workspaceId, id: { in: ids } } }))) rows.set(row.id, row);

  // Every client in the snapshot that meets a family's condition gets its nudge; the rest of a cut family's count does not.
  let unlisted = dates.count === null ? 0 : dates.count - dates.rows.length;
  for (const { family, count } of selected) {
    if (count === null) continue;
    let seen = 0;
    for (const row of rows.values()) if (family.matches(row)) seen += 1;
    unlisted += count - seen;
  }

  const clients: Client[] = await withAliases(scope, [...rows.values()]);
  const clientIds = [...rows.keys()].sort();
  const ownerIds = [...new Set(clients.flatMap((c) => (c.ownerId === null ? [] : [c.ownerId])))];
  const of = (ids: string[]) => ({ workspaceId, clientId: { in: ids } });
  const byCreated = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];
  const [family, contacts, emails, likes, gifts, latest, members, sinceDates] = await Promise.all([
    inChunks(clientIds, (ids) => db.familyMember.findMany({ where: of(ids), orderBy: byCreated })),
    inChunks(clientIds, (ids) => db.contact.findMany({ where: of(ids), orderBy: byCreated })),
    inChunks(clientIds, (ids) =>
      db.contactEmail.findMany({ where: { workspaceId, contact: of(ids) }, select: { contactId: true, address: true }, orderBy: [{ contactId: 'asc' }, { address: 'asc' }] }),
    ),
    inChunks(clientIds, (ids) => db.like.findMany({ where: of(ids), orderBy: byCreated })),
    inChunks(clientIds, (ids) => db.gift.findMany({ where: { ...of(ids), givenAt: { gte: query.giftsSince } }, orderBy: [{ givenAt: 'desc' }, { id: 'asc' }] })),
    inChunks(clientIds, (ids) => latestInteractions(scope, ids)),
    inChunks(ownerIds, (ids) => db.member.findMany({ where: { workspaceId, id: { in: ids } } })),
    // The surprise clock of every client in the snapshot (never given anything) starts at its client-since date when earlier.
    inChunks(clientIds, (ids) =>
      db.importantDate.findMany({ where: { ...of(ids), kind: 'client-since', year: { not: null }, client: { lastGestureAt: null } }, orderBy: [{ clientId: 'asc' }, { id: 'asc' }] }),
    ),
  ]);
  const emailsOf = groupBy(emails, (e) => e.contactId);

  return {
    workspace: toWorkspace(workspaceRow),
    members: members.map(toMember),
    clients,
    openFollowUps: followUps.map(toFollowUp),
    upcomingDates: dates.rows.map(toDate),
    family: family.map(toFamilyMember),
    contacts: contacts.map((c) => toContact({ ...c, emails: emailsOf.get(c.id) ?? [] })),
    likes: likes.map(toLike),
    recentGifts: gifts.map(toGift),
    moodInteractions: moods.map(toInteraction),
    exchanges,
    lastInteractions: latest,
    clientSince: sinceDates.map(toDate),
    acks: acks.map(toNudgeAck),
    unlisted,
  };
}

/**
 * Clients we reached out to at least `outreachAtLeast` times since moodSince, with what came back.
 * Aggregates on the (workspaceId, direction, occurredAt) index: the outbound counts with HAVING
 * (only of clients with nothing inbound when silentOnly), then the inbound counts of those clients.
 */
async function oneSidedCandidates(scope: Scope, query: CareSnapshotQuery): Promise<ClientExchange[]> {
  const { db, workspaceId } = scope;
  const since = { gte: query.moodSince, lte: query.now };
  const outbound = await db.interaction.groupBy({
    by: ['clientId'],
    where: { workspaceId, direction: 'out', occurredAt: since, ...(query.silentOnly ? { client: { interactions: { none: { direction: 'in', occurredAt: since } } } } : {}) },
    _count: { _all: true },
    _max: { occurredAt: true },
    having: { clientId: { _count: { gte: query.outreachAtLeast } } },
  });
  if (outbound.length === 0) return [];
  const inbound = new Map<string, number>();
  if (!query.silentOnly) {
    const rows = await inChunks(outbound.map((o) => o.clientId), (ids) =>
      db.interaction.groupBy({ by: ['clientId'], where: { workspaceId, direction: 'in', occurredAt: since, clientId: { in: ids } }, _count: { _all: true } }),
    );
    for (const row of rows) inbound.set(row.clientId, row._count._all);
  }
  return outbound
    .map((o) => ({ clientId: o.clientId, inbound: inbound.get(o.clientId) ?? 0, outbound: o._count._all, lastOutboundAt: o._max.occurredAt ?? query.now }))
    .sort((a, b) => a.clientId.localeCompare(b.clientId));
}

/** The newest interaction of each client (the one logged last among equals), in one windowed query. */
async function latestInteractions(scope: Scope, clientIds: readonly string[]): Promise<Interaction[]> {
  if (clientIds.length === 0) return [];
  const rows = await scope.db.$queryRaw<(Prisma.InteractionGetPayload<object> & { rn: unknown })[]>`
    SELECT * FROM (
      SELECT i.*, ROW_NUMBER() OVER (PARTITION BY i."clientId" ORDER BY i."occurredAt" DESC, i."createdAt" DESC, i."id" DESC) AS rn
      FROM "Interaction" i
      WHERE i."workspaceId" = ${scope.workspaceId} AND i."clientId" IN (${Prisma.join([...clientIds])})
    ) t
    WHERE t.rn = 1`;
  return rows.map(({ rn: _rn, ...row }) => toInteraction(row));
}
