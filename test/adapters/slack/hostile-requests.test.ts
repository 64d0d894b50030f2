// Correctly signed but hostile requests against the real Bolt HTTP receiver on 127.0.0.1: bodies
// that are not Slack payloads, timestamps from the future, replays inside the signature window, and
// teams other than the one the bot token belongs to. After each, the app still serves.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jsonDepthExceeds } from '../../../src/adapters/slack/receiver.js';
import { eventBody, postSigned, slashCommandBody } from '../../support/fake-slack.js';
import { SECRET, startHarness, teamStore, type Harness } from './harness.js';

const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const deepArray = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

const FORM_PAYLOADS: Record<string, string> = {
  null: 'null',
  'an array': '[1,2,3]',
  'an empty array': '[]',
  'a number': '5',
  'a string': '"block_actions"',
  'a boolean': 'true',
  'an object nested 100,000 levels deep': deep(100_000),
  'an array nested 100,000 levels deep': deepArray(100_000),
  'broken JSON': '{"type":"block_actions"',
};

const JSON_BODIES: Record<string, string> = {
  null: 'null',
  'an array': '[{"type":"event_callback"}]',
  'a number': '42',
  'a string': '"event_callback"',
  'an object nested 100,000 levels deep': deep(100_000),
  'an array nested 100,000 levels deep': deepArray(100_000),
  'broken JSON': '{"type":',
};

describe('signed requests with bodies that are not Slack payloads', () => {
  let h: Harness;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => void rejections.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    h = await startHarness();
  });
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await h.close();
  });
  afterEach(() => expect(rejections).toEqual([]));

  for (const [name, payload] of Object.entries(FORM_PAYLOADS)) {
    it(`refuses a form whose payload is ${name} with 400, and keeps serving`, async () => {
      const body = `payload=${encodeURIComponent(payload)}`;
      const res = await postSigned(h.eventsUrl, body, 'application/x-www-form-urlencoded', { secret: SECRET });
      expect(res.status).toBe(400);
      const ok = await h.command('help');
      expect(ok.status).toBe(200);
      await h.slack.waitForResponse(ok.responseId);
    });
  }

  for (const [name, body] of Object.entries(JSON_BODIES)) {
    it(`refuses a JSON body that is ${name} with 400, and keeps serving`, async () => {
      const res = await postSigned(h.eventsUrl, body, 'application/json', { secret: SECRET });
      expect(res.status).toBe(400);
      const ok = await h.command('help');
      expect(ok.status).toBe(200);
      await h.slack.waitForResponse(ok.responseId);
    });
  }

  it('still refuses an unsigned hostile body with 401, before reading it', async () => {
    const res = await postSigned(h.eventsUrl, 'payload=null', 'application/x-www-form-urlencoded', { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
  });

  it('logs why a request was refused, without its text', async () => {
    const marker = 'canary-body-text-31c7';
    const res = await postSigned(h.eventsUrl, `payload=${encodeURIComponent(`{"type":"${marker}"`)}`, 'application/x-www-form-urlencoded', { secret: SECRET });
    expect(res.status).toBe(400);
    expect(h.logger.lines.some((l) => l.message.includes('not readable JSON'))).toBe(true);
    expect(JSON.stringify(h.logger.lines)).not.toContain(marker);
  });
});

describe('the signature window and replays', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('refuses a request signed more than 5 minutes in the future, like a stale one', async () => {
    const now = Math.floor(Date.now() / 1000);
    const body = (id: string) => slashCommandBody({ text: 'help', responseUrl: h.slack.responseUrl(id) });
    expect((await postSigned(h.eventsUrl, body('future'), 'application/x-www-form-urlencoded', { secret: SECRET, timestamp: now + 6 * 60 })).status).toBe(401);
    expect((await postSigned(h.eventsUrl, body('stale'), 'application/x-www-form-urlencoded', { secret: SECRET, timestamp: now - 6 * 60 })).status).toBe(401);
    expect(h.logger.lines.some((l) => l.message.includes('in the future'))).toBe(true);
    // A clock a little ahead is still inside the window.
    const near = await postSigned(h.eventsUrl, body('near'), 'application/x-www-form-urlencoded', { secret: SECRET, timestamp: now + 60 });
    expect(near.status).toBe(200);
    await h.slack.waitForResponse('near');
  });

  it('a slash command delivered twice with the same body and timestamp writes one interaction', async () => {
    await h.command('add "Replay Corp"');
    const { store } = await teamStore(h);
    const timestamp = Math.floor(Date.now() / 1000);
    const body = slashCommandBody({ text: 'log "Replay Corp" call talked about renewal', responseUrl: h.slack.responseUrl('replayed') });
    const first = await postSigned(h.eventsUrl, body, 'application/x-www-form-urlencoded', { secret: SECRET, timestamp });
    const again = await postSigned(h.eventsUrl, body, 'application/x-www-form-urlencoded', { secret: SECRET, timestamp });
    expect([first.status, again.status]).toEqual([200, 200]);
    await h.slack.waitForResponse('replayed');
    // A later command has finished, so the replay had every chance to run.
    await h.slack.waitForResponse((await h.command('help')).responseId);
    const client = (await store.clientDirectory()).find((c) => c.name === 'Replay Corp')!;
    expect(await h.opened.store.db.interaction.count({ where: { clientId: client.id } })).toBe(1);
    expect(h.slack.responses.filter((r) => r.id === 'replayed')).toHaveLength(1);
    expect(h.logger.lines.some((l) => l.message.includes('replayed'))).toBe(true);
  });

  it("Slack's retry of a failed event runs again even with the same body and timestamp (event ids decide there)", async () => {
    const before = h.slack.callsTo('views.publish').length;
    h.slack.failNext('views.publish', { ok: false, error: 'internal_error' });
    const body = eventBody('Ev-same-ts', { type: 'app_home_opened', user: 'U0001', channel: 'D0001', tab: 'home', event_ts: '1.0' });
    const timestamp = Math.floor(Date.now() / 1000);
    await postSigned(h.eventsUrl, body, 'application/json', { secret: SECRET, timestamp });
    await h.slack.waitForCall('views.publish', before + 1);
    await expect.poll(() => h.opened.store.db.processedEvent.count({ where: { id: 'slack:Ev-same-ts' } })).toBe(0);
    await postSigned(h.eventsUrl, body, 'application/json', { secret: SECRET, timestamp }, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' });
    await h.slack.waitForCall('views.publish', before + 2);
  });

  it('the same command sent again with a new timestamp is a new request, not a replay', async () => {
    const body = (id: string) => slashCommandBody({ text: 'help', responseUrl: h.slack.responseUrl(id) });
    const now = Math.floor(Date.now() / 1000);
    await postSigned(h.eventsUrl, body('twice'), 'application/x-www-form-urlencoded', { secret: SECRET, timestamp: now - 1 });
    await postSigned(h.eventsUrl, body('twice'), 'application/x-www-form-urlencoded', { secret: SECRET, timestamp: now });
    await h.slack.waitFor(() => (h.slack.responses.filter((r) => r.id === 'twice').length === 2 ? true : undefined));
  });
});

describe('single-workspace mode (SLACK_BOT_TOKEN)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('refuses a request from another team with a log line and no reply, and creates no workspace', async () => {
    const other = await h.command('add "Stranger Ltd"', { teamId: 'T0OTHER' });
    expect(other.status).toBe(200);
    expect(other.body).toBe('');
    await h.slack.waitForResponse((await h.command('help')).responseId);
    expect(await h.opened.store.findWorkspace('slack', 'T0OTHER')).toBeNull();
    expect(h.slack.responses.find((r) => r.id === other.responseId)).toBeUndefined();
    const refusal = h.logger.lines.find((l) => l.message.includes('another Slack team'));
    expect(refusal?.fields).toMatchObject({ teamId: 'T0OTHER', servedTeamId: 'T0001' });
  });
});

describe('measuring nesting before parsing', () => {
  it.each([
    ['{"a":{"b":[1,2]}}', 3, false],
    ['{"a":{"b":[1,2]}}', 2, true],
    ['{"a":"[[[[[[[[", "b": "\\"[[[["}', 1, false],
    [deepArray(65), 64, true],
    [deepArray(64), 64, false],
  ])('%s within %i levels: exceeds=%s', (json, limit, exceeds) => {
    expect(jsonDepthExceeds(json, limit)).toBe(exceeds);
  });
});
