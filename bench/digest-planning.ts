// Digest planning at community scale, against hand-written SQL that selects the same due items,
// measured in the same run on the same database.
//   npx tsx bench/digest-planning.ts            (SQLite; PostgreSQL too when BENCH_DATABASE_URL or
//                                                TEST_DATABASE_URL is set)
//   BENCH_SIZES=1000,10000 npx tsx bench/digest-planning.ts
// For each size: a workspace of N generated clients (20 interactions over two years, 3 dates,
// 2 likes and a few follow-ups each) is written with bulk SQL; then, each in a fresh child process
// so that its peak resident memory is its own, Rapport plans the morning digest RUNS times and the
// SQL floor runs the same candidate queries by hand. Reported: median time, peak RSS, ratio to
// the floor, and growth from one size to the next. Then 1,000 workspaces of 200 clients: plan and
// render every digest.
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openStore, PrismaStore } from '../src/adapters/store/index.js';
import { openDatabase } from '../src/adapters/store/database.js';
import { digestToText } from '../src/core/digest/index.js';
import { planDigest } from '../src/core/use-cases/plan-digest.js';
import { createTestDatabase, type CreatedTestDatabase, type TestProvider } from '../test/support/databases.js';
import { bulkInsert } from '../test/support/bulk-workspace.js';
import { sqlFloor } from './sql-floor.js';

export const NOW = new Date('2026-03-10T06:00:00Z'); // a Tuesday morning in London
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const WORKSPACES = Number(process.env.BENCH_WORKSPACES ?? 1000);
const SELF = fileURLToPath(import.meta.url);

interface Measure {
  readonly medianMs: number;
  readonly peakRssMb: number;
  /** Peak RSS minus RSS once the database was open: what planning itself added. */
  readonly addedMb: number;
  readonly due: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => Math.round(bytes / 1_048_576);

/** Child process: plans (or runs the floor) RUNS times after one warm-up, reports median and peak RSS. */
async function child(mode: 'rapport' | 'floor', url: string, workspaceId: string): Promise<void> {
  const times: number[] = [];
  let due = 0;
  let opened = 0;
  if (mode === 'rapport') {
    // The database is migrated already: open it as the running app's store does, without the migration engine.
    const { db, provider } = await openDatabase(url);
    const store = new PrismaStore(db, provider).workspace(workspaceId);
    await store.getWorkspace();
    opened = process.memoryUsage().rss;
    for (let i = 0; i <= RUNS; i++) {
      const t0 = performance.now();
      const digest = await planDigest({ store, now: NOW, kind: 'morning' });
      if (i > 0) times.push(performance.now() - t0);
      due = digest.sections.reduce((n, s) => n + s.items.length, 0) + (digest.overflow?.count ?? 0);
    }
    await db.$disconnect();
  } else {
    const floor = await sqlFloor(url, workspaceId, NOW);
    opened = process.memoryUsage().rss;
    for (let i = 0; i <= RUNS; i++) {
      const t0 = performance.now();
      due = await floor.run();
      if (i > 0) times.push(performance.now() - t0);
    }
    await floor.close();
  }
  const peak = process.resourceUsage().maxRSS * 1024;
  const result: Measure = { medianMs: median(times), peakRssMb: mb(peak), addedMb: mb(peak - opened), due };
  process.send?.(result);
}

function measure(mode: 'rapport' | 'floor', url: string, workspaceId: string): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const proc = fork(SELF, ['--child', mode, url, workspaceId], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    proc.once('message', (m) => resolve(m as Measure));
    proc.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`${mode} child exited with ${code}`))));
  });
}

async function freshWorkspace(provider: TestProvider, clients: number, interactions: number, workspaces = 1) {
  const database: CreatedTestDatabase = await createTestDatabase(provider);
  const opened = await openStore({ databaseUrl: database.url });
  const ids: string[] = [];
  const t0 = performance.now();
  for (let w = 0; w < workspaces; w++) {
    const workspace = await opened.store.ensureWorkspace({ platform: 'console', externalId: `bench-${w}`, name: `Bench ${w}`, timeZone: 'Europe/London' });
    const ws = opened.store.workspace(workspace.id);
    const owners = [await ws.ensureMember('U1', 'Ann'), await ws.ensureMember('U2', 'Bo'), await ws.ensureMember('U3', 'Cy')];
    await bulkInsert(database.url, { workspaceId: workspace.id, prefix: workspaces === 1 ? '' : `w${w}-`, clients, interactions, now: NOW, ownerIds: owners.map((o) => o.id), seed: w + 1, analyze: false });
    ids.push(workspace.id);
  }
  // Fresh statistics, as a long-running database would have.
  await opened.store.db.$executeRawUnsafe('ANALYZE');
  const generatedMs = performance.now() - t0;
  return { database, opened, ids, generatedMs };
}

async function planningBySize(provider: TestProvider): Promise<void> {
  console.log(`\n## Digest planning on ${provider} (median of ${RUNS} runs after a warm-up; peak RSS of a process that only does this)`);
  console.log('| clients | generate | Rapport | SQL floor | ratio | Rapport peak RSS (added by planning) | floor peak RSS (added) | due items Rapport / floor | growth Rapport | growth floor |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  let previous: { rapport: Measure; floor: Measure } | null = null;
  for (const size of SIZES) {
    const { database, opened, ids, generatedMs } = await freshWorkspace(provider, size, 20);
    await opened.close();
    try {
      const rapport = await measure('rapport', database.url, ids[0]!);
      const floor = await measure('floor', database.url, ids[0]!);
      const growth = (a: number, b: number | undefined) => (b === undefined ? '' : `${(a / b).toFixed(2)}x`);
      console.log(
        `| ${size.toLocaleString('en')} | ${(generatedMs / 1000).toFixed(1)} s | ${rapport.medianMs.toFixed(1)} ms | ${floor.medianMs.toFixed(1)} ms | ${(rapport.medianMs / floor.medianMs).toFixed(2)}x | ${rapport.peakRssMb} MB (${rapport.addedMb}) | ${floor.peakRssMb} MB (${floor.addedMb}) | ${rapport.due} / ${floor.due} | ${growth(rapport.medianMs, previous?.rapport.medianMs)} | ${growth(floor.medianMs, previous?.floor.medianMs)} |`,
      );
      previous = { rapport, floor };
    } finally {
      await database.drop();
    }
  }
}

async function manyWorkspaces(provider: TestProvider): Promise<void> {
  const { database, opened, ids, generatedMs } = await freshWorkspace(provider, 200, 5, WORKSPACES);
  try {
    const t0 = performance.now();
    let chars = 0;
    for (const id of ids) {
      const digest = await planDigest({ store: opened.store.workspace(id), now: NOW, kind: 'morning' });
      chars += digestToText(digest).length;
    }
    const ms = performance.now() - t0;
    console.log(`\n## ${WORKSPACES.toLocaleString('en')} workspaces of 200 clients on ${provider}`);
    console.log(`generated in ${(generatedMs / 1000).toFixed(1)} s; planned and rendered every digest in ${(ms / 1000).toFixed(2)} s (${(ms / ids.length).toFixed(1)} ms each, ${chars.toLocaleString('en')} characters), peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
  } finally {
    await opened.close();
    await database.drop();
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3] as 'rapport' | 'floor', process.argv[4]!, process.argv[5]!);
  const providers: TestProvider[] = ['sqlite'];
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    process.env.TEST_DATABASE_URL = pgUrl;
    providers.push('postgresql');
  }
  for (const provider of providers) await planningBySize(provider);
  for (const provider of providers) await manyWorkspaces(provider);
}

await main();
