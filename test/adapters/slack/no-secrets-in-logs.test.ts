// Whole Slack flows at trace level: the token, the signing secret and clients' personal data never
// reach the log, even when requests fail.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { corePortLogger, createLogger } from '../../../src/adapters/logging/logger.js';
import { BOT_TOKEN, SECRET, startHarness, type Harness } from './harness.js';

let h: Harness;
let log = '';
const sink = new Writable({
  write(chunk: Buffer, _e, done) {
    log += chunk.toString();
    done();
  },
});

beforeAll(async () => {
  h = await startHarness({ logger: corePortLogger(createLogger({ level: 'trace', destination: sink })) });
});
afterAll(async () => {
  await h.close();
});

it('keeps tokens, secrets and personal data out of the log', async () => {
  const canaries = ['Quintessa-Canary', 'canary-note-ab12', 'canary-pinot-77'];
  await h.command(`add "${canaries[0]} Ltd" alias:qcan`, { responseId: 'a' });
  await h.command(`note qcan ${canaries[1]}`, { responseId: 'b' });
  await h.command(`likes qcan wine ${canaries[2]}`, { responseId: 'c' });
  await h.command(`log nobody call ${canaries[1]}`, { responseId: 'd' });
  // A failing Web API call (the form cannot open) is logged as an error.
  h.slack.failNext('views.open', { ok: false, error: 'invalid_trigger_id' });
  await h.command('log', { responseId: 'e' });
  await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === 'd'));
  await new Promise((r) => setTimeout(r, 200));
  expect(log).toContain('slack_webapi_platform_error');
  for (const secret of [BOT_TOKEN, SECRET, ...canaries]) expect(log).not.toContain(secret);
});
