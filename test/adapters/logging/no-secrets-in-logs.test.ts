import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { corePortLogger, createLogger } from '../../../src/adapters/logging/logger.js';
import { boltLogger } from '../../../src/adapters/slack/bolt-logger.js';
import { postSigned } from '../../support/fake-slack.js';
import { SECRET, startHarness } from '../slack/harness.js';
import { handleCommand } from '../../../src/core/use-cases/handle-command.js';
import { forEachDatabase } from '../../support/databases.js';
import { useHarness } from '../../support/core-harness.js';

/** Values that must never reach a log line: personal data of clients, and secrets. */
const CANARIES = {
  family: 'Zebedee-Canary',
  note: 'canary-note-7f3a',
  subject: 'canary-subject-91bd',
  like: 'canary-pinot-55e1',
  email: 'canary.person@canary-mail.example',
  contact: 'Canary Contactperson',
  token: 'xoxb-canary-0000-token',
  secret: 'canary-signing-secret-1234',
};

function capture() {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      text += chunk.toString();
      done();
    },
  });
  return { logger: createLogger({ level: 'trace', destination: sink }), text: () => text };
}

describe('the logger', () => {
  it('censors secrets and personal fields at any depth', () => {
    const { logger, text } = capture();
    logger.info({ config: { slack: { botToken: CANARIES.token, signingSecret: CANARIES.secret } } }, 'starting');
    logger.debug({ payload: { text: `/client note acme ${CANARIES.note}` }, event: { user: { name: CANARIES.contact } } }, 'received');
    logger.warn({ interaction: { summary: CANARIES.subject, subject: CANARIES.subject } }, 'slow');
    const out = text();
    expect(out).toContain('[redacted]');
    for (const canary of Object.values(CANARIES)) expect(out).not.toContain(canary);
  });

  it("keeps Bolt's warnings to their fixed head: the request text they quote never reaches the log", () => {
    const { logger, text } = capture();
    const bolt = boltLogger(corePortLogger(logger));
    // Bolt 5.1's HTTPReceiver, on a signed body that is not JSON, quotes the parser's message.
    bolt.warn(`Malformed request body: Unexpected token 'c', "{"text":"${CANARIES.note}"" is not valid JSON`);
    bolt.warn('Failed to parse and verify the request data: Failed to verify authenticity: signature mismatch');
    bolt.error('An unhandled error occurred while Bolt processed an event', new Error(`client ${CANARIES.contact} not found`));
    bolt.info(`http request failed: ${CANARIES.email}`);
    bolt.debug(`http request body: {"text":"${CANARIES.subject}"}`);
    const out = text();
    expect(out).toContain('Malformed request body');
    expect(out).toContain('Failed to parse and verify the request data');
    expect(out).toContain('"type":"Error"');
    for (const canary of Object.values(CANARIES)) expect(out).not.toContain(canary);
  });

  it('keeps the type of an error but not its message, which may quote personal data', () => {
    const { logger, text } = capture();
    corePortLogger(logger).error({ err: new Error(`unique constraint failed on ${CANARIES.email}`) }, 'command failed');
    expect(text()).toContain('command failed');
    expect(text()).not.toContain(CANARIES.email);
  });
});

describe('malformed requests to the real Slack receiver', () => {
  it('are refused without any of their text reaching the log, even at trace level', async () => {
    const { logger, text } = capture();
    const h = await startHarness({ logger: corePortLogger(logger) });
    try {
      const bodies: Array<[string, 'application/json' | 'application/x-www-form-urlencoded']> = [
        [`payload=${encodeURIComponent(`{"type":"block_actions","user":{"name":"${CANARIES.contact}"}`)}`, 'application/x-www-form-urlencoded'],
        [`payload=${encodeURIComponent(`["${CANARIES.note}"]`)}`, 'application/x-www-form-urlencoded'],
        [`{"event":{"text":"${CANARIES.subject}"`, 'application/json'],
        [`"${CANARIES.email}"`, 'application/json'],
      ];
      for (const [body, type] of bodies) expect((await postSigned(h.eventsUrl, body, type, { secret: SECRET })).status).toBe(400);
      expect(text()).toContain('refused a signed Slack request');
      for (const canary of Object.values(CANARIES)) expect(text()).not.toContain(canary);
    } finally {
      await h.close();
    }
  });
});

forEachDatabase((db) => {
  const h = useHarness(db);
  it('writes none of the personal data of whole commands to the log, even at trace level and on failures', async () => {
    const lines = [
      '/client add "Canary Client Ltd" alias:canary',
      `/client contact canary "${CANARIES.contact}" email:${CANARIES.email}`,
      `/client family canary son ${CANARIES.family} birthday:"May 2"`,
      `/client likes canary wine ${CANARIES.like}`,
      `/client note canary ${CANARIES.note}`,
      `/client log canary email-in ${CANARIES.subject}`,
      `/client log canary mood:angry complaint ${CANARIES.subject}`,
      `/client log nobody call ${CANARIES.subject}`,
      `/client date canary birthday "Feb 30" ${CANARIES.note}`,
      '/client show canary',
      '/client export canary',
      '/client due all',
    ];
    for (const line of lines) await h.run(line);
    // A fault inside a command (a workspace that does not exist) is logged as an error.
    const fault = await handleCommand(
      { store: h.opened.store, logger: h.logger },
      { workspace: { ...h.workspace, id: 'missing-workspace' }, actor: { platformUserId: 'U1', displayName: CANARIES.contact }, now: new Date() },
      `/client note canary ${CANARIES.note}`,
    );
    expect(fault.ok).toBe(false);
    const log = h.logText();
    expect(log).toContain('command failed');
    for (const canary of Object.values(CANARIES)) expect(log).not.toContain(canary);
  });
});
