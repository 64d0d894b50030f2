// Socket Mode: the real SocketModeReceiver connects to FakeSlack's local websocket and gets envelopes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ mode: 'socket', appToken: 'xapp-test-token', signingSecret: undefined });
  await h.slack.waitForSocket();
});
afterAll(async () => {
  await h?.close();
});

const command = (text: string, responseId: string) => ({
  token: 't',
  command: '/client',
  text,
  user_id: 'U0001',
  user_name: 'jane',
  channel_id: 'C0001',
  channel_name: 'clients',
  team_id: 'T0001',
  team_domain: 'acme',
  api_app_id: 'A0001',
  trigger_id: 'trigger-s',
  response_url: h.slack.responseUrl(responseId),
});

describe('Socket Mode', () => {
  it('opens the connection with the app-level token', () => {
    const open = h.slack.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toBe('xapp-test-token');
  });

  it('a slash command envelope is acknowledged and its effect lands in the database', async () => {
    await h.slack.deliver({ type: 'slash_commands', accepts_response_payload: true, payload: command('add "Socket Co"', 's1') });
    expect(String((await h.slack.waitForResponse('s1')).text)).toContain('Added Socket Co');
    await h.slack.deliver({ type: 'slash_commands', accepts_response_payload: true, payload: command('log "Socket Co" meeting lunch by socket', 's2') });
    await h.slack.waitForResponse('s2');
    expect(await h.opened.store.db.interaction.count({ where: { summary: 'lunch by socket' } })).toBe(1);
  });

  it('a redelivered event envelope is processed once', async () => {
    const payload = {
      type: 'event_callback',
      team_id: 'T0001',
      api_app_id: 'A0001',
      event_id: 'Ev-sock-1',
      event_time: 1,
      authorizations: [{ team_id: 'T0001', user_id: 'UBOT', is_bot: true }],
      event: { type: 'app_home_opened', user: 'U0001', channel: 'D1', tab: 'home', event_ts: '1' },
    };
    await h.slack.deliver({ type: 'events_api', payload });
    await h.slack.deliver({ type: 'events_api', payload });
    await h.slack.waitForCall('views.publish');
    await new Promise((r) => setTimeout(r, 300));
    expect(h.slack.callsTo('views.publish')).toHaveLength(1);
  });
});
