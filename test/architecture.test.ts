import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Only the store touches the database. Every other adapter (Slack, the scheduler, and whichever
 * platform comes next) gets the store's ports: no Prisma, no database driver, no store internals,
 * and no raw client passed in as `db`. ESLint enforces the imports too; this test also catches `db`.
 */
const adapters = join(import.meta.dirname, '../src/adapters');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });

const FORBIDDEN: [string, RegExp][] = [
  ['Prisma', /from\s+['"]@prisma\/|\bPrisma(Client)?\b/],
  ['a database driver', /from\s+['"](pg|better-sqlite3|@electric-sql\/pglite)['"]/],
  ["the store's files", /from\s+['"][^'"]*\/store\/[^'"]*['"]/],
  ['a database client passed in as db', /\bdb\s*\??\s*:|\.db\b|[{,]\s*db\s*[,}=]|\bDb\b/],
];

/** One line each of what Slack and the scheduler did before the lifecycle ports: each must be caught. */
const OLD_OFFENCES = [
  "import type { Db } from '../store/database.js';",
  'import pg from "pg";',
  'export type SlackDb = Pick<Db, "slackInstallation">;',
  '  readonly db: SlackDb;',
  '  const ledger = createLedger(deps.db);',
  'createInstallationStore({ db, store, defaultTimeZone })',
];

describe('adapters other than the store', () => {
  const sources = files(adapters).filter((f) => !relative(adapters, f).startsWith('store'));
  it('include Slack and the scheduler', () => {
    const folders = new Set(sources.map((f) => relative(adapters, f).split(/[\\/]/)[0]));
    expect(folders).toContain('slack');
    expect(folders).toContain('scheduler');
  });
  for (const [what, pattern] of FORBIDDEN) {
    it(`do not touch ${what}`, () => {
      const offenders = sources.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(adapters, f));
      expect(offenders).toEqual([]);
    });
  }
  it.each(OLD_OFFENCES)('would catch %s', (line) => {
    expect(FORBIDDEN.some(([, pattern]) => pattern.test(line))).toBe(true);
  });
});
