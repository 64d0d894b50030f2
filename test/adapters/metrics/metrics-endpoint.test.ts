import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHealthServer, type HealthServer } from '../../../src/adapters/health/health-server.js';
import { corePortLogger, createLogger } from '../../../src/adapters/logging/logger.js';
import { createMetrics, meteredCore, metricsRoute, type Metrics } from '../../../src/adapters/metrics/index.js';
import { createScheduler } from '../../../src/adapters/scheduler/index.js';
import { openStore, type OpenedStore } from '../../../src/adapters/store/index.js';
import { createCore, type Core } from '../../../src/core/core.js';
import type { Workspace } from '../../../src/core/model/index.js';
import { forEachDatabase } from '../../support/databases.js';
import { createFakePublisher } from '../../support/fake-publisher.js';
import { parsePrometheusText, type Family } from '../../support/prometheus-text.js';
import { recordingLogger, seededRandom, simClock } from '../scheduler/harness.js';

/** Personal data and names that must never become a label or a value of /metrics. */
const CANARIES = {
  workspace: 'Canary Workspace Zorblax',
  externalId: 'T_CANARY_7731',
  client: 'Canaryclient Quuxcorp',
  contact: 'Canary Contactperson',
  email: 'canary.person@canary-mail.example',
  note: 'canary-note-7f3a',
  typed: 'zzcanaryverb',
};

const MONDAY_MORNING = Date.parse('2026-03-09T08:45:00Z');

forEachDatabase((db) => {
  let opened: OpenedStore;
  let server: HealthServer;
  let metrics: Metrics;
  let core: Core;
  let workspace: Workspace;
  let url: string;
  const clock = simClock(MONDAY_MORNING);
  // Each reading 250 ms after the one before: every command "takes" a quarter of a second.
  let ticks = 0;
  const stopwatch = () => (ticks += 250);

  beforeAll(async () => {
    opened = await openStore({ databaseUrl: db.url });
    metrics = createMetrics();
    core = meteredCore(createCore({ store: opened.store, logger: corePortLogger(createLogger({ level: 'silent' })) }), metrics, stopwatch);
    workspace = await opened.store.ensureWorkspace({ platform: 'slack', externalId: CANARIES.externalId, name: CANARIES.workspace, timeZone: 'UTC', digestChannel: 'C-care' });
    server = await startHealthServer({ port: 0, host: '127.0.0.1', checks: {}, routes: [metricsRoute(metrics)] });
    const address = server.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    url = `http://127.0.0.1:${address.port}/metrics`;
  });
  afterAll(async () => {
    await server?.close();
    await opened?.close();
  });

  async function scrape(): Promise<{ text: string; families: Map<string, Family> }> {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    return { text, families: parsePrometheusText(text) };
  }
  /** A sample's value by its name (a histogram's _bucket, _sum and _count included) and some of its labels. */
  const value = (families: Map<string, Family>, name: string, labels: Record<string, string>) =>
    [...families.values()].flatMap((f) => f.samples).find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

  it('counts commands by subcommand and outcome, and times them, with nothing typed in the labels', async () => {
    const ctx = { workspace, actor: { platformUserId: 'U1', displayName: 'Sam' }, now: new Date(MONDAY_MORNING) };
    expect((await core.runLine(ctx, `/client add "${CANARIES.client}"`)).ok).toBe(true);
    expect((await core.runLine(ctx, `/client contact quux "${CANARIES.contact}" email:${CANARIES.email}`)).ok).toBe(true);
    expect((await core.run(ctx, 'note', { client: CANARIES.client, text: CANARIES.note })).ok).toBe(true);
    expect((await core.runLine(ctx, `/client log nobodyknown call ${CANARIES.note}`)).ok).toBe(false);
    expect((await core.runLine(ctx, `/client ${CANARIES.typed} ${CANARIES.client}`)).ok).toBe(false);
    expect((await core.actOnNudge(ctx, { nudgeId: 'no-such-nudge', action: 'done' })).ok).toBe(false);

    const { families } = await scrape();
    expect(families.get('rapport_commands_total')?.type).toBe('counter');
    expect(value(families, 'rapport_commands_total', { platform: 'slack', command: 'add', outcome: 'ok' })).toBe(1);
    expect(value(families, 'rapport_commands_total', { command: 'contact', outcome: 'ok' })).toBe(1);
    expect(value(families, 'rapport_commands_total', { command: 'note', outcome: 'ok' })).toBe(1);
    expect(value(families, 'rapport_commands_total', { command: 'log', outcome: 'refused' })).toBe(1);
    expect(value(families, 'rapport_commands_total', { command: 'unknown', outcome: 'refused' })).toBe(1);
    expect(value(families, 'rapport_commands_total', { command: 'nudge-done', outcome: 'refused' })).toBe(1);
    expect(families.get('rapport_command_duration_seconds')?.type).toBe('histogram');
    expect(value(families, 'rapport_command_duration_seconds_count', { command: 'add' })).toBe(1);
    expect(value(families, 'rapport_command_duration_seconds_sum', { command: 'add' })).toBe(0.25);
    expect(value(families, 'rapport_command_duration_seconds_bucket', { command: 'add', le: '0.1' })).toBe(0);
    expect(value(families, 'rapport_command_duration_seconds_bucket', { command: 'add', le: '0.25' })).toBe(1);
    // Process metrics come with the registry.
    expect(families.get('rapport_process_cpu_user_seconds_total')?.type).toBe('counter');
    expect(families.has('rapport_nodejs_eventloop_lag_seconds')).toBe(true);
  });

  it('counts digests planned and posted per platform, and a gauge registered by another module is read at scrape time', async () => {
    const publisher = createFakePublisher({ clock });
    const scheduler = createScheduler({
      store: opened.store,
      ledger: opened.store.deliveryLedger,
      lifecycle: opened.store.lifecycle,
      platforms: new Map([['slack', { publisher }]]),
      clock,
      logger: recordingLogger(),
      random: seededRandom(),
      sleep: clock.sleep,
      instanceId: 'metrics-test',
      observer: metrics.scheduler,
    });
    const report = await scheduler.runTick(clock.now());
    expect(report.outcomes.map((o) => o.outcome)).toContain('posted');
    let mailboxes = 2;
    metrics.registerGauge({ name: 'rapport_mailboxes', help: 'Mailboxes by sync state.', labelNames: ['state'], read: () => [{ labels: { state: 'synced' }, value: mailboxes }] });
    mailboxes = 3;

    const { text, families } = await scrape();
    expect(value(families, 'rapport_digests_planned_total', { platform: 'slack', kind: 'morning' })).toBe(1);
    expect(value(families, 'rapport_digests_posted_total', { platform: 'slack', kind: 'morning', late: 'false' })).toBe(1);
    for (const name of ['rapport_digests_skipped_total', 'rapport_digests_failed_total', 'rapport_ledger_claims_resumed_total']) expect(families.get(name)?.type, name).toBe('counter');
    expect(value(families, 'rapport_mailboxes', { state: 'synced' })).toBe(3);

    // Nothing personal, and no workspace name or id, in any label or anywhere in the text.
    for (const canary of Object.values(CANARIES)) expect(text).not.toContain(canary);
    expect(text).not.toContain(workspace.id);
    const labelKeys = new Set([...families.values()].flatMap((f) => f.samples.flatMap((s) => Object.keys(s.labels))));
    for (const key of labelKeys) expect(['platform', 'command', 'outcome', 'kind', 'late', 'reason', 'le', 'state', 'version', 'major', 'minor', 'patch', 'space', 'type', 'kind']).toContain(key);
  });
});
