import { createCore } from '../../../src/core/core.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../../src/adapters/console/console-adapter.js';
import { forEachDatabase } from '../../support/databases.js';
import { useHarness, type Harness } from '../../support/core-harness.js';
import { entryArgs } from '../../support/entry-build.js';

const repo = join(import.meta.dirname, '../../..');

/** Runs lines through the real console adapter on a Tuesday morning in London (the sweep is at 16:30); returns what it printed. */
async function typeInConsole(h: Harness, text: string): Promise<string> {
  const input = new PassThrough();
  let out = '';
  const output = new Writable({
    write(chunk: Buffer, _e, done) {
      out += chunk.toString();
      done();
    },
  });
  const running = runConsole({
    core: createCore({ store: h.opened.store, logger: h.logger }),
    store: h.opened.store,
    clock: { now: () => new Date('2026-03-10T10:00:00Z') },
    workspace: h.workspace,
    user: { platformUserId: 'sam', displayName: 'Sam' },
    input,
    output,
    interactive: false,
  });
  input.end(text);
  await running;
  return out;
}

forEachDatabase((db) => {
  const h = useHarness(db);
  it('answers each line in order, resolves mentions, and finishes at the end of input', async () => {
    const out = await typeInConsole(h, ['/client add "Acme Corp"', '# a comment is skipped', '/client log acme call talked about the renewal', '/client show acme', 'hello', '/digest'].join('\n'));
    const added = out.indexOf('Added Acme Corp');
    const logged = out.indexOf('Logged an outbound call');
    expect(added).toBeGreaterThanOrEqual(0);
    expect(logged).toBeGreaterThan(added);
    expect(out).toContain('owner @Sam');
    expect(out).toContain('talked about the renewal');
    expect(out).toContain('✗ Lines start with /client or /digest');
  });
});

forEachDatabase((db) => {
  const h = useHarness(db, { workspaceName: 'sweep-early' });
  it('/digest sweep before the sweep time lists the replies still due; /client health calls a new client new', async () => {
    const out = await typeInConsole(h, ['/client add "Acme Corp"', '/client log acme email-in asks for the Q3 invoice', '/digest sweep', '/client add Globex', '/client health globex'].join('\n'));
    const sweep = out.slice(out.indexOf('End of day'), out.indexOf('Relationship health'));
    expect(sweep).not.toContain('every call and email answered');
    expect(sweep).toMatch(/^End of day, Tuesday 10 March: nothing late, 1 reply still due\n/);
    expect(sweep).toContain("Reply today: Acme Corp's email came in Tue 10 Mar at 10:00.");
    // A client added a moment ago is new, not at risk.
    expect(out.slice(out.indexOf('Relationship health for Globex'))).toMatch(/^Relationship health for Globex:\n[^]*?\d+\/100, new\n/);
  });
});

forEachDatabase((db) => {
  const h = useHarness(db, { workspaceName: 'client-since' });
  it('a client since 2019, added today, gets a surprise nudge in the first digest', async () => {
    const out = await typeInConsole(h, ['/client add Hooli', '/client date hooli client-since 2019-05-01', '/client likes hooli sport tennis', '/digest'].join('\n'));
    expect(out).toContain('Surprise Hooli: a client since May 2019, and no gift or gesture on record.');
  });
});

describe('npm start (the README quickstart)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // The first run is the README's `npm start` itself (tsx on the source); the others start the run's
  // bundle of the same entry point, which skips compiling the source again (test/support/entry-build.ts).
  const start = (args: string[], input: string, viaTsx = false) =>
    spawnSync(process.execPath, [...(viaTsx ? ['--import', 'tsx', 'src/main.ts'] : entryArgs('src/main.ts')), ...args], {
      cwd: repo,
      input,
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: `file:${join(dir, 'rapport.db')}`, RAPPORT_TIME_ZONE: 'Europe/London' },
    });

  it('creates and migrates the embedded database, and runs the scripted commands', () => {
    const run = start([], '/client add "Acme Corp"\n/client log acme call talked about the renewal\n/client show acme\n', true);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Added Acme Corp');
    expect(run.stdout).toMatch(/Recent:\n.*call: talked about the renewal/);
  });

  it('keeps what was logged across runs', () => {
    const run = start([], '/client show acme\n');
    expect(run.stdout).toContain('talked about the renewal');
  });

  it('seeds the demo and prints a digest with something to do today', () => {
    const run = start(['--demo'], '/digest\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Demo workspace ready');
    expect(run.stdout).toMatch(/Globex|Acme|Stark/);
    expect(run.stdout).toMatch(/birthday|anniversary/i);
  });

  it('with no platform settings, no terminal and no input at all (a bare docker run), says what to set and fails', () => {
    const empty = mkdtempSync(join(tmpdir(), 'rapport-empty-'));
    try {
      const run = spawnSync(process.execPath, entryArgs('src/main.ts'), {
        cwd: repo,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 60_000,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: `file:${join(empty, 'rapport.db')}` },
      });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('SLACK_BOT_TOKEN');
      expect(lines[0]).toContain('docker run -it');
      // Nothing was started: not even the database file.
      expect(existsSync(join(empty, 'rapport.db'))).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('stops with one message naming a malformed setting', () => {
    const run = spawnSync(process.execPath, entryArgs('src/main.ts'), { cwd: repo, input: '', encoding: 'utf8', env: { PATH: process.env.PATH, LOG_LEVEL: 'chatty' } });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(/^Configuration error: LOG_LEVEL .*info/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
