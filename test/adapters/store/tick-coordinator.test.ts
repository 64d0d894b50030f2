import { describeOnPostgres } from '../../support/databases.js';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { singleProcess } from '../../../src/adapters/scheduler/index.js';
import { postgresCoordinator } from '../../../src/adapters/store/index.js';

const base = process.env.TEST_DATABASE_URL;
const withSchema = (schema: string) => {
  const url = new URL(base ?? 'postgresql://localhost/none');
  url.searchParams.set('schema', schema);
  return url.toString();
};

describe('singleProcess coordinator (SQLite)', () => {
  it('always elects this process', async () => {
    const lease = await singleProcess.tryAcquire();
    expect(lease).not.toBeNull();
    await lease?.release();
  });
});

describeOnPostgres('postgresCoordinator', () => {
  it('elects one holder at a time, per schema', async () => {
    const schema = `coord_${process.pid}`;
    const [a, b, other] = [postgresCoordinator({ databaseUrl: withSchema(schema) }), postgresCoordinator({ databaseUrl: withSchema(schema) }), postgresCoordinator({ databaseUrl: withSchema(`${schema}_x`) })];
    try {
      const held = await a.tryAcquire();
      expect(held).not.toBeNull();
      expect(await b.tryAcquire()).toBeNull();
      // Another schema is another deployment: not blocked.
      const elsewhere = await other.tryAcquire();
      expect(elsewhere).not.toBeNull();
      await elsewhere?.release();
      await held?.release();
      const next = await b.tryAcquire();
      expect(next).not.toBeNull();
      await next?.release();
    } finally {
      await Promise.all([a.close(), b.close(), other.close()]);
    }
  });

  it('frees the lock when the holder session dies', async () => {
    const schema = `coord_dead_${process.pid}`;
    const a = postgresCoordinator({ databaseUrl: withSchema(schema), name: 'dead-holder' });
    const b = postgresCoordinator({ databaseUrl: withSchema(schema), name: 'dead-holder' });
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      expect(await a.tryAcquire()).not.toBeNull();
      expect(await b.tryAcquire()).toBeNull();
      // Kill the holder's backend, as a crashed process's connection would be closed.
      await admin.query(
        `SELECT pg_terminate_backend(l.pid) FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objid = (hashtext($1)::bigint & 4294967295)::oid`,
        [`rapport:dead-holder:${schema}`],
      );
      await expect.poll(async () => {
        const lease = await b.tryAcquire();
        await lease?.release();
        return lease !== null;
      }).toBe(true);
      // The dead holder reconnects on a later tick instead of failing for good (one tick may throw).
      const again = await a.tryAcquire().catch(() => a.tryAcquire());
      expect(again).not.toBeNull();
      await again?.release();
    } finally {
      await admin.end();
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('takes the lock from a holder that hangs longer than the hold limit', async () => {
    const schema = `coord_hung_${process.pid}`;
    const a = postgresCoordinator({ databaseUrl: withSchema(schema), holdLimitMs: 1_000 });
    const b = postgresCoordinator({ databaseUrl: withSchema(schema), holdLimitMs: 1_000 });
    try {
      expect(await a.tryAcquire()).not.toBeNull(); // and never released: a hung tick
      expect(await b.tryAcquire()).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const lease = await b.tryAcquire().catch(() => b.tryAcquire());
      expect(lease).not.toBeNull();
      await lease?.release();
    } finally {
      await Promise.all([a.close().catch(() => undefined), b.close()]);
    }
  });
});
