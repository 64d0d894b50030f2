// Elects one process per tick. With PostgreSQL any number of replicas may run: each tick takes a
// session-level advisory lock on a dedicated connection (session locks belong to the connection
// that took them, so a pooled client could unlock on the wrong one), and a replica that does not get
// it skips the tick. If the holder dies, PostgreSQL drops its session and the lock with it.
// Election is an optimisation: the delivery ledger keeps posts exactly-once even if two replicas
// run the same tick. SQLite deployments are single-process: the scheduler's singleProcess elects them.
import pg from 'pg';
import type { TickCoordinator } from '../../core/ports/tick-coordinator.js';
import { parseDatabaseUrl } from './database.js';

/**
 * PostgreSQL advisory-lock coordinator. The lock key is derived from the schema, so deployments (or
 * test runs) sharing one database in different schemas do not block each other.
 */
export function postgresCoordinator(input: {
  readonly databaseUrl: string;
  readonly name?: string;
  /**
   * How long the lock's session may sit idle before PostgreSQL ends it (idle_session_timeout,
   * PostgreSQL 14+). Between ticks the session is idle for a minute, and during a tick for the tick's
   * length, so keep it well above the tick interval; a process that hangs while holding the lock
   * loses it after this long. Default 15 minutes.
   */
  readonly holdLimitMs?: number;
}): TickCoordinator {
  const holdLimitMs = input.holdLimitMs ?? 15 * 60_000;
  const target = parseDatabaseUrl(input.databaseUrl);
  if (target.provider !== 'postgresql') throw new Error('postgresCoordinator needs a PostgreSQL URL');
  const { connectionString, schema } = target;
  const lockName = `rapport:${input.name ?? 'digest-scheduler'}:${schema ?? 'public'}`;
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;

  async function connection(): Promise<pg.Client> {
    if (client) return client;
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString });
      // A dropped connection has dropped the lock too; forget it and reconnect on the next tick.
      c.on('error', () => {
        if (client === c) client = null;
      });
      await c.connect();
      try {
        await c.query(`SET idle_session_timeout = ${Math.floor(holdLimitMs)}`);
      } catch {
        // PostgreSQL before 14 has no idle_session_timeout: a hung holder then keeps the lock (docs/delivery.md).
      }
      client = c;
      return c;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  async function drop(c: pg.Client): Promise<void> {
    if (client === c) client = null;
    await c.end().catch(() => undefined);
  }

  return {
    async tryAcquire() {
      const c = await connection();
      let locked: boolean;
      try {
        const res = await c.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [lockName]);
        locked = res.rows[0]?.locked === true;
      } catch (error) {
        await drop(c);
        throw error;
      }
      if (!locked) return null;
      return {
        async release() {
          try {
            await c.query('SELECT pg_advisory_unlock(hashtext($1))', [lockName]);
          } catch {
            // The session is broken, and a broken session holds no lock: start afresh next tick.
            await drop(c);
          }
        },
      };
    },
    async close() {
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
