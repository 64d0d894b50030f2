// The command path under load: signed `/client log` requests against three servers, one after another
// in the same run, each in its own process (bench/command-target.ts):
//   bare Bolt (acknowledges only), bare Bolt + the insert by hand (better-sqlite3) + the reply, Rapport.
//   npx tsx bench/command-load.ts [rate per second] [seconds]       (200 and 20 by default)
// 1. Open loop: request i is scheduled at start + i/rate whether or not earlier ones have answered, and
//    every latency is measured from that scheduled time (so a server that falls behind is charged for
//    the queue it builds, not hidden by a sender that waits). Ack = the HTTP response; reply = the
//    body arriving on the response URL.
// 2. Full speed: 64 senders in a closed loop for 10 s; completed per second = replies received.
// Then, for the servers that write, every acknowledged request's row is counted: written exactly once?
// Requests come from CHANNELS channels in turn: Rapport gives every channel one post a second (Slack's
// per-channel limit, replies included), so a load from one channel would measure that pacing, not the
// command path. At 200/s each channel sees one request every 5 s, as in a busy multi-team app.
// BENCH_DATABASE_URL (or TEST_DATABASE_URL) set to PostgreSQL adds Rapport on PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, createServer, request, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { slackSignature, slashCommandBody } from '../test/support/fake-slack.js';
import { median, quantile } from './latency.js';

const RATE = Number(process.argv[2] ?? 200);
const SECONDS = Number(process.argv[3] ?? 20);
const FULL_SECONDS = Number(process.env.BENCH_FULL_SECONDS ?? 10);
const SENDERS = 64;
const CHANNELS = 1_000;
let sent = 0;
const SECRET = 'bench-secret';
const PG = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

/** Where replies arrive: the response URLs, by id, with their arrival time. */
class Replies {
  readonly at = new Map<string, { ms: number; text: string }[]>();
  private constructor(private readonly server: Server) {}
  static async start(): Promise<Replies> {
    const server = createServer();
    const self = new Replies(server);
    server.keepAliveTimeout = 60_000;
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const id = (req.url ?? '').split('/').pop() ?? '';
        const text = String((JSON.parse(Buffer.concat(chunks).toString() || '{}') as { text?: unknown }).text ?? '');
        const list = self.at.get(id) ?? [];
        list.push({ ms: performance.now(), text });
        self.at.set(id, list);
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return self;
  }
  url(id: string): string {
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}/respond/${id}`;
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function startTarget(kind: string, database: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/command-target.ts', kind, database, SECRET], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}/slack/events` };
}

// node:http with kept-alive sockets: far less CPU per request than fetch, so the sender keeps its schedule.
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function send(url: string, text: string, responseUrl: string): Promise<number> {
  const body = slashCommandBody({ text, responseUrl, channelId: `C${String(sent++ % CHANNELS).padStart(4, '0')}` });
  const ts = Math.floor(Date.now() / 1000);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature(SECRET, ts, body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface Run {
  readonly offered: number;
  readonly acked: number;
  readonly ackMs: number[];
  readonly replyMs: number[];
  readonly busy: number;
  readonly unacknowledged: readonly string[];
  readonly fullPerSecond: number;
  readonly fullAckedPerSecond: number;
  readonly acknowledgedIds: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

async function load(kind: string, url: string, replies: Replies, expectsReply: boolean): Promise<Run> {
  const tag = randomBytes(3).toString('hex');
  // Warm-up, then the open loop.
  for (let i = 0; i < 20; i += 1) await send(url, `log "Client ${i % 200}" call warm ${tag}-w${i}.`, replies.url(`${tag}-w${i}`));
  const total = RATE * SECONDS;
  const start = performance.now() + 50;
  const ackMs: number[] = [];
  const scheduled = new Map<string, number>();
  const acknowledgedIds: string[] = [];
  /** Why a request got no 200: its status, or the socket error the sender saw. */
  const unacknowledged: string[] = [];
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const at = start + (i * 1000) / RATE;
    const wait = at - performance.now();
    if (wait > 1) await sleep(wait);
    const id = `${tag}-${i}`;
    scheduled.set(id, at);
    inflight.push(
      send(url, `log "Client ${i % 200}" call load ${id}.`, replies.url(id)).then(
        (status) => {
          if (status === 200) {
            ackMs.push(performance.now() - at);
            acknowledgedIds.push(id);
          } else {
            unacknowledged.push(`HTTP ${status}`);
          }
        },
        (error: unknown) => void unacknowledged.push(String((error as { code?: unknown }).code ?? error)),
      ),
    );
  }
  await Promise.all(inflight);
  const replyMs: number[] = [];
  let busy = 0;
  if (expectsReply) {
    const deadline = performance.now() + 120_000;
    while (performance.now() < deadline && acknowledgedIds.some((id) => !replies.at.has(id))) await sleep(100);
    for (const id of acknowledgedIds) {
      const first = replies.at.get(id)?.[0];
      if (!first) continue;
      if (/busy/i.test(first.text)) busy += 1;
      else replyMs.push(first.ms - scheduled.get(id)!);
    }
  }
  // Full speed: closed loop.
  let done = 0;
  let acked = 0;
  const fullIds: string[] = [];
  const until = performance.now() + FULL_SECONDS * 1000;
  const fullStart = performance.now();
  await Promise.all(
    Array.from({ length: SENDERS }, async (_, s) => {
      for (let n = 0; performance.now() < until; n += 1) {
        const id = `${tag}-f${s}-${n}`;
        const status = await send(url, `log "Client ${n % 200}" call full ${id}.`, replies.url(id)).catch(() => 0);
        if (status !== 200) continue;
        acked += 1;
        fullIds.push(id);
        if (!expectsReply) continue;
        while (!replies.at.has(id) && performance.now() < until + 60_000) await sleep(2);
      }
    }),
  );
  const fullElapsed = (performance.now() - fullStart) / 1000;
  done = expectsReply ? fullIds.filter((id) => replies.at.has(id) && !/busy/i.test(replies.at.get(id)![0]!.text)).length : acked;
  void kind;
  return { offered: total, acked: acknowledgedIds.length, ackMs, replyMs, busy, unacknowledged, fullPerSecond: done / fullElapsed, fullAckedPerSecond: acked / fullElapsed, acknowledgedIds: [...acknowledgedIds, ...fullIds] };
}

/** How many rows carry each acknowledged id: the written-exactly-once check. */
async function writtenCounts(database: string, table: 'bolt-insert' | 'rapport'): Promise<Map<string, number>> {
  let summaries: string[];
  if (database.startsWith('postgres')) {
    const url = new URL(database);
    const schema = url.searchParams.get('schema')!;
    url.searchParams.delete('schema');
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    summaries = (await client.query<{ summary: string }>(`SELECT summary FROM "${schema}"."Interaction"`)).rows.map((r) => r.summary);
    await client.end();
  } else {
    const db = new Database(database.replace(/^file:/, ''), { readonly: true });
    summaries = (db.prepare(table === 'rapport' ? 'SELECT summary FROM Interaction' : 'SELECT summary FROM interaction').all() as { summary: string }[]).map((r) => r.summary);
    db.close();
  }
  const counts = new Map<string, number>();
  for (const s of summaries) {
    const id = /(?:load|full|warm) ([0-9a-f]{6}-[\w-]+)\./.exec(s)?.[1];
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

function exactlyOnce(run: Run, counts: Map<string, number>, replies: Replies): string {
  let once = 0;
  let missing = 0;
  let twice = 0;
  let shedWritten = 0;
  for (const id of run.acknowledgedIds) {
    const refused = /busy/i.test(replies.at.get(id)?.[0]?.text ?? '');
    const n = counts.get(id) ?? 0;
    if (refused) {
      if (n > 0) shedWritten += 1;
      continue;
    }
    if (n === 1) once += 1;
    else if (n === 0) missing += 1;
    else twice += 1;
  }
  return `written once ${once}, missing ${missing}, more than once ${twice}, refused-but-written ${shedWritten}`;
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-load-'));
  const replies = await Replies.start();
  const subjects: { name: string; kind: string; database: string; writes: boolean }[] = [
    { name: 'bare Bolt (ack only)', kind: 'bolt', database: '', writes: false },
    { name: 'bare Bolt + insert (better-sqlite3)', kind: 'bolt-insert', database: `file:${join(dir, 'hand.db')}`, writes: true },
    { name: 'Rapport, SQLite', kind: 'rapport', database: `file:${join(dir, 'rapport.db')}`, writes: true },
  ];
  let pgSchema: string | undefined;
  if (PG) {
    pgSchema = `bench_load_${randomBytes(4).toString('hex')}`;
    const url = new URL(PG);
    url.searchParams.set('schema', pgSchema);
    subjects.push({ name: 'Rapport, PostgreSQL', kind: 'rapport', database: url.toString(), writes: true });
  }
  console.log(`Command path: /client log at ${RATE}/s for ${SECONDS} s (open loop), then ${SENDERS} senders for ${FULL_SECONDS} s; Node ${process.version}`);
  const results: { name: string; run: Run }[] = [];
  for (const subject of subjects) {
    const { child, url } = await startTarget(subject.kind, subject.database);
    const run = await load(subject.kind, url, replies, subject.writes);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    results.push({ name: subject.name, run });
    const ack = run.ackMs;
    console.log(
      `${subject.name.padEnd(36)} acked ${run.acked}/${run.offered}${run.unacknowledged.length > 0 ? ` (not: ${[...new Set(run.unacknowledged)].map((w) => `${run.unacknowledged.filter((x) => x === w).length} ${w}`).join(', ')})` : ''}  ack p50 ${fmt(median(ack))} p99 ${fmt(quantile(ack, 0.99))} max ${fmt(Math.max(...ack))}` +
        (subject.writes ? `  reply p50 ${fmt(median(run.replyMs))} p99 ${fmt(quantile(run.replyMs, 0.99))}  busy ${run.busy}` : '') +
        `  full speed ${run.fullPerSecond.toFixed(0)}/s completed (${run.fullAckedPerSecond.toFixed(0)}/s acked)`,
    );
    if (subject.writes) console.log(`${''.padEnd(36)} ${exactlyOnce(run, await writtenCounts(subject.database, subject.kind as 'rapport'), replies)}`);
  }
  const by = (name: string) => results.find((r) => r.name === name)?.run;
  const bolt = by('bare Bolt (ack only)')!;
  const hand = by('bare Bolt + insert (better-sqlite3)')!;
  for (const r of results.filter((x) => x.name.startsWith('Rapport'))) {
    console.log(
      `${r.name}: full speed ${(r.run.fullPerSecond / bolt.fullPerSecond).toFixed(3)}x bare Bolt, ${(r.run.fullPerSecond / hand.fullPerSecond).toFixed(3)}x Bolt + insert (budget >= 0.5x); ` +
        `ack p99 ${(quantile(r.run.ackMs, 0.99) / quantile(bolt.ackMs, 0.99)).toFixed(1)}x bare Bolt's (budget < 25 ms)`,
    );
  }
  await replies.close();
  rmSync(dir, { recursive: true, force: true });
  if (PG && pgSchema) {
    const url = new URL(PG);
    url.searchParams.delete('schema');
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
    await client.end();
  }
}

await main();
