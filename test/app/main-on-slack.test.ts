import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack, postSigned, slashCommandBody } from '../support/fake-slack.js';
import { openStore } from '../../src/adapters/store/index.js';
import { entryArgs } from '../support/entry-build.js';
import { freePort, until } from '../support/process-helpers.js';

/**
 * The composition root wired to Slack, as a deployment runs it: the real entry point in its own
 * process, configured only through the environment, talking to a fake Slack on 127.0.0.1.
 */
const repo = join(import.meta.dirname, '../..');
const SECRET = 'main-test-signing-secret';



describe('npm start with Slack settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-main-'));
  let slack: FakeSlack;
  let child: ChildProcess;
  let port: number;
  let healthPort: number;
  let stderr = '';

  beforeAll(async () => {
    slack = await FakeSlack.start();
    port = await freePort();
    healthPort = await freePort();
    child = spawn(process.execPath, entryArgs('src/main.ts'), {
      cwd: repo,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: `file:${join(dir, 'rapport.db')}`,
        SLACK_BOT_TOKEN: 'xoxb-main-test',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        HEALTH_PORT: String(healthPort),
        RAPPORT_PUBLIC_URL: `http://127.0.0.1:${healthPort}/`,
        LOG_LEVEL: 'info',
        RAPPORT_TIME_ZONE: 'Asia/Kolkata',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await until(async () => ((await fetch(`http://127.0.0.1:${healthPort}/healthz`)).status === 200 ? true : undefined));
  });

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /healthz while the database is reachable', async () => {
    const res = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', failing: [] });
  });

  it('runs a signed /client command through the core and replies on the response URL', async () => {
    const res = await postSigned(`http://127.0.0.1:${port}/slack/events`, slashCommandBody({ text: 'add "Acme Corp"', responseUrl: slack.responseUrl('r1') }), 'application/x-www-form-urlencoded', { secret: SECRET });
    expect(res.status).toBe(200);
    const reply = await slack.waitFor(() => slack.responses.find((r) => r.id === 'r1'), 10_000);
    expect(JSON.stringify(reply.body)).toContain('Added Acme Corp');
  });

  it('serves /metrics and, with RAPPORT_PUBLIC_URL, the calendar feed on the health port', async () => {
    await postSigned(`http://127.0.0.1:${port}/slack/events`, slashCommandBody({ text: 'date acme client-since 2019-01-15', responseUrl: slack.responseUrl('r-date') }), 'application/x-www-form-urlencoded', { secret: SECRET });
    await slack.waitFor(() => slack.responses.find((r) => r.id === 'r-date'), 10_000);
    await postSigned(`http://127.0.0.1:${port}/slack/events`, slashCommandBody({ text: 'calendar', responseUrl: slack.responseUrl('r-cal') }), 'application/x-www-form-urlencoded', { secret: SECRET });
    const reply = await slack.waitFor(() => slack.responses.find((r) => r.id === 'r-cal'), 10_000);
    const body = JSON.stringify(reply.body);
    expect(body).toContain('"response_type":"ephemeral"');
    const feedUrl = /http:\/\/127\.0\.0\.1:\d+\/calendar\/[A-Za-z0-9_-]+\.ics/.exec(body)?.[0];
    expect(feedUrl).toBeDefined();
    const feed = await fetch(feedUrl!);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain("SUMMARY:Acme Corp's anniversary as a client");
    const metrics = await (await fetch(`http://127.0.0.1:${healthPort}/metrics`)).text();
    expect(metrics).toContain('rapport_commands_total{platform="slack",command="calendar",outcome="ok"} 1');
  });

  it('keeps serving after signed requests whose bodies are not Slack payloads', async () => {
    const url = `http://127.0.0.1:${port}/slack/events`;
    const hostile: Array<[string, 'application/json' | 'application/x-www-form-urlencoded']> = [
      ['payload=null', 'application/x-www-form-urlencoded'],
      ['payload=%5B1%2C2%5D', 'application/x-www-form-urlencoded'],
      ['payload=7', 'application/x-www-form-urlencoded'],
      [`payload=${encodeURIComponent('['.repeat(50_000) + ']'.repeat(50_000))}`, 'application/x-www-form-urlencoded'],
      ['null', 'application/json'],
      ['[]', 'application/json'],
      ['3', 'application/json'],
      ['{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000), 'application/json'],
    ];
    for (const [body, type] of hostile) expect((await postSigned(url, body, type, { secret: SECRET })).status).toBe(400);
    expect(child.exitCode).toBeNull();
    expect((await fetch(`http://127.0.0.1:${healthPort}/healthz`)).status).toBe(200);
    await postSigned(url, slashCommandBody({ text: 'list', responseUrl: slack.responseUrl('after-hostile') }), 'application/x-www-form-urlencoded', { secret: SECRET });
    await slack.waitFor(() => slack.responses.find((r) => r.id === 'after-hostile'), 10_000);
  });

  it('starts a new team in the configured time zone', async () => {
    const opened = await openStore({ databaseUrl: `file:${join(dir, 'rapport.db')}` });
    try {
      expect((await opened.store.findWorkspace('slack', 'T0001'))?.timeZone).toBe('Asia/Kolkata');
    } finally {
      await opened.close();
    }
  });

  it('logs JSON lines without the token or client data, and stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('Rapport is running on Slack');
    expect(stderr).not.toContain('xoxb-main-test');
    expect(stderr).not.toContain('Acme Corp');
  });
});
