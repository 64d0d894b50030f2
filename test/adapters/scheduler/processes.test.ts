// Real processes: a scheduler killed with SIGKILL in the middle of a run and restarted, and three
// replicas on one PostgreSQL database. Each child records its publish calls to one shared file.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, forEachDatabase, type CreatedTestDatabase, describeOnPostgres } from '../../support/databases.js';
import { entryArgs } from '../../support/entry-build.js';
import { readPublishFile, type PublishCall } from '../../support/fake-publisher.js';
import { openStore } from '../../../src/adapters/store/index.js';
import { addDays, atLocalTime, isBusinessDay } from '../../../src/core/time/index.js';
import { seedWorkspaces, type SeedWorkspace } from './harness.js';

const ENTRY = 'test/adapters/scheduler/child-entry.ts';

function child(env: Record<string, string>, ipc = false): { proc: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const proc = spawn(process.execPath, entryArgs(ENTRY), { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? (['ipc'] as const) : [])] });
  let stdout = '';
  let stderr = '';
  proc.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { proc, done };
}

async function seed(url: string, seeds: readonly SeedWorkspace[]): Promise<void> {
  const opened = await openStore({ databaseUrl: url });
  await seedWorkspaces(opened.store, seeds);
  await opened.close();
}

/** Posts by delivery key: a number above 1 is a duplicate. */
function postsByKey(calls: readonly PublishCall[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of calls) if (c.status === 'posted') out.set(c.deliveryKey, (out.get(c.deliveryKey) ?? 0) + 1);
  return out;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-sched-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

forEachDatabase((database) => {
  describe('a process killed mid-run, then restarted', () => {
    const WORKSPACES = 60;
    it('leaves 0 duplicates and 0 missed', async () => {
      await seed(database.url, Array.from({ length: WORKSPACES }, (_, i) => ({ externalId: `W${i}`, timeZone: 'UTC', channel: `C${i}` })));
      const file = join(dir, `crash-${database.provider}.jsonl`);
      const env = { DATABASE_URL: database.url, POSTS_FILE: file, INSTANCE_ID: 'replica-a', MODE: 'once', ANSWER_DELAY_MS: '40' };

      const first = child({ ...env, TICK_AT: '2026-03-10T08:45:00Z' });
      // Kill once a third of the posts are out: several are then posted but not yet marked.
      while (readPublishFile(file).length < WORKSPACES / 3) {
        if (first.proc.exitCode !== null) throw new Error(`child exited early: ${(await first.done).stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      first.proc.kill('SIGKILL');
      expect((await first.done).signal).toBe('SIGKILL');
      const beforeRestart = readPublishFile(file).length;
      expect(beforeRestart).toBeLessThan(WORKSPACES);

      const second = child({ ...env, TICK_AT: '2026-03-10T08:46:00Z' });
      const result = await second.done;
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);

      const calls = readPublishFile(file);
      const posts = postsByKey(calls);
      expect(posts.size).toBe(WORKSPACES * 1); // 0 missed: every workspace's morning digest
      expect([...posts.values()].filter((n) => n > 1)).toEqual([]); // 0 duplicates
      // The restart asked the platform about the claims with no recorded outcome, and only those.
      const unknown = calls.filter((c) => c.status === 'already-posted');
      expect(unknown.length).toBeGreaterThan(0);
      expect(unknown.length).toBeLessThanOrEqual(8);
    }, 120_000);
  });
});

describeOnPostgres('three replicas on one PostgreSQL database', () => {
  let database: CreatedTestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
  });
  afterAll(() => database.drop());

  it('post exactly one digest per channel per day over six simulated days across a clock change', async () => {
    // New York changes its clocks on Sunday Nov 1: Thursday to Tuesday around it.
    const seeds: SeedWorkspace[] = [
      ...['A', 'B', 'C'].map((x) => ({ externalId: `utc-${x}`, timeZone: 'UTC', channel: `C-utc-${x}` })),
      ...['A', 'B', 'C'].map((x) => ({ externalId: `ny-${x}`, timeZone: 'America/New_York', channel: `C-ny-${x}` })),
    ];
    await seed(database.url, seeds);
    const from = '2026-10-29';
    const days = 6;
    // A tick at each slot, then two more (as cron's every-minute ticks would be): a replica that
    // ticks after the elected one has posted must find the slot settled.
    const instants = new Set<number>();
    const expected: string[] = [];
    for (let i = 0; i < days; i++) {
      const date = addDays(from, i);
      for (const zone of ['UTC', 'America/New_York']) {
        if (!isBusinessDay({ timeZone: zone, businessDays: [1, 2, 3, 4, 5], businessStart: '09:00', businessEnd: '17:30' }, date)) continue;
        for (const [kind, at] of [['morning', '08:45'], ['sweep', '16:30']] as const) {
          const t = atLocalTime(date, at, zone).getTime();
          instants.add(t);
          for (const s of seeds.filter((x) => x.timeZone === zone)) expected.push(`${s.channel} ${kind} ${date}`);
        }
      }
    }
    const ticks = [...instants].sort((a, b) => a - b).flatMap((at) => [at, at + 60_000, at + 20 * 60_000]);
    const file = join(dir, 'replicas.jsonl');
    // One simulated clock for all three: the test hands each tick to every replica at once (in a
    // rotating order) and waits for all of them before the next, so the replicas race for each
    // tick's lock and ledger rows, but never for wall-clock time.
    const env = { DATABASE_URL: database.url, POSTS_FILE: file, MODE: 'lockstep', WARM_UP_AT: new Date(ticks[0]! - 3_600_000).toISOString() };
    const children = ['r1', 'r2', 'r3'].map((id) => child({ ...env, INSTANCE_ID: id }, true));
    const answers = children.map(({ proc }) => {
      const queue: unknown[] = [];
      const waiting: ((m: unknown) => void)[] = [];
      proc.on('message', (m) => (waiting.length > 0 ? waiting.shift()!(m) : queue.push(m)));
      return () => (queue.length > 0 ? Promise.resolve(queue.shift()) : new Promise<unknown>((resolve) => waiting.push(resolve)));
    });
    const exited = Promise.race(children.map((c) => c.done.then((r) => Promise.reject(new Error(`a replica exited early: ${r.stderr}`)))));
    const answer = (i: number) => Promise.race([answers[i]!(), exited]);
    expect(await Promise.all(children.map((_, i) => answer(i)))).toEqual(['ready', 'ready', 'ready']);
    const wins: boolean[][] = [];
    for (const [n, at] of ticks.entries()) {
      const order = [0, 1, 2].map((k) => (k + n) % 3);
      for (const i of order) children[i]!.proc.send({ at });
      wins.push(((await Promise.all([0, 1, 2].map((i) => answer(i)))) as { elected: boolean }[]).map((a) => a.elected));
    }
    for (const c of children) c.proc.send({ stop: true });
    const results = await Promise.all(children.map((c) => c.done));
    for (const r of results) expect(r.stderr).toBe('');
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);

    const calls = existsSync(file) ? readPublishFile(file) : [];
    const posted = calls.filter((c) => c.status === 'posted');
    const seen = posted.map((c) => `${c.channel} ${c.kind} ${c.localDate}`).sort();
    expect(seen).toEqual(expected.sort()); // one per channel per day: none missing, none twice
    // The ledger alone kept it exactly-once: nobody needed the platform's already-posted answer.
    expect(calls.filter((c) => c.status === 'already-posted')).toEqual([]);
    // Every tick elected someone; the lock elected one process a tick far more often than not (two
    // can run one tick when one finished before another asked), and the work was shared.
    expect(wins.every((w) => w.some(Boolean))).toBe(true);
    const elected = [0, 1, 2].map((i) => wins.filter((w) => w[i]).length);
    expect(elected.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
    expect(elected.reduce((a, b) => a + b, 0)).toBeLessThan(1.5 * ticks.length);
    // Every slot was posted at its own tick, on time: none late.
    expect(posted.filter((c) => c.notices.length > 0)).toEqual([]);
  }, 120_000);
});
