// First sync of a 10,000-message mailbox (8,000 in the inbox, 2,000 in Sent) from a real Dovecot on
// loopback: the mail watcher (headers only, parsed, classified, recorded on a fresh SQLite database
// with 200 clients) against a bare imapflow fetch of the same envelopes and header fields.
//   MAIL_BENCH_RUNS=3 npx tsx bench/mail-sync.ts   (runs from the environment: bench/run.ts passes its
//   other arguments to every bench, and one run takes minutes)
// Each measurement runs in its own process, so its peak RSS is its own; the figures are medians.
import { spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ImapFlow } from 'imapflow';
import { quiet } from './latency.js';

const USER = 'support@team.example';
const PASSWORD = 'bench';
const INBOX = 8_000;
const SENT = 2_000;
const CLIENTS = 200;
const NOW = new Date('2026-03-31T18:00:00Z');

type Mode = 'baseline' | 'parse' | 'rapport';
interface Result {
  readonly mode: Mode;
  readonly ms: number;
  readonly maxRssMb: number;
  readonly read: number;
  readonly recorded?: number;
}

const minute = 60_000;
const at = (i: number) => new Date(NOW.getTime() - 29 * 86_400_000 + i * 5 * minute);
const contact = (i: number) => `jane${i % CLIENTS}@client${i % CLIENTS}.example`;

/** Writes the messages straight into the maildir, as a delivery agent would, before the server reads it. */
function fillMaildir(mailRoot: string): void {
  const box = join(mailRoot, USER);
  const sent = join(box, '.Sent');
  for (const d of [box, sent]) for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(d, sub), { recursive: true });
  const write = (dir: string, i: number, headers: Record<string, string>) => {
    const raw = [...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), 'Content-Type: text/plain', '', 'A short body.', ''].join('\r\n');
    const when = Math.floor(new Date(headers.Date!).getTime() / 1000);
    writeFileSync(join(dir, 'cur', `${when}.M${i}P1.bench:2,S`), raw);
  };
  for (let i = 0; i < INBOX; i++) {
    const kind = i % 8; // 4/8 clients, 3/8 strangers, 1/8 newsletters
    const from = kind < 4 ? contact(i) : kind < 7 ? `someone${i}@stranger.example` : 'news@list.example';
    write(box, i, {
      From: from,
      To: USER,
      Subject: `Question number ${i}`,
      'Message-ID': `<in${i}@bench.example>`,
      Date: at(i).toUTCString(),
      ...(kind === 7 ? { 'List-Id': '<news.list.example>', Precedence: 'bulk' } : {}),
    });
  }
  for (let j = 0; j < SENT; j++) {
    const i = j * 4; // replies to client messages (kind 0)
    write(sent, INBOX + j, { From: USER, To: contact(i), Subject: `Re: Question number ${i}`, 'Message-ID': `<out${j}@team.example>`, 'In-Reply-To': `<in${i}@bench.example>`, References: `<in${i}@bench.example>`, Date: new Date(at(i).getTime() + 2 * minute).toUTCString() });
  }
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync('id', ['-u', 'dovecot']).toString());
    const gid = Number(execFileSync('id', ['-g', 'dovecot']).toString());
    execFileSync('chown', ['-R', `${uid}:${gid}`, mailRoot]);
    chownSync(mailRoot, uid, gid);
  }
}

async function child(mode: Mode, port: number): Promise<Result> {
  const t = performance.now();
  if (mode !== 'rapport') {
    const { mailHeaders, FETCH_QUERY } = await import('../src/adapters/email/headers.js');
    const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: USER, pass: PASSWORD }, logger: false });
    await client.connect();
    let read = 0;
    for (const folder of ['Sent', 'INBOX']) {
      const lock = await client.getMailboxLock(folder, { readOnly: true });
      try {
        for await (const message of client.fetch('1:*', FETCH_QUERY, { uid: true })) {
          if (mode === 'parse') await mailHeaders(message);
          read++;
        }
      } finally {
        lock.release();
      }
    }
    await client.logout();
    return { mode, ms: performance.now() - t, maxRssMb: process.resourceUsage().maxRSS / 1024, read };
  }
  const { openStore } = await import('../src/adapters/store/index.js');
  const { createCore } = await import('../src/core/core.js');
  const { createMailWatcher } = await import('../src/adapters/email/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-mail-'));
  try {
    const opened = await openStore({ databaseUrl: `file:${join(dir, 'bench.db')}` });
    const core = createCore({ store: opened.store, logger: quiet });
    const workspace = await opened.store.ensureWorkspace({ platform: 'console', externalId: 'bench', name: 'Bench', timeZone: 'Europe/London' });
    const actor = { platformUserId: 'U1', displayName: 'Sam' };
    for (let c = 0; c < CLIENTS; c++) {
      await core.runLine({ workspace, actor, now: NOW }, `/client add "Client ${c}" alias:client${c}`);
      await core.runLine({ workspace, actor, now: NOW }, `/client contact client${c} "Jane ${c}" email:${contact(c)}`);
    }
    const watcher = createMailWatcher({
      core,
      store: opened.store,
      mailboxes: opened.store.mailboxes,
      settings: [{ workspace: { platform: 'console', externalId: 'bench' }, address: USER, host: '127.0.0.1', port, tls: false, user: USER, auth: { pass: PASSWORD }, inbox: 'INBOX', sent: 'Sent', team: { addresses: [USER], domains: ['team.example'] }, dropSubjects: false, firstSyncDays: 3650 }],
      clock: { now: () => NOW },
      logger: quiet,
      random: () => 0.5,
      notify: async () => undefined,
    });
    // Timed from here: the sync alone, after the seeding above.
    const start = performance.now();
    const report = await watcher.syncOnce();
    const ms = performance.now() - start;
    await watcher.stop();
    await opened.close();
    return { mode, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, read: report.read, recorded: report.recorded };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const [mode, port] = [process.env.MAIL_BENCH_MODE as Mode | undefined, Number(process.env.MAIL_BENCH_PORT)];
  if (mode) {
    process.stdout.write(`${JSON.stringify(await child(mode, port))}\n`);
    return;
  }
  const runs = Math.max(1, Number(process.env.MAIL_BENCH_RUNS ?? 3));
  const { startDovecot } = await import('../test/support/dovecot.js');
  // Started with an empty mail folder, then filled: Dovecot indexes the maildir on first open.
  const dovecot = await startDovecot({ [USER]: PASSWORD });
  try {
    fillMaildir(join(dovecot.dir, 'mail'));
    // Warm-up: the server builds its index of the 10,000 files once, outside every measurement.
    const warm = await dovecot.client(USER);
    for (const folder of ['INBOX', 'Sent']) await warm.status(folder, { messages: true });
    await warm.logout();
    const results: Result[] = [];
    for (let r = 0; r < runs; r++) {
      for (const m of ['baseline', 'parse', 'rapport'] as const) {
        const out = spawnSync(process.execPath, ['--import', 'tsx', 'bench/mail-sync.ts'], { env: { ...process.env, MAIL_BENCH_MODE: m, MAIL_BENCH_PORT: String(dovecot.port) }, encoding: 'utf8' });
        if (out.status !== 0) throw new Error(`${m} run failed: ${out.stderr}`);
        results.push(JSON.parse(out.stdout.trim().split('\n').at(-1)!) as Result);
      }
    }
    const of = (m: Mode) => results.filter((x) => x.mode === m);
    const base = median(of('baseline').map((x) => x.ms));
    console.log(`mail sync, ${INBOX + SENT} messages (${INBOX} inbox, ${SENT} Sent), median of ${runs} runs, each in its own process:`);
    for (const m of ['baseline', 'parse', 'rapport'] as const) {
      const rs = of(m);
      const ms = median(rs.map((x) => x.ms));
      const label = { baseline: 'bare imapflow fetch', parse: 'fetch + header parsing', rapport: 'Rapport sync (SQLite)' }[m];
      const extra = m === 'rapport' ? `  recorded=${rs[0]!.recorded}` : '';
      console.log(`${label.padEnd(24)} ${ms.toFixed(0).padStart(7)} ms  ${(ms / base).toFixed(2)}x  peak RSS ${median(rs.map((x) => x.maxRssMb)).toFixed(0)} MB  read=${rs[0]!.read}${extra}`);
    }
  } finally {
    await dovecot.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
