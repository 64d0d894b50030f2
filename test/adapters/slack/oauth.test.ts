// Multi-workspace distribution: the OAuth install flow through Bolt's real installer, installations
// in Rapport's database, and uninstalling leaving no token behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../../src/adapters/slack/index.js';
import { startHarness, type Harness } from './harness.js';

const INSTALLED_TOKEN = 'xoxb-installed-token';
let h: Harness;
let base: string;

beforeAll(async () => {
  h = await startHarness({ botToken: undefined, clientId: 'client-id-1', clientSecret: 'client-secret-1', stateSecret: 'state-secret-1' });
  base = `http://127.0.0.1:${h.port}`;
});
afterAll(async () => {
  await h?.close();
});

/** Every value in every table, as text: a token anywhere in the database shows up here. */
async function everything(): Promise<string> {
  const tables = await h.opened.store.db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table'");
  const dumps: unknown[] = [];
  for (const { name } of tables) dumps.push(await h.opened.store.db.$queryRawUnsafe(`SELECT * FROM "${name}"`));
  return JSON.stringify(dumps, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
}

describe('OAuth distribution', () => {
  it('/slack/install sends the installer to Slack with the least-privilege scopes and a state cookie', async () => {
    const res = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.hostname).toBe('slack.com');
    expect(location.searchParams.get('scope')?.split(',')).toEqual([...BOT_SCOPES]);
    expect(location.searchParams.get('client_id')).toBe('client-id-1');
    expect(res.headers.get('set-cookie')).toMatch(/slack-app-oauth-state=/);
  });

  it('the redirect exchanges the code and stores the installation in the database', async () => {
    const install = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    const state = new URL(install.headers.get('location')!).searchParams.get('state')!;
    const cookie = install.headers.get('set-cookie')!.split(';')[0]!;
    const res = await fetch(`${base}/slack/oauth_redirect?code=code-1&state=${encodeURIComponent(state)}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const exchange = h.slack.callsTo('oauth.v2.access').at(-1)!;
    expect(exchange.args).toMatchObject({ code: 'code-1', client_id: 'client-id-1' });
    const row = await h.opened.store.db.installation.findUnique({ where: { platform_key: { platform: 'slack', key: 'team:T0001' } } });
    expect(row?.data).toContain(INSTALLED_TOKEN);
    expect(await h.opened.store.findWorkspace('slack', 'T0001')).not.toBeNull();
  });

  it('a redirect without the browser state cookie is refused and stores nothing new', async () => {
    const install = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    const state = new URL(install.headers.get('location')!).searchParams.get('state')!;
    const before = h.slack.callsTo('oauth.v2.access').length;
    const res = await fetch(`${base}/slack/oauth_redirect?code=code-2&state=${encodeURIComponent(state)}`);
    expect(res.status).not.toBe(200);
    expect(h.slack.callsTo('oauth.v2.access')).toHaveLength(before);
  });

  it('the installed workspace works with its own token: commands and digests', async () => {
    const res = await h.command('add Acme');
    expect(res.status).toBe(200);
    expect(String((await h.slack.waitForResponse(res.responseId)).text)).toContain('Added Acme');
    const digest = { kind: 'morning', workspaceId: 'w', localDate: '2026-03-02', title: 'Good morning', sections: [], overflow: null, notices: [] } as const;
    expect((await h.adapter.publisher.publish({ workspaceExternalId: 'T0001', channel: 'C1', digest, deliveryKey: 'k1' })).status).toBe('posted');
    expect(h.slack.callsTo('chat.postMessage').at(-1)!.token).toBe(INSTALLED_TOKEN);
  });

  it('uninstalling (events in either order, repeated) leaves no token behind', async () => {
    expect(await everything()).toContain(INSTALLED_TOKEN);
    const events = [
      ['Ev-o1', { type: 'app_uninstalled', event_ts: '1' }],
      ['Ev-o2', { type: 'tokens_revoked', tokens: { bot: ['UBOT'] }, event_ts: '1' }],
      ['Ev-o3', { type: 'app_uninstalled', event_ts: '1' }],
    ] as const;
    for (const [id, event] of events) expect((await h.event(id, event)).status).toBe(200);
    await expect.poll(() => h.opened.store.db.installation.count()).toBe(0);
    await expect.poll(async () => (await h.opened.store.db.workspace.findFirst({ where: { externalId: 'T0001' } }))?.uninstalledAt ?? null).not.toBeNull();
    expect(await everything()).not.toContain(INSTALLED_TOKEN);
    expect(await h.adapter.publisher.publish({
      workspaceExternalId: 'T0001',
      channel: 'C1',
      digest: { kind: 'morning', workspaceId: 'w', localDate: '2026-03-03', title: 'x', sections: [], overflow: null, notices: [] },
      deliveryKey: 'k2',
    })).toMatchObject({ status: 'gone' });
  });
});
