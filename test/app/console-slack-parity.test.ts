// The console and Slack answer the new-user cases the same way: both adapters only translate, and
// the core decides. The same script runs through the real console adapter and through signed slash
// commands on the real Bolt receiver; the first line of every answer must match.
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/adapters/console/console-adapter.js';
import { openStore, type OpenedStore } from '../../src/adapters/store/index.js';
import { createCore } from '../../src/core/core.js';
import { createTestDatabase, type CreatedTestDatabase } from '../support/databases.js';
import { NOW, startHarness, type Harness } from '../adapters/slack/harness.js';

const SCRIPT = [
  'add "Quote Corp" alias:qc',
  "note qc Jane's husband is Tom",
  'note qc 🎉 signed the deal',
  'family qc son Leo birthday:"May 2"',
  'family qc son Leo birthday:"May 2"',
  'likes qc wine pinot noir',
  'likes qc wine Pinot Noir',
  'likes qc wnie merlot',
  'date qc anniversary 2030-06-20',
  'log qc email-in asks for the deck',
  'log qc call-out when:"3 weeks ago" caught up',
  'log qc meeting when:"March 14" kickoff',
  'list status:former',
  'remove qc like pinot noir',
  'show zq',
];

let slack: Harness;
let database: CreatedTestDatabase;
let opened: OpenedStore;
beforeAll(async () => {
  slack = await startHarness();
  database = await createTestDatabase('sqlite');
  opened = await openStore({ databaseUrl: database.url });
});
afterAll(async () => {
  await slack?.close();
  await opened?.close();
  await database?.drop();
});

async function consoleAnswers(): Promise<string[]> {
  const workspace = await opened.store.ensureWorkspace({ platform: 'console', externalId: 'parity', name: 'acme', timeZone: 'UTC', digestChannel: 'console' });
  const answers: string[] = [];
  const output = new Writable({
    write(chunk: Buffer, _e, done) {
      answers.push(chunk.toString());
      done();
    },
  });
  const input = new PassThrough();
  const running = runConsole({ core: createCore({ store: opened.store, logger: slack.logger }), store: opened.store, clock: { now: () => NOW }, workspace, user: { platformUserId: 'U0001', displayName: 'jane' }, input, output, interactive: false });
  input.end(SCRIPT.map((line) => `/client ${line}`).join('\n'));
  await running;
  return answers.map((a) => a.split('\n')[0]!.replace(/^✗ /, ''));
}

async function slackAnswers(): Promise<string[]> {
  const answers: string[] = [];
  for (const line of SCRIPT) {
    const sent = await slack.command(line);
    answers.push(String((await slack.slack.waitForResponse(sent.responseId)).text));
  }
  return answers;
}

describe('console and Slack', () => {
  it('give the same answer to every line of the new-user script', async () => {
    const [terminal, chat] = [await consoleAnswers(), await slackAnswers()];
    expect(terminal).toHaveLength(SCRIPT.length);
    expect(chat).toEqual(terminal);
    expect(terminal[4]).toMatch(/already known/);
    expect(terminal[7]).toContain('Did you mean wine?');
    expect(terminal[12]).toBe('No former clients.');
  });
});
