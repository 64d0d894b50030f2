// The database goes away while Rapport runs (PostgreSQL behind a TCP relay that is then stopped).
// Every interaction still gets the plain apology, in time for Slack, and /healthz says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAnswers } from '../../../src/adapters/store/index.js';
import { startHealthServer, type HealthServer } from '../../../src/adapters/health/health-server.js';
import { COULD_NOT_FINISH, apologiseForAuthorization } from '../../../src/adapters/slack/answer.js';
import { NotInstalledError } from '../../../src/adapters/slack/installation-store.js';
import { CALLBACKS } from '../../../src/adapters/slack/modals.js';
import { DIGEST_ACTIONS } from '../../../src/adapters/slack/render-digest.js';
import { createTestDatabase, testProviders, type CreatedTestDatabase } from '../../support/databases.js';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.js';
import { startHarness, type Harness } from './harness.js';

const team = { id: 'T0001', domain: 'acme' };
const user = { id: 'U0001', name: 'jane', username: 'jane', team_id: 'T0001' };

// PostgreSQL only: a server that can go away. SQLite is a file inside the process.
for (const provider of testProviders().filter((p) => p === 'postgresql')) {
  describe(`${provider} down`, () => {
    let database: CreatedTestDatabase;
    let proxy: TcpProxy;
    let h: Harness;
    let health: HealthServer;

    beforeAll(async () => {
      database = await createTestDatabase(provider);
      const direct = new URL(database.url);
      proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
      const relayed = new URL(database.url);
      relayed.hostname = '127.0.0.1';
      relayed.port = String(proxy.port);
      h = await startHarness({}, { databaseUrl: relayed.toString() });
      health = await startHealthServer({ port: 0, host: '127.0.0.1', checks: { database: databaseAnswers(h.opened.store.db) } });
      // Up: a command works and the workspace exists.
      await h.slack.waitForResponse((await h.command('add "Acme Corp"')).responseId);
      await proxy.stop();
    });
    afterAll(async () => {
      await health.close();
      await h.close().catch(() => undefined);
      await database.drop();
    });

    it('a slash command answers with the plain apology', async () => {
      const { responseId } = await h.command('log acme call renewal talk');
      const reply = await h.slack.waitForResponse(responseId);
      expect(reply.text).toBe(COULD_NOT_FINISH);
    });

    it('a digest button answers with the plain apology', async () => {
      const res = await h.interactive({
        type: 'block_actions', team, user, api_app_id: 'A0001', trigger_id: 'trigger-press',
        container: { type: 'message', message_ts: '1.1', channel_id: 'C0001', is_ephemeral: false },
        channel: { id: 'C0001', name: 'client-care' },
        message: { type: 'message', ts: '1.1', text: 'digest', blocks: [] },
        response_url: h.slack.responseUrl('press'),
        actions: [{ type: 'button', action_id: DIGEST_ACTIONS.done, block_id: 'item', value: 'nudge-1', action_ts: '1.2' }],
      });
      expect(res.status).toBe(200);
      expect((await h.slack.waitForResponse('press')).text).toBe(COULD_NOT_FINISH);
    });

    it('a form keeps its input and shows the apology on its first field, in the acknowledgement', async () => {
      const res = await h.interactive({
        type: 'view_submission', team, user, api_app_id: 'A0001', trigger_id: 'trigger-view',
        view: {
          id: 'V1', type: 'modal', callback_id: CALLBACKS.log, private_metadata: '{}', hash: 'h1',
          state: { values: {
            client: { client_pick: { type: 'external_select', selected_option: { value: 'some-client-id' } } },
            kind: { kind: { type: 'static_select', selected_option: { value: 'call' } } },
            note: { note: { type: 'plain_text_input', value: 'renewal talk' } },
          } },
        },
      });
      // Bolt answers 404 by itself when nothing acknowledges within 3 seconds; this is the form's answer.
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ response_action: 'errors', errors: { client: COULD_NOT_FINISH } });
    });

    it('/healthz reports the database as down', async () => {
      const { port } = health.server.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unhealthy', failing: ['database'] });
    });
  });
}

// OAuth distribution reads each team's token from the database before any listener runs.
for (const provider of testProviders().filter((p) => p === 'postgresql')) {
  describe(`${provider} down, OAuth distribution`, () => {
    let database: CreatedTestDatabase;
    let proxy: TcpProxy;
    let h: Harness;

    beforeAll(async () => {
      database = await createTestDatabase(provider);
      const direct = new URL(database.url);
      proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
      const relayed = new URL(database.url);
      relayed.hostname = '127.0.0.1';
      relayed.port = String(proxy.port);
      h = await startHarness({ botToken: undefined, clientId: 'client-id-1', clientSecret: 'client-secret-1', stateSecret: 'state-secret-1' }, { databaseUrl: relayed.toString() });
      const installation = { team: { id: 'T0001', name: 'acme' }, bot: { token: 'xoxb-installed', scopes: ['commands'], id: 'B0001', userId: 'UBOT' }, tokenType: 'bot', isEnterpriseInstall: false, appId: 'A0001', authVersion: 'v2' };
      await h.opened.store.installations.save({ platform: 'slack', teamId: 'T0001' }, installation);
      await h.slack.waitForResponse((await h.command('add "Acme Corp"')).responseId);
      await proxy.stop();
    });
    afterAll(async () => {
      await h.close().catch(() => undefined);
      await database.drop();
    });

    it('a slash command answers with the plain apology although no token could be read', async () => {
      const { responseId } = await h.command('list');
      expect((await h.slack.waitForResponse(responseId)).text).toBe(COULD_NOT_FINISH);
    });

    it('a team that is not installed gets no apology: that is a refusal, not a fault', async () => {
      const notInstalled = { code: 'slack_bolt_authorization_error', original: { original: new NotInstalledError('no Slack installation for team:T9') } };
      expect(await apologiseForAuthorization(notInstalled, { response_url: h.slack.responseUrl('never') }, (c) => c instanceof NotInstalledError)).toBe(false);
      expect(h.slack.responses.find((r) => r.id === 'never')).toBeUndefined();
    });
  });
}
