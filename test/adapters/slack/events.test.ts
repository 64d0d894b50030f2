// Events API over the real receiver: retries processed once, the App Home, and uninstalling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseUninstalledWorkspaces } from '../../../src/core/use-cases/erase-uninstalled.js';
import { startHarness, teamStore, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const homeOpened = { type: 'app_home_opened', user: 'U0001', channel: 'D0001', tab: 'home', event_ts: '1700000000.000100' };

describe('Events API', () => {
  it('answers the URL verification challenge', async () => {
    const { postSigned } = await import('../../support/fake-slack.js');
    const res = await postSigned(h.eventsUrl, JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 't' }), 'application/json', { secret: 'test-signing-secret' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('c-123');
  });

  it('opening the App Home publishes "your clients today" with a Log button', async () => {
    const res = await h.event('Ev-home-1', homeOpened);
    expect(res.status).toBe(200);
    const publish = await h.slack.waitForCall('views.publish');
    expect(publish.args.user_id).toBe('U0001');
    const view = publish.args.view as { type: string; blocks: { type: string; text?: { text: string }; elements?: { action_id?: string }[] }[] };
    expect(view.type).toBe('home');
    expect(view.blocks[0]!.text!.text).toBe('Your clients today');
    expect(view.blocks.flatMap((b) => b.elements ?? []).map((e) => e.action_id)).toContain('home_log');
  });

  it('a retried event (same event_id) is processed once', async () => {
    const before = h.slack.callsTo('views.publish').length;
    const first = await h.event('Ev-retry-1', homeOpened);
    const retry = await h.event('Ev-retry-1', homeOpened, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    const again = await h.event('Ev-retry-1', homeOpened, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' });
    expect([first.status, retry.status, again.status]).toEqual([200, 200, 200]);
    await h.slack.waitForCall('views.publish', before + 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.slack.callsTo('views.publish')).toHaveLength(before + 1);
    expect(await h.opened.store.db.processedEvent.findUnique({ where: { id: 'slack:Ev-retry-1' } })).not.toBeNull();
  });

  it('an event whose handling failed is processed again when Slack retries it', async () => {
    const before = h.slack.callsTo('views.publish').length;
    h.slack.failNext('views.publish', { ok: false, error: 'internal_error' });
    await h.event('Ev-fail-1', homeOpened);
    await h.slack.waitForCall('views.publish', before + 1);
    await expect.poll(() => h.opened.store.db.processedEvent.count({ where: { id: 'slack:Ev-fail-1' } })).toBe(0);
    await h.event('Ev-fail-1', homeOpened, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' });
    await h.slack.waitForCall('views.publish', before + 2);
    await expect.poll(() => h.opened.store.db.processedEvent.count({ where: { id: 'slack:Ev-fail-1' } })).toBe(1);
  });

  it('the Log button on the App Home opens the log form', async () => {
    const before = h.slack.callsTo('views.open').length;
    await h.interactive({
      type: 'block_actions',
      team: { id: 'T0001', domain: 'acme' },
      user: { id: 'U0001', username: 'jane', name: 'jane', team_id: 'T0001' },
      trigger_id: 'trigger-home',
      container: { type: 'view', view_id: 'VHOME' },
      view: { id: 'VHOME', type: 'home' },
      actions: [{ type: 'button', action_id: 'home_log', block_id: 'b1', action_ts: '1' }],
    });
    const open = await h.slack.waitForCall('views.open', before + 1);
    expect((open.args.view as { callback_id: string }).callback_id).toBe('rapport_log');
  });

  it('app_uninstalled and tokens_revoked, in either order and repeated, mark the workspace; erasure waits for the grace period', async () => {
    const { workspace, store } = await teamStore(h);
    await store.createClient({ name: 'Kept', normalizedName: 'kept', aliases: [], ownerId: null, tier: 'standard', status: 'active', platformUserId: null, createdAt: h.clock.now() });
    for (const [id, type] of [['Ev-u1', 'tokens_revoked'], ['Ev-u2', 'app_uninstalled'], ['Ev-u3', 'tokens_revoked'], ['Ev-u4', 'app_uninstalled']] as const) {
      const event = type === 'tokens_revoked' ? { type, tokens: { bot: ['UBOT'] }, event_ts: '1' } : { type, event_ts: '1' };
      expect((await h.event(id, event)).status).toBe(200);
    }
    const row = await h.opened.store.db.workspace.findUnique({ where: { id: workspace.id } });
    await expect.poll(async () => (await h.opened.store.db.workspace.findUnique({ where: { id: workspace.id } }))?.uninstalledAt).toEqual(h.clock.now());
    expect(row).not.toBeNull();
    // Within the grace period the data stays.
    const eraseSweep = () => eraseUninstalledWorkspaces({ lifecycle: h.opened.store.lifecycle, now: h.clock.now(), graceDays: 30 });
    h.clock.advance(29 * 86_400_000);
    expect(await eraseSweep()).toEqual([]);
    expect(await h.opened.store.findWorkspace('slack', 'T0001')).not.toBeNull();
    // After it, everything about the workspace is erased.
    h.clock.advance(2 * 86_400_000);
    expect(await eraseSweep()).toEqual([{ platform: 'slack', externalId: 'T0001' }]);
    expect(await h.opened.store.findWorkspace('slack', 'T0001')).toBeNull();
    expect(await h.opened.store.db.client.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it('on request, a workspace is erased at once, installation and all', async () => {
    const ws = await h.opened.store.ensureWorkspace({ platform: 'slack', externalId: 'T0099', name: 'leaving' });
    await h.opened.store.workspace(ws.id).createClient({ name: 'Gone', normalizedName: 'gone', aliases: [], ownerId: null, tier: 'standard', status: 'active', platformUserId: null, createdAt: h.clock.now() });
    await h.opened.store.installations.save({ platform: 'slack', teamId: 'T0099' }, { bot: { token: 'xoxb-leaving' } });
    expect(await h.opened.store.lifecycle.erase({ platform: 'slack', externalId: 'T0099' })).toBe(true);
    expect(await h.opened.store.findWorkspace('slack', 'T0099')).toBeNull();
    expect(await h.opened.store.db.installation.count({ where: { teamId: 'T0099' } })).toBe(0);
    expect(await h.opened.store.lifecycle.erase({ platform: 'slack', externalId: 'T0099' })).toBe(false);
  });
});
