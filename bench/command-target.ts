// One server under test for bench/command-load.ts, in its own process so that the load generator
// does not share its event loop. Prints "READY <port>" on stdout once it accepts requests.
//   node --import tsx bench/command-target.ts <bolt | bolt-insert | rapport> <database url or SQLite file> <signing secret>
//   - bolt:        a bare Bolt 5.1 app on its HTTP receiver whose /client listener only acknowledges
//   - bolt-insert: the same, then the insert of the interaction written by hand with better-sqlite3
//                  (WAL, synchronous NORMAL, one prepared statement), then the reply on the response URL
//   - rapport:     Rapport's Slack adapter, core and store (200 clients), as `npm start` wires them
import Database from 'better-sqlite3';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const [kind, database, secret] = process.argv.slice(2) as [string, string, string];
const silent = { debug() {}, info() {}, warn() {}, error: (...a: unknown[]) => console.error(...a), setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

async function reply(url: string, text: string): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ response_type: 'ephemeral', text }) });
  await res.arrayBuffer();
}

async function bare(insert: boolean): Promise<number> {
  const receiver = new HTTPReceiver({ signingSecret: secret, logger: silent });
  const app = new App({ receiver, token: 'xoxb-bench', logger: silent, tokenVerificationEnabled: false, botId: 'B1', botUserId: 'UBOT' });
  let write: ((summary: string) => void) | undefined;
  if (insert) {
    const db = new Database(database.replace(/^file:/, ''));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE IF NOT EXISTS interaction (id INTEGER PRIMARY KEY, client_id TEXT NOT NULL, kind TEXT NOT NULL, summary TEXT NOT NULL, occurred_at INTEGER NOT NULL)');
    const statement = db.prepare('INSERT INTO interaction (client_id, kind, summary, occurred_at) VALUES (?, ?, ?, ?)');
    write = (summary) => void statement.run(['client-1', 'call', summary, Date.now()]);
  }
  app.command('/client', async ({ ack, command }) => {
    await ack();
    if (!write) return;
    write(command.text);
    await reply(command.response_url, `Logged: ${command.text}`);
  });
  const server = (await app.start(0)) as unknown as { address(): { port: number } };
  return server.address().port;
}

async function rapport(): Promise<number> {
  // Loaded here, not at the top, so that the bare baselines load Bolt alone.
  const { createSlackAdapter, REPLAY_ID_PREFIX, REPLAY_MEMORY_MS } = await import('../src/adapters/slack/index.js');
  const { workLimitsFor } = await import('../src/adapters/work/bounded-work.js');
  const { openStore, prismaProcessedRequests } = await import('../src/adapters/store/index.js');
  const { createCore } = await import('../src/core/core.js');
  const { normalizeName } = await import('../src/core/commands/names.js');
  const { quiet } = await import('./latency.js');
  const opened = await openStore({ databaseUrl: database });
  const ws = await opened.store.ensureWorkspace({ platform: 'slack', externalId: 'T0001', name: 'acme' });
  const store = opened.store.workspace(ws.id);
  if (!(await store.hasClients())) {
    for (let i = 0; i < 200; i += 1) {
      const name = `Client ${i}`;
      await store.createClient({ name, normalizedName: normalizeName(name), aliases: [], ownerId: null, tier: 'standard', status: 'active', platformUserId: null, createdAt: new Date() });
    }
  }
  // The Web API is never called on this path (single workspace: auth.test at start is answered here).
  const api = await import('node:http').then(({ createServer }) => new Promise<string>((resolve) => {
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, team_id: 'T0001', user_id: 'UBOT', bot_id: 'B1' })));
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}/api/`));
  }));
  const adapter = createSlackAdapter({
    core: createCore({ store: opened.store, logger: quiet }), store: opened.store, lifecycle: opened.store.lifecycle, installations: opened.store.installations,
    processedEvents: opened.store.processedEvents, logger: quiet, clock: { now: () => new Date() },
    processedRequests: prismaProcessedRequests(opened.store.db, { prefix: REPLAY_ID_PREFIX, rememberMs: REPLAY_MEMORY_MS }),
    mode: 'http', botToken: 'xoxb-bench', signingSecret: secret, apiUrl: api, port: 0, work: workLimitsFor(opened.provider),
  });
  const { port } = await adapter.start();
  process.once('SIGTERM', () => void adapter.stop().then(() => opened.close()).then(() => process.exit(0)));
  return port!;
}

const port = kind === 'rapport' ? await rapport() : await bare(kind === 'bolt-insert');
process.stdout.write(`READY ${port}\n`);
