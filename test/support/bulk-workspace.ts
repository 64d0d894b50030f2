/**
 * Fills a workspace with thousands of generated clients in seconds, for scale tests and benchmarks:
 * rows are made in memory (deterministic, from a seed) and written with bulk SQL straight through
 * the driver (one prepared statement in one transaction on SQLite, `unnest` batches on PostgreSQL),
 * never one command or one Prisma call per client.
 *
 * Each client gets `interactions` interactions spread over two years (the latest 0-200 days ago),
 * 3 dates, 2 likes, a contact with an email, and a few follow-ups, most of them closed. Every 10th
 * client has an alias, every 3rd a family member, every 4th a gift; about 1 in 50 has an open
 * follow-up, 1 in 100 is paused, 1 in 500 was rude three times lately and 1 in 500 never answers.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { parseDatabaseUrl } from '../../src/adapters/store/index.js';

export interface BulkSpec {
  readonly workspaceId: string;
  /** Prefix of every generated id and name, unique per workspace in one database. */
  readonly prefix: string;
  readonly clients: number;
  readonly interactions: number;
  /** Closed follow-ups per client (history only; 3 when absent). */
  readonly closedFollowUps?: number;
  readonly now: Date;
  /** Member ids that own the clients, in turn (may be empty). */
  readonly ownerIds: readonly string[];
  readonly seed?: number;
  /** Gather planner statistics afterwards (default true; a caller filling many workspaces does it once at the end). */
  readonly analyze?: boolean;
}

type Value = string | number | Date | null;
interface Table {
  readonly name: string;
  readonly columns: readonly string[];
  /** PostgreSQL array types of the columns, for unnest. */
  readonly types: readonly string[];
  readonly rows: Value[][];
}

const DAY = 86_400_000;
const KINDS = ['call', 'email-in', 'email-out', 'meeting', 'message'] as const;
const DIRECTION: Record<(typeof KINDS)[number], string> = { call: 'out', 'email-in': 'in', 'email-out': 'out', meeting: 'none', message: 'in' };
const LIKES: readonly [string, string][] = [['coffee', 'flat white'], ['wine', 'rioja'], ['food', 'sushi'], ['hobby', 'cycling'], ['holiday', 'Lisbon'], ['team', 'Arsenal']];

/** A small deterministic generator (mulberry32), so two runs build the same workspace. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The generated rows of every table, in insertion order. */
export function generateRows(spec: BulkSpec): Table[] {
  const rnd = random(spec.seed ?? 42);
  const int = (n: number) => Math.floor(rnd() * n);
  const now = spec.now.getTime();
  const ws = spec.workspaceId;
  const p = spec.prefix;
  const t = (name: string, columns: string[], types: string[]): Table => ({ name, columns, types, rows: [] });
  const client = t('Client', ['id', 'workspaceId', 'name', 'normalizedName', 'ownerId', 'tier', 'status', 'lastInteractionAt', 'lastGestureAt', 'lastAdviceAt', 'createdAt', 'updatedAt'], ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'timestamp(3)', 'timestamp(3)', 'timestamp(3)', 'timestamp(3)', 'timestamp(3)']);
  const alias = t('ClientAlias', ['id', 'workspaceId', 'clientId', 'alias', 'normalized'], ['text', 'text', 'text', 'text', 'text']);
  const contact = t('Contact', ['id', 'workspaceId', 'clientId', 'name', 'role', 'createdAt'], ['text', 'text', 'text', 'text', 'text', 'timestamp(3)']);
  const email = t('ContactEmail', ['id', 'workspaceId', 'contactId', 'address'], ['text', 'text', 'text', 'text']);
  const family = t('FamilyMember', ['id', 'workspaceId', 'clientId', 'relation', 'name', 'createdAt'], ['text', 'text', 'text', 'text', 'text', 'timestamp(3)']);
  const like = t('Like', ['id', 'workspaceId', 'clientId', 'category', 'value', 'createdAt'], ['text', 'text', 'text', 'text', 'text', 'timestamp(3)']);
  const date = t('ImportantDate', ['id', 'workspaceId', 'clientId', 'kind', 'month', 'day', 'year', 'monthDay'], ['text', 'text', 'text', 'text', 'int', 'int', 'int', 'int']);
  const interaction = t('Interaction', ['id', 'workspaceId', 'clientId', 'kind', 'direction', 'mood', 'summary', 'occurredAt', 'createdAt', 'source'], ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'timestamp(3)', 'timestamp(3)', 'text']);
  const followUp = t('FollowUp', ['id', 'workspaceId', 'clientId', 'kind', 'state', 'summary', 'openedAt', 'closedAt', 'source'], ['text', 'text', 'text', 'text', 'text', 'text', 'timestamp(3)', 'timestamp(3)', 'text']);
  const gift = t('Gift', ['id', 'workspaceId', 'clientId', 'description', 'givenAt'], ['text', 'text', 'text', 'text', 'timestamp(3)']);

  for (let i = 0; i < spec.clients; i++) {
    const id = `${p}c${i}`;
    const name = `${p}Client ${i}`;
    const createdAt = new Date(now - (800 + int(400)) * DAY);
    // The latest interaction 0-200 days ago, the others spread back over two years.
    let at = now - (i % 500 === 5 ? 100 * DAY : 0) - int(200 * DAY);
    let latest: number | null = null;
    for (let k = 0; k < spec.interactions; k++) {
      const kind = KINDS[int(KINDS.length)]!;
      const mood = rnd() < 0.1 ? (['happy', 'neutral', 'upset', 'angry', 'rude'] as const)[int(5)]! : null;
      interaction.rows.push([`${id}i${k}`, ws, id, kind, DIRECTION[kind], mood, `${kind} ${k} with ${name}`, new Date(at), new Date(at), 'command']);
      latest ??= at;
      at -= int((2 * 730 * DAY) / Math.max(1, spec.interactions));
    }
    // One client in 500 was rude three times lately; another was called six times with no answer.
    if (i % 500 === 3) for (let k = 0; k < 3; k++) interaction.rows.push([`${id}r${k}`, ws, id, 'call', 'in', 'rude', 'shouted at us', new Date(now - (2 + k * 5) * DAY), new Date(now - (2 + k * 5) * DAY), 'command']);
    if (i % 500 === 5) {
      for (let k = 0; k < 6; k++) interaction.rows.push([`${id}s${k}`, ws, id, 'call', 'out', null, 'no answer', new Date(now - (1 + k * 10) * DAY), new Date(now - (1 + k * 10) * DAY), 'command']);
      latest = Math.max(latest ?? 0, now - DAY);
    }
    const gave = i % 4 === 0 ? now - int(300) * DAY : null;
    if (gave !== null) gift.rows.push([`${id}g`, ws, id, 'a book', new Date(gave)]);
    const advised = i % 7 === 0 ? new Date(now - int(200) * DAY) : null;
    const tier = i % 10 === 0 ? 'top' : i % 3 === 0 ? 'light' : 'standard';
    const status = i % 100 === 99 ? 'paused' : 'active';
    const owner = spec.ownerIds.length > 0 ? spec.ownerIds[i % spec.ownerIds.length]! : null;
    client.rows.push([id, ws, name, name.toLowerCase(), owner, tier, status, latest === null ? null : new Date(latest), gave === null ? null : new Date(gave), advised, createdAt, createdAt]);
    if (i % 10 === 0) alias.rows.push([`${id}a`, ws, id, `${p}Alias ${i}`, `${p}alias ${i}`.toLowerCase()]);
    contact.rows.push([`${id}p`, ws, id, `Pat ${i}`, 'CEO', createdAt]);
    email.rows.push([`${id}e`, ws, `${id}p`, `pat.${p}${i}@example.com`.toLowerCase()]);
    if (i % 3 === 0) family.rows.push([`${id}f`, ws, id, 'daughter', `Mia ${i}`, createdAt]);
    for (let k = 0; k < 2; k++) {
      const [category, value] = LIKES[(i + k * 3) % LIKES.length]!;
      like.rows.push([`${id}l${k}`, ws, id, category, value, createdAt]);
    }
    const dates: [string, number, number, number | null][] = [
      ['birthday', 1 + int(12), 1 + int(28), null],
      ['client-since', 1 + int(12), 1 + int(28), 2015 + int(10)],
      ['wedding-anniversary', 1 + int(12), 1 + int(28), 2000 + int(20)],
    ];
    dates.forEach(([kind, month, day, year], k) => date.rows.push([`${id}d${k}`, ws, id, kind, month, day, year, month * 100 + day]));
    // A few follow-ups each, closed; about one client in 50 has one still open.
    for (let k = 0; k < (spec.closedFollowUps ?? 3); k++) {
      const opened = now - (30 + int(600)) * DAY;
      followUp.rows.push([`${id}u${k}`, ws, id, 'reply', 'done', `answer ${name}`, new Date(opened), new Date(opened + DAY), 'command']);
    }
    if (i % 50 === 7) {
      const kind = (['reply', 'complaint', 'check-in', 'apology', 'referral-thanks'] as const)[int(5)]!;
      followUp.rows.push([`${id}o`, ws, id, kind, 'open', `open ${kind} for ${name}`, new Date(now - int(90 * DAY)), null, 'command']);
    }
  }
  return [client, alias, contact, email, family, like, date, interaction, followUp, gift];
}

/** Writes the generated rows with bulk SQL; the database must already have the schema. */
export async function bulkInsert(databaseUrl: string, spec: BulkSpec): Promise<void> {
  const tables = generateRows(spec);
  const target = parseDatabaseUrl(databaseUrl);
  if (target.provider === 'sqlite') {
    const db = new Database(target.file, { timeout: 10_000 });
    try {
      // The format Prisma stores DateTime in on SQLite, so its comparisons keep working.
      const cell = (v: Value) => (v instanceof Date ? v.toISOString().replace('Z', '+00:00') : v);
      db.transaction(() => {
        for (const table of tables) {
          const cols = table.columns.map((c) => `"${c}"`).join(', ');
          const insert = db.prepare(`INSERT INTO "${table.name}" (${cols}) VALUES (${table.columns.map(() => '?').join(', ')})`);
          for (const row of table.rows) insert.run(row.map(cell));
        }
      })();
      // Statistics for the planner, as a database that grew over time would have.
      if (spec.analyze !== false) db.prepare('ANALYZE').run([]);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.connectionString, ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}) });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const table of tables) {
      const cols = table.columns.map((c) => `"${c}"`).join(', ');
      const params = table.types.map((type, n) => `$${n + 1}::${type}[]`).join(', ');
      for (let from = 0; from < table.rows.length; from += 20_000) {
        const slice = table.rows.slice(from, from + 20_000);
        const columns = table.columns.map((_, n) => slice.map((row) => {
          const v = row[n] ?? null;
          return v instanceof Date ? v.toISOString().replace('T', ' ').replace('Z', '') : v;
        }));
        await client.query(`INSERT INTO "${table.name}" (${cols}) SELECT * FROM unnest(${params})`, columns);
      }
    }
    await client.query('COMMIT');
    // Statistics for the planner, as autovacuum would have gathered on a database that grew over time.
    if (spec.analyze !== false) for (const table of tables) await client.query(`ANALYZE "${table.name}"`);
  } finally {
    await client.end();
  }
}
