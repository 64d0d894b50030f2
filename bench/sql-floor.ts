// The SQL floor of digest planning: the same due items Rapport's store selects (the most overdue
// per family with a count of the rest, dates in the window, open follow-ups, hostile moods,
// one-sided outreach), written by hand and sent straight through the driver (better-sqlite3 or
// pg) with no ORM, no rules and no rendering. What planning cannot go below on this database.
import Database from 'better-sqlite3';
import pg from 'pg';
import { parseDatabaseUrl, PrismaStore } from '../src/adapters/store/index.js';
import { openDatabase } from '../src/adapters/store/database.js';
import type { Workspace } from '../src/core/model/index.js';
import { careQuery } from '../src/core/rules/index.js';

type Param = string | number;
interface Driver {
  all(sql: string, params: Param[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

async function driver(url: string): Promise<Driver & { iso(d: Date): string }> {
  const target = parseDatabaseUrl(url);
  if (target.provider === 'sqlite') {
    const db = new Database(target.file, { timeout: 10_000 }) as unknown as { prepare(sql: string): { all(p: Param[]): Record<string, unknown>[] }; close(): void };
    return {
      // How Prisma stores DateTime on SQLite: comparisons are on these strings.
      iso: (d) => d.toISOString().replace('Z', '+00:00'),
      all: async (sql, params) => db.prepare(sql).all(params),
      close: async () => db.close(),
    };
  }
  const client = new pg.Client({ connectionString: target.connectionString, ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}) });
  await client.connect();
  return {
    iso: (d) => d.toISOString().replace('T', ' ').replace('Z', ''),
    all: async (sql, params) => {
      let n = 0;
      return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as Record<string, unknown>[];
    },
    close: () => client.end(),
  };
}

export async function sqlFloor(url: string, workspaceId: string, now: Date): Promise<{ run(): Promise<number>; close(): Promise<void> }> {
  // The policy and windows come from the same pure function Rapport uses; reading them is not timed.
  const { db: prisma, provider } = await openDatabase(url);
  const workspace: Workspace = await new PrismaStore(prisma, provider).workspace(workspaceId).getWorkspace();
  await prisma.$disconnect();
  const q = careQuery(workspace, now, { limit: workspace.policy.digestMaxItems });
  const db = await driver(url);
  const limit = q.limit ?? 25;
  const ws = workspaceId;

  /** The `limit` most overdue of a family (two index-ordered branches), and how many there are. */
  const family = async (clock: string, before: Date, tier: string | null): Promise<number> => {
    const cond = `"workspaceId" = ? AND "status" = 'active'${tier ? ` AND "tier" = '${tier}'` : ''}`;
    const b = db.iso(before);
    await db.all(
      `SELECT * FROM (SELECT * FROM (SELECT * FROM "Client" WHERE ${cond} AND "${clock}" < ? ORDER BY "${clock}" LIMIT ?) a
       UNION ALL SELECT * FROM (SELECT * FROM "Client" WHERE ${cond} AND "${clock}" IS NULL AND "createdAt" < ? ORDER BY "createdAt" LIMIT ?) b) u
       ORDER BY COALESCE("${clock}", "createdAt") LIMIT ?`,
      [ws, b, limit, ws, b, limit, limit],
    );
    const [row] = await db.all(`SELECT COUNT(*) AS n FROM "Client" WHERE ${cond} AND COALESCE("${clock}", "createdAt") < ?`, [ws, b]);
    return Number(row!.n);
  };

  const run = async (): Promise<number> => {
    let due = 0;
    for (const tier of ['top', 'standard', 'light'] as const) due += await family('lastInteractionAt', q.quietBeforeByTier![tier], tier);
    due += await family('lastGestureAt', q.gestureBefore, null);
    due += await family('lastAdviceAt', q.adviceBefore, 'top');
    const from = q.dateWindow.from.month * 100 + q.dateWindow.from.day;
    const to = q.dateWindow.to.month * 100 + q.dateWindow.to.day;
    const window = from <= to ? 'd."monthDay" BETWEEN ? AND ?' : '(d."monthDay" >= ? OR d."monthDay" <= ?)';
    const dates = `FROM "ImportantDate" d JOIN "Client" c ON c."id" = d."clientId" WHERE d."workspaceId" = ? AND c."status" = 'active' AND ${window}`;
    await db.all(`SELECT d.*, c."name" ${dates} ORDER BY d."monthDay" LIMIT ?`, [ws, from, to, limit]);
    due += Number((await db.all(`SELECT COUNT(*) AS n ${dates}`, [ws, from, to]))[0]!.n);
    due += (
      await db.all(
        `SELECT f.*, c."name" FROM "FollowUp" f JOIN "Client" c ON c."id" = f."clientId"
         WHERE f."workspaceId" = ? AND f."state" IN ('open', 'snoozed') AND c."status" <> 'former' ORDER BY f."openedAt"`,
        [ws],
      )
    ).length;
    const since = db.iso(q.moodSince);
    due += (
      await db.all(
        `SELECT "clientId", COUNT(*) AS n FROM "Interaction" WHERE "workspaceId" = ? AND "mood" IN ('rude', 'abusive') AND "occurredAt" >= ?
         GROUP BY "clientId" HAVING COUNT(*) >= ?`,
        [ws, since, workspace.policy.abuseCount],
      )
    ).length;
    const nowIso = db.iso(now);
    due += (
      await db.all(
        `SELECT i."clientId", COUNT(*) AS n, MAX(i."occurredAt") AS last FROM "Interaction" i
         WHERE i."workspaceId" = ? AND i."direction" = 'out' AND i."occurredAt" >= ? AND i."occurredAt" <= ?
           AND NOT EXISTS (SELECT 1 FROM "Interaction" j WHERE j."clientId" = i."clientId" AND j."direction" = 'in' AND j."occurredAt" >= ? AND j."occurredAt" <= ?)
         GROUP BY i."clientId" HAVING COUNT(*) >= ?`,
        [ws, since, nowIso, since, nowIso, q.outreachAtLeast],
      )
    ).length;
    await db.all(`SELECT * FROM "NudgeAck" WHERE "workspaceId" = ? AND ("until" >= ? OR "at" >= ?)`, [ws, nowIso, db.iso(new Date(now.getTime() - 400 * 86_400_000))]);
    return due;
  };
  return { run, close: () => db.close() };
}
