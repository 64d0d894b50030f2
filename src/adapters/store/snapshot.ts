// The care snapshot: what the rules need for one digest, selected by indexed queries so its cost
// follows the number of due items and the clients they concern, never the length of history.
import type { Client, Interaction } from '../../core/model/index.js';
import type { CareSnapshot, CareSnapshotQuery, ClientExchange, MonthDay } from '../../core/ports/care-snapshot.js';
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
  toNudgeAck,
  toWorkspace,
} from './rows.js';
import type { Scope } from './scope.js';

/** Acks older than this (and not snoozed into the future) no longer silence anything. */
export const ACK_LOOKBACK_DAYS = 400;
const DAY_MS = 86_400_000;
/** Keeps `IN (...)` and `OR` lists well under every driver's bound-parameter limit. */
const CHUNK = 500;

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

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export async function careSnapshot(scope: Scope, query: CareSnapshotQuery): Promise<CareSnapshot> {
  const { db, workspaceId } = scope;
  const workspaceRow = await db.workspace.findUnique({ where: { id: workspaceId } });
  if (workspaceRow === null) throw new Error(`workspace ${workspaceId} does not exist`);

  // Each candidate kind has its own index; three narrow queries beat one wide OR.
  const [quiet, noGesture, noAdvice, dates, followUps, moods, acks, exchanges, clientSince] = await Promise.all([
    db.client.findMany({
      where: { workspaceId, OR: [{ lastInteractionAt: null }, { lastInteractionAt: { lt: query.quietBefore } }] },
      include: clientInclude,
    }),
    db.client.findMany({
      where: { workspaceId, OR: [{ lastGestureAt: null }, { lastGestureAt: { lt: query.gestureBefore } }] },
      include: clientInclude,
    }),
    db.client.findMany({
      where: { workspaceId, tier: 'top', OR: [{ lastAdviceAt: null }, { lastAdviceAt: { lt: query.adviceBefore } }] },
      include: clientInclude,
    }),
    db.importantDate.findMany({
      where: { workspaceId, OR: monthDayWindow(query.dateWindow.from, query.dateWindow.to) },
      orderBy: [{ monthDay: 'asc' }, { id: 'asc' }],
    }),
    db.followUp.findMany({
      where: { workspaceId, state: { in: ['open', 'snoozed'] } },
      orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
    }),
    db.interaction.findMany({
      where: { workspaceId, occurredAt: { gte: query.moodSince }, mood: { not: null } },
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
    // any time zone, since a local date before gestureBefore is in its UTC year or earlier.
    db.importantDate.findMany({
      where: { workspaceId, kind: 'client-since', year: { lte: query.gestureBefore.getUTCFullYear() }, client: { lastGestureAt: null } },
      orderBy: [{ clientId: 'asc' }, { id: 'asc' }],
    }),
  ]);

  const clients = new Map<string, Client>();
  for (const row of [...quiet, ...noGesture, ...noAdvice]) if (!clients.has(row.id)) clients.set(row.id, toClient(row));
  const referenced = new Set([...dates, ...followUps, ...moods, ...exchanges, ...clientSince].map((row) => row.clientId));
  const missing = [...referenced].filter((id) => !clients.has(id));
  for (const ids of chunks(missing)) {
    const rows = await db.client.findMany({ where: { workspaceId, id: { in: ids } }, include: clientInclude });
    for (const row of rows) clients.set(row.id, toClient(row));
  }

  const clientIds = [...clients.keys()].sort();
  const ownerIds = [...new Set([...clients.values()].flatMap((c) => (c.ownerId === null ? [] : [c.ownerId])))];
  const perClient = await Promise.all(
    chunks(clientIds).map(async (ids) => {
      const of = { workspaceId, clientId: { in: ids } };
      const [family, contacts, likes, gifts, latest] = await Promise.all([
        db.familyMember.findMany({ where: of, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
        db.contact.findMany({ where: of, include: contactInclude, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
        db.like.findMany({ where: of, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
        db.gift.findMany({ where: { ...of, givenAt: { gte: query.giftsSince } }, orderBy: [{ givenAt: 'desc' }, { id: 'asc' }] }),
        latestInteractions(scope, ids),
      ]);
      return { family, contacts, likes, gifts, latest };
    }),
  );
  const members = [];
  for (const ids of chunks(ownerIds)) members.push(...(await db.member.findMany({ where: { workspaceId, id: { in: ids } } })));

  return {
    workspace: toWorkspace(workspaceRow),
    members: members.map(toMember),
    clients: [...clients.values()],
    openFollowUps: followUps.map(toFollowUp),
    upcomingDates: dates.map(toDate),
    family: perClient.flatMap((p) => p.family.map(toFamilyMember)),
    contacts: perClient.flatMap((p) => p.contacts.map(toContact)),
    likes: perClient.flatMap((p) => p.likes.map(toLike)),
    recentGifts: perClient.flatMap((p) => p.gifts.map(toGift)),
    moodInteractions: moods.map(toInteraction),
    exchanges,
    lastInteractions: perClient.flatMap((p) => p.latest),
    clientSince: clientSince.map(toDate),
    acks: acks.map(toNudgeAck),
  };
}

/**
 * Clients we reached out to at least `outreachAtLeast` times since moodSince, with what came back.
 * Two aggregate queries on the (workspaceId, occurredAt) index: the outbound counts with HAVING,
 * then the inbound counts of those clients only.
 */
async function oneSidedCandidates(scope: Scope, query: CareSnapshotQuery): Promise<ClientExchange[]> {
  const { db, workspaceId } = scope;
  const since = { gte: query.moodSince, lte: query.now };
  const outbound = await db.interaction.groupBy({
    by: ['clientId'],
    where: { workspaceId, direction: 'out', occurredAt: since },
    _count: { _all: true },
    _max: { occurredAt: true },
    having: { clientId: { _count: { gte: query.outreachAtLeast } } },
  });
  if (outbound.length === 0) return [];
  const inbound = new Map<string, number>();
  for (const ids of chunks(outbound.map((o) => o.clientId))) {
    const rows = await db.interaction.groupBy({ by: ['clientId'], where: { workspaceId, direction: 'in', occurredAt: since, clientId: { in: ids } }, _count: { _all: true } });
    for (const row of rows) inbound.set(row.clientId, row._count._all);
  }
  return outbound
    .map((o) => ({ clientId: o.clientId, inbound: inbound.get(o.clientId) ?? 0, outbound: o._count._all, lastOutboundAt: o._max.occurredAt ?? query.now }))
    .sort((a, b) => a.clientId.localeCompare(b.clientId));
}

/** The newest interaction of each client: max(occurredAt) per client on its index, then those rows. */
async function latestInteractions(scope: Scope, clientIds: readonly string[]): Promise<Interaction[]> {
  const { db, workspaceId } = scope;
  if (clientIds.length === 0) return [];
  const maxima = await db.interaction.groupBy({
    by: ['clientId'],
    where: { workspaceId, clientId: { in: [...clientIds] } },
    _max: { occurredAt: true },
  });
  const keys = maxima.flatMap((m) => (m._max.occurredAt === null ? [] : [{ clientId: m.clientId, occurredAt: m._max.occurredAt }]));
  if (keys.length === 0) return [];
  const rows = await db.interaction.findMany({
    where: { workspaceId, OR: keys },
    orderBy: [{ clientId: 'asc' }, { createdAt: 'desc' }, { id: 'desc' }],
  });
  // Two interactions at the same instant: keep the one logged last.
  const latest = new Map<string, Interaction>();
  for (const row of rows) if (!latest.has(row.clientId)) latest.set(row.clientId, toInteraction(row));
  return [...latest.values()];
}
