// Prisma's better-sqlite3 adapter (pinned: @prisma/adapter-better-sqlite3 7.x) prepares every
// statement again for every query: `client.prepare(sql).bind(args)`, then `run()`, `columns()` or
// `raw().all()`. Preparing is SQLite parsing and planning the SQL, a good part of a `/client log`'s
// CPU, although a running app sends the same few hundred statements over and over. This keeps the
// prepared statements by SQL text and hands the adapter a statement bound to this call's arguments.
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

/** The part of a better-sqlite3 statement the adapter uses. */
interface Statement {
  readonly reader: boolean;
  run(...args: unknown[]): unknown;
  columns(): unknown[];
  raw(toggle: boolean): { all(...args: unknown[]): unknown[] };
}

/** The part of a better-sqlite3 connection that prepares statements. */
interface Database {
  prepare(sql: string): Statement;
}

/** Distinct statements kept; past it the least recently used is dropped (Prisma sends far fewer in practice). */
export const STATEMENT_CACHE_SIZE = 500;

type Args = unknown[];

/** What the adapter uses of a prepared statement, with arguments given per call instead of bound for good. */
function boundTo(statement: Statement, args: Args) {
  return {
    reader: statement.reader,
    run: () => statement.run(...args),
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(...args) }),
  };
}

/** Makes `db.prepare` reuse statements by SQL text. better-sqlite3 runs a statement to completion synchronously, so one is never in use twice at once. */
export function cacheStatements(db: Database, size = STATEMENT_CACHE_SIZE): void {
  const prepare = db.prepare.bind(db) as (sql: string) => Statement;
  const cache = new Map<string, Statement>();
  const cached = (sql: string): Statement => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = prepare(sql);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    } else {
      cache.delete(sql); // moved to the end: the least recently used is the one dropped
    }
    cache.set(sql, statement);
    return statement;
  };
  Object.assign(db, {
    prepare: (sql: string) => {
      const statement = cached(sql);
      return { reader: statement.reader, bind: (args: Args) => boundTo(statement, args), run: (...args: Args) => statement.run(...args) };
    },
  });
}

/** The adapter factory whose connections cache their statements (the shadow database, for migrations, is left as it is). */
export function withStatementCache(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return Object.assign(Object.create(factory) as SqlMigrationAwareDriverAdapterFactory, {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      // The adapter keeps its better-sqlite3 connection as `client` (not part of its typed surface).
      cacheStatements((adapter as unknown as { client: Database }).client);
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  });
}
