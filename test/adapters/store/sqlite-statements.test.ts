// The statement cache under Prisma's better-sqlite3 adapter: one prepare per SQL text, arguments
// per call (a cached statement is never bound for good), least recently used dropped at the bound,
// and the store through Prisma still reads and writes correctly with it.
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { cacheStatements } from '../../../src/adapters/store/sqlite-statements.js';

type Prepared = ReturnType<Database['prepare']>;

function database() {
  const db = new Database(':memory:');
  db.defaultSafeIntegers(true);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
  const prepare = vi.spyOn(db, 'prepare');
  cacheStatements(db, 3);
  // What the adapter does: prepare(sql).bind(args), then run() or raw().all().
  const bound = (sql: string, args: unknown[]) => (db.prepare(sql) as unknown as { bind(a: unknown[]): Prepared }).bind(args);
  return { db, prepare, bound };
}

describe('the SQLite statement cache', () => {
  it('prepares a statement once and runs it with each call’s own arguments', () => {
    const { prepare, bound } = database();
    for (const name of ['ann', 'bo', 'cy']) bound('INSERT INTO t (name) VALUES (?)', [name]).run();
    const select = 'SELECT id, name FROM t WHERE name <> ? ORDER BY id';
    expect(bound(select, ['bo']).raw().all()).toEqual([
      [1n, 'ann'],
      [3n, 'cy'],
    ]);
    expect(bound(select, ['ann']).raw().all()).toEqual([
      [2n, 'bo'],
      [3n, 'cy'],
    ]);
    expect(bound(select, ['x']).columns().map((c) => c.name)).toEqual(['id', 'name']);
    expect(prepare.mock.calls.map(([sql]) => sql)).toEqual(['INSERT INTO t (name) VALUES (?)', select]);
  });

  it('runs statements without arguments, as the adapter does for BEGIN and COMMIT', () => {
    const { db, bound } = database();
    db.prepare('BEGIN').run();
    bound('INSERT INTO t (name) VALUES (?)', ['ann']).run();
    db.prepare('ROLLBACK').run();
    db.prepare('BEGIN').run();
    bound('INSERT INTO t (name) VALUES (?)', ['bo']).run();
    db.prepare('COMMIT').run();
    expect(bound('SELECT name FROM t', []).raw().all()).toEqual([['bo']]);
  });

  it('keeps the most recently used statements and prepares a dropped one again', () => {
    const { prepare, bound } = database();
    const sql = (n: number) => `SELECT ${n} AS n`;
    for (const n of [1, 2, 3]) bound(sql(n), []).raw().all();
    bound(sql(1), []).raw().all(); // 1 is now the most recent; 2 the least
    bound(sql(4), []).raw().all(); // drops 2
    bound(sql(1), []).raw().all();
    bound(sql(3), []).raw().all();
    expect(bound(sql(2), []).raw().all()).toEqual([[2n]]);
    expect(prepare.mock.calls.map(([text]) => text)).toEqual([sql(1), sql(2), sql(3), sql(4), sql(2)]);
  });
});
