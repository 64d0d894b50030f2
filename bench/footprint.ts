// Footprint: time from spawning the process to ready, and resident memory once it has idled, for
// Rapport in the console and on Slack (HTTP mode, one workspace, FakeSlack answering auth.test),
// against bare Node and a bare Bolt app measured in the same run. Each is started BENCH_RUNS times
// (3) on an already migrated SQLite database (the usual start); medians are reported.
//   npx tsx bench/footprint.ts
// Entry points: through tsx (`npm start`) and, when `npm run build` has produced dist/, compiled.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FakeSlack } from '../test/support/fake-slack.js';
import { median } from './latency.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const IDLE_MS = 2_000;

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D+/g, '')) / 1024;
}

interface Subject {
  readonly name: string;
  readonly args: readonly string[];
  readonly env?: Record<string, string>;
  /** Ready when this appears on stdout or stderr. */
  readonly ready: RegExp;
  /** Written to stdin once started (the console answers it when ready); stdin stays open. */
  readonly input?: string;
}

async function measure(subject: Subject): Promise<{ readyMs: number; rss: number }> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, subject.args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...subject.env } });
  if (subject.input) child.stdin!.write(subject.input);
  const readyMs = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const look = (chunk: Buffer) => {
      seen += chunk.toString();
      if (subject.ready.test(seen)) resolve(performance.now() - started);
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    child.once('exit', (code) => reject(new Error(`${subject.name} exited with ${code} before ready: ${seen.slice(-400)}`)));
  });
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const rss = rssMb(child.pid!);
  child.stdin!.end();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { readyMs, rss };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-footprint-'));
  const slack = await FakeSlack.start();
  const database = `file:${join(dir, 'rapport.db')}`;
  const base = { DATABASE_URL: database, LOG_LEVEL: 'info', HEALTH_PORT: '0' };
  const slackEnv = { ...base, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench-secret', SLACK_API_URL: slack.apiUrl, PORT: '0' };
  const compiled = existsSync('dist/src/main.js') ? 'dist/src/main.js' : existsSync('dist/main.js') ? 'dist/main.js' : null;
  const subjects: Subject[] = [
    { name: 'bare Node (baseline)', args: ['-e', 'console.log("ready"); setInterval(() => {}, 1000)'], ready: /ready/ },
    { name: 'bare Bolt app (baseline)', args: ['--import', 'tsx', 'bench/command-target.ts', 'bolt', '', 'bench-secret'], ready: /READY/ },
    { name: 'Rapport console (tsx)', args: ['--import', 'tsx', 'src/main.ts'], env: base, ready: /Usage|clients|No clients|\n/, input: '/client list\n' },
    { name: 'Rapport on Slack (tsx)', args: ['--import', 'tsx', 'src/main.ts'], env: slackEnv, ready: /Rapport is running on/ },
  ];
  if (compiled) {
    subjects.push({ name: 'Rapport console (compiled)', args: [compiled], env: base, ready: /Usage|clients|No clients|\n/, input: '/client list\n' });
    subjects.push({ name: 'Rapport on Slack (compiled)', args: [compiled], env: slackEnv, ready: /Rapport is running on/ });
  }
  // The first start creates and migrates the database; the runs measure the usual start.
  await measure(subjects[2]!);
  console.log(`Footprint: ready time and resident memory after ${IDLE_MS / 1000} s idle, median of ${RUNS} starts, SQLite already migrated; Node ${process.version}`);
  const results = new Map<string, { ready: number; rss: number }>();
  for (const subject of subjects) {
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await measure(subject));
    const r = { ready: median(runs.map((x) => x.readyMs)), rss: median(runs.map((x) => x.rss)) };
    results.set(subject.name, r);
    console.log(`${subject.name.padEnd(30)} ready ${r.ready.toFixed(0).padStart(6)} ms   idle RSS ${r.rss.toFixed(0).padStart(4)} MB`);
  }
  const node = results.get('bare Node (baseline)')!;
  const bolt = results.get('bare Bolt app (baseline)')!;
  for (const [name, r] of results) {
    if (!name.startsWith('Rapport')) continue;
    console.log(`${name}: ready ${(r.ready / bolt.ready).toFixed(1)}x bare Bolt (budget < 2 s), RSS ${(r.rss / bolt.rss).toFixed(1)}x bare Bolt, ${(r.rss / node.rss).toFixed(1)}x bare Node (budget < 150 MB)`);
  }
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
