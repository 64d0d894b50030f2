// Acknowledgement latency of `/client log` through the real Bolt HTTP receiver, on a fresh SQLite
// database, with FakeSlack on loopback. Slack wants an ack within 3 seconds.
//   npx tsx bench/slack-ack.ts [runs]
// Measures, from sending the signed request to receiving the HTTP response:
//   - `/client log <client> call …`  (ack first; the core runs after it)
//   - `/client log`                  (ack, then views.open)
//   - log form submission            (acknowledged after a check that needs no database; the core runs after it)
import { quiet, summary } from './latency.js';
import { createCore } from '../src/core/core.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPLAY_ID_PREFIX, REPLAY_MEMORY_MS, createSlackAdapter } from '../src/adapters/slack/index.js';
import { workLimitsFor } from '../src/adapters/work/bounded-work.js';
import { openStore, prismaProcessedRequests } from '../src/adapters/store/index.js';
import { FakeSlack, interactiveBody, postSigned, slashCommandBody } from '../test/support/fake-slack.js';

const RUNS = Number(process.argv[2] ?? 300);
const SECRET = 'bench-secret';


async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
  const opened = await openStore({ databaseUrl: `file:${join(dir, 'bench.db')}` });
  const slack = await FakeSlack.start();
  const adapter = createSlackAdapter({
    core: createCore({ store: opened.store, logger: quiet }), store: opened.store, lifecycle: opened.store.lifecycle, installations: opened.store.installations, processedEvents: opened.store.processedEvents, logger: quiet, 
    processedRequests: prismaProcessedRequests(opened.store.db, { prefix: REPLAY_ID_PREFIX, rememberMs: REPLAY_MEMORY_MS }), clock: { now: () => new Date() },
    mode: 'http', botToken: 'xoxb-bench', signingSecret: SECRET, apiUrl: slack.apiUrl, port: 0, work: workLimitsFor(opened.provider),
  });
  const { port } = await adapter.start();
  const url = `http://127.0.0.1:${port}/slack/events`;
  const send = (body: string) => postSigned(url, body, 'application/x-www-form-urlencoded', { secret: SECRET });
  // Each request from its own channel: Rapport paces its posts to one a second per channel, replies
  // included, and this bench measures the acknowledgement, not that pace.
  const command = (text: string, id: string) => send(slashCommandBody({ text, responseUrl: slack.responseUrl(id), channelId: `C-${id}` }));

  // Seed: a workspace with 200 clients, so the core's lookups are not trivially small.
  for (let i = 0; i < 200; i += 1) {
    const r = await command(`add "Client ${i}"`, `seed-${i}`);
    if (r.status !== 200) throw new Error(`seed failed: ${r.status}`);
    await slack.waitForResponse(`seed-${i}`);
  }
  const ws = await opened.store.findWorkspace('slack', 'T0001');
  const clientId = (await opened.store.workspace(ws!.id).clientDirectory())[0]!.id;

  const inline: number[] = [];
  const modal: number[] = [];
  const submit: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    let t = performance.now();
    const a = await command(`log "Client ${i % 200}" call happy bench run ${i}`, `log-${i}`);
    inline.push(performance.now() - t);
    if (a.status !== 200) throw new Error(`inline ack ${a.status}`);
    await slack.waitForResponse(`log-${i}`); // the next request starts once the work is done

    const opens = slack.callsTo('views.open').length;
    t = performance.now();
    const b = await command('log', `modal-${i}`);
    modal.push(performance.now() - t);
    if (b.status !== 200) throw new Error(`modal ack ${b.status}`);
    await slack.waitForCall('views.open', opens + 1);

    const payload = {
      type: 'view_submission', team: { id: 'T0001', domain: 'acme' }, user: { id: 'U0001', name: 'jane', team_id: 'T0001' },
      view: { id: 'V1', type: 'modal', callback_id: 'rapport_log', private_metadata: JSON.stringify({ responseUrl: slack.responseUrl(`form-${i}`), channel: `C-form-${i}` }), state: { values: {
        client: { client_pick: { type: 'external_select', selected_option: { value: clientId } } },
        kind: { kind: { type: 'static_select', selected_option: { value: 'meeting' } } },
        note: { note: { type: 'plain_text_input', value: `form run ${i}` } },
      } } },
    };
    t = performance.now();
    const c = await send(interactiveBody(payload));
    submit.push(performance.now() - t);
    if (c.status !== 200 || c.body !== '') throw new Error(`submit ack ${c.status} ${c.body}`);
    await slack.waitForResponse(`form-${i}`);
  }
  console.log(`Slack ack latency, ${RUNS} runs each, SQLite, loopback, Node ${process.version}`);
  console.log(summary('/client log <line>', inline));
  console.log(summary('/client log (opens form)', modal));
  console.log(summary('log form submission', submit));
  await adapter.stop();
  await slack.close();
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
