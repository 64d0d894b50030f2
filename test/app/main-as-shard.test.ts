import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryArgs } from '../support/entry-build.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { freePort, until } from '../support/process-helpers.js';

/**
 * The entry point as ShardingManager starts it for shard 1 of 2 (SHARDS, SHARD_COUNT): it connects
 * that shard only, answers health on HEALTH_PORT + 1, and leaves what must run once (registering,
 * Slack, the scheduler) to shard 0's process.
 */
const repo = join(import.meta.dirname, '../..');

describe('the entry point as a shard process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-main-shard-'));
  let discord: FakeDiscord;
  let child: ChildProcess;
  let slackPort: number;
  let stderr = '';

  beforeAll(async () => {
    discord = await FakeDiscord.start();
    slackPort = await freePort();
    const shardHealthPort = await freePort();
    child = spawn(process.execPath, entryArgs('src/main.ts'), {
      cwd: repo,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: `file:${join(dir, 'rapport.db')}`,
        SLACK_BOT_TOKEN: 'xoxb-shard-test',
        SLACK_SIGNING_SECRET: 'shard-test-secret',
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
        DISCORD_BOT_TOKEN: 'discord-shard-test-token',
        DISCORD_API_URL: discord.apiUrl,
        SHARDS: '1',
        SHARD_COUNT: '2',
        PORT: String(slackPort),
        HEALTH_PORT: String(shardHealthPort - 1),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await until(async () => ((await fetch(`http://127.0.0.1:${shardHealthPort}/healthz`).catch(() => null))?.status === 200 ? true : undefined));
  });

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await discord.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('connects shard 1 of 2 only, and leaves registering and Slack to shard 0', async () => {
    expect(discord.identifies).toEqual([[1, 2]]);
    expect(discord.callsTo('PUT', /\/commands$/)).toEqual([]);
    const slackListens = await new Promise<boolean>((resolve) => {
      const socket = connect(slackPort, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    expect(slackListens).toBe(false);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/"shards":\[1\],"shardCount":2.*Rapport is running on Discord"/);
  });
});
