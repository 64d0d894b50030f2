// Opening by URL, migrating at start-up, and keeping dev-only packages out of production start-up.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, parseDatabaseUrl } from '../../../src/adapters/store/index.js';
import { applyMigrations, readMigrations } from '../../../src/adapters/store/migrations.js';
import type { Logger } from '../../../src/core/ports/logger.js';

describe('parseDatabaseUrl', () => {
  it.each([
    ['file:./data/rapport.db', { provider: 'sqlite', file: resolve('data/rapport.db') }],
    ['/tmp/x.db', { provider: 'sqlite', file: '/tmp/x.db' }],
    ['file::memory:', { provider: 'sqlite', file: ':memory:' }],
    ['postgres://u@h:5432/db', { provider: 'postgresql', connectionString: 'postgres://u@h:5432/db', schema: null }],
    ['postgresql://u@h/db?schema=t1&sslmode=disable', { provider: 'postgresql', connectionString: 'postgresql://u@h/db?sslmode=disable', schema: 't1' }],
  ])('%s', (url, expected) => {
    expect(parseDatabaseUrl(url)).toEqual(expected);
  });

  it('refuses other schemes and unsafe schema names', () => {
    expect(() => parseDatabaseUrl('mysql://h/db')).toThrow(/unsupported/);
    expect(() => parseDatabaseUrl('postgresql://h/db?schema=a";drop')).toThrow(/schema name/);
    expect(() => parseDatabaseUrl('postgresql://h/db?schema=Mixed')).toThrow(/schema name/);
  });
});

describe('openStore on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-open-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the parent folder, applies migrations once, and reports them', async () => {
    const url = `file:${join(dir, 'nested', 'deeper', 'rapport.db')}`;
    const lines: string[] = [];
    const logger: Logger = { debug: (_f, m) => lines.push(`debug ${m}`), info: (_f, m) => lines.push(`info ${m}`), warn: () => {}, error: () => {} };
    const first = await openStore({ databaseUrl: url, logger });
    expect(first.provider).toBe('sqlite');
    expect(await first.store.listWorkspaces()).toEqual([]);
    await first.close();
    const second = await openStore({ databaseUrl: url, logger });
    await second.close();
    expect(lines).toEqual(['info database migrations applied', 'debug database schema up to date']);
    expect(existsSync(join(dir, 'nested', 'deeper', 'rapport.db'))).toBe(true);
    expect(await applyMigrations(url)).toEqual([]);
  });

  it('runs in write-ahead-log mode with synchronous NORMAL, so a commit does not wait for the disk twice', async () => {
    const url = `file:${join(dir, 'wal.db')}`;
    const opened = await openStore({ databaseUrl: url });
    const pragma = async (name: string) => Object.values((await opened.store.db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0]!)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(Number(await pragma('synchronous'))).toBe(1); // NORMAL
    expect(Number(await pragma('busy_timeout'))).toBeGreaterThanOrEqual(5_000);
    expect(Number(await pragma('secure_delete'))).toBe(1);
    await opened.close();
  });

  it('reads the committed migrations in order, with the provider lockfile', () => {
    for (const provider of ['sqlite', 'postgresql'] as const) {
      const list = readMigrations(provider);
      expect(list.lockfile.content).toContain(`provider = "${provider}"`);
      const names = list.migrationDirectories.map((d) => d.path);
      expect(names.length).toBeGreaterThan(0);
      expect(names).toEqual([...names].sort());
    }
  });
});

describe('production start-up', () => {
  it('never imports the dev-only shadow database packages statically', () => {
    const dir = resolve('src/adapters/store');
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    for (const file of sources) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/^import[^;]*from '(@electric-sql\/pglite|pglite-prisma-adapter)'/m);
    }
  });
});

describe('openStore guards', () => {
  it('refuses an in-memory SQLite database, which migrations could not reach', async () => {
    await expect(openStore({ databaseUrl: 'file::memory:' })).rejects.toThrow(/:memory:/);
  });
});
