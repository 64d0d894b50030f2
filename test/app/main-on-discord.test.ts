import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../support/fake-discord.js';
import { FakeSlack, postSigned, slashCommandBody } from '../support/fake-slack.js';
import { openStore } from '../../src/adapters/store/index.js';
import { entryArgs } from '../support/entry-build.js';
import { freePort, until } from '../support/process-helpers.js';

/**
 * Slack and Discord in one process, as a deployment runs them: the real entry point configured only
 * through the environment, talking to a fake Slack and a fake Discord on 127.0.0.1.
 */
const repo = join(import.meta.dirname, '../..');
const SECRET = 'main-test-signing-secret';
const GUILD = { id: '100000000000000001', name: 'Community', channels: ['200000000000000001'] };



describe('npm start with Slack and Discord settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-main-discord-'));
  const databaseUrl = `file:${join(dir, 'rapport.db')}`;
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let child: ChildProcess;
  let port: number;
  let stderr = '';

  beforeAll(async () => {
    slack = await FakeSlack.start();
    discord = await FakeDiscord.start({ guilds: [GUILD] });
    port = await freePort();
    const healthPort = await freePort();
    child = spawn(process.execPath, entryArgs('src/main.ts'), {
      cwd: repo,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: databaseUrl,
        SLACK_BOT_TOKEN: 'xoxb-main-test',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        DISCORD_BOT_TOKEN: 'discord-main-test-token',
        DISCORD_API_URL: discord.apiUrl,
        DISCORD_GUILD_ID: GUILD.id,
        PORT: String(port),
        HEALTH_PORT: String(healthPort),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await until(async () => ((await fetch(`http://127.0.0.1:${healthPort}/healthz`)).status === 200 ? true : undefined));
  });

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await slack.close();
    await discord.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('connects to Discord, registers /client in the configured server, and makes the server a workspace', async () => {
    expect(discord.callsTo('PUT', new RegExp(`^/applications/\\d+/guilds/${GUILD.id}/commands$`))).toHaveLength(1);
    const opened = await openStore({ databaseUrl });
    try {
      expect(await opened.store.findWorkspace('discord', GUILD.id)).toMatchObject({ name: 'Community' });
    } finally {
      await opened.close();
    }
  });

  it('still answers Slack in the same process', async () => {
    const res = await postSigned(`http://127.0.0.1:${port}/slack/events`, slashCommandBody({ text: 'add "Acme Corp"', responseUrl: slack.responseUrl('r1') }), 'application/x-www-form-urlencoded', { secret: SECRET });
    expect(res.status).toBe(200);
    const reply = await slack.waitFor(() => slack.responses.find((r) => r.id === 'r1'), 10_000);
    expect(JSON.stringify(reply.body)).toContain('Added Acme Corp');
  });

  it('logs that both run, without either token, and stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('Rapport is running on Slack and Discord');
    expect(stderr).not.toContain('discord-main-test-token');
    expect(stderr).not.toContain('xoxb-main-test');
  });
});
