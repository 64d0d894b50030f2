// /client over the real Bolt HTTP receiver: signed slash commands, modals, options, and the
// signature check, with every Web API call landing on the local FakeSlack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactiveBody, postSigned, slackSignature, slashCommandBody } from '../../support/fake-slack.js';
import { SECRET, startHarness, teamStore, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const user = { id: 'U0001', username: 'jane', name: 'jane', team_id: 'T0001' };
const team = { id: 'T0001', domain: 'acme' };

function logSubmission(clientId: string, note: string, metadata: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    type: 'view_submission',
    team,
    user,
    api_app_id: 'A0001',
    trigger_id: 'trigger-view',
    view: {
      id: 'V1',
      type: 'modal',
      callback_id: 'rapport_log',
      private_metadata: JSON.stringify(metadata),
      hash: 'h1',
      state: {
        values: {
          client: { client_pick: { type: 'external_select', selected_option: { value: clientId, text: { type: 'plain_text', text: 'Acme' } } } },
          kind: { kind: { type: 'static_select', selected_option: { value: 'call', text: { type: 'plain_text', text: 'Call' } } } },
          mood: { mood: { type: 'static_select', selected_option: { value: 'happy', text: { type: 'plain_text', text: 'Happy' } } } },
          note: { note: { type: 'plain_text_input', value: note } },
          when: { when: { type: 'plain_text_input', value: null } },
          ...extra,
        },
      },
    },
  };
}

describe('/client commands', () => {
  it('adds a client and answers privately through the response URL', async () => {
    const res = await h.command('add "Acme Corp" tier:top alias:acme');
    expect(res.status).toBe(200);
    const reply = await h.slack.waitForResponse(res.responseId);
    expect(reply.response_type).toBe('ephemeral');
    expect(String(reply.text)).toContain('Added Acme Corp');
    const { store } = await teamStore(h);
    expect((await store.clientDirectory()).map((c) => c.name)).toContain('Acme Corp');
  });

  it('logs an interaction typed on one line; it lands in the database', async () => {
    const res = await h.command('log acme call happy talked about the renewal');
    const reply = await h.slack.waitForResponse(res.responseId);
    expect(reply.text, JSON.stringify(reply)).toMatch(/Logged/i);
    const rows = await h.opened.store.db.interaction.findMany({ where: { summary: { contains: 'renewal' } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe('call');
  });

  it('turns Slack-escaped text back into what the person typed', async () => {
    const res = await h.command('note acme likes &lt;b&gt; tags &amp; cake');
    await h.slack.waitForResponse(res.responseId);
    const notes = await h.opened.store.db.note.findMany();
    expect(notes.map((n) => n.text)).toContain('likes <b> tags & cake');
  });

  it('/client health calls a client added a moment ago new, not at risk', async () => {
    await h.slack.waitForResponse((await h.command('add Initrode')).responseId);
    const reply = await h.slack.waitForResponse((await h.command('health initrode')).responseId);
    const text = JSON.stringify(reply);
    expect(text).toMatch(/\d+\/100, new/);
    expect(text).not.toContain('at risk');
  });

  it('answers an unknown client with a private one-line error', async () => {
    const res = await h.command('show Nobody');
    const reply = await h.slack.waitForResponse(res.responseId);
    expect(reply.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.blocks)).toContain(':warning:');
  });

  it('/client log with no arguments opens the log form; the picker offers matching clients', async () => {
    const before = h.slack.callsTo('views.open').length;
    const res = await h.command('log', { triggerId: 'trigger-log' });
    expect(res.status).toBe(200);
    const call = await h.slack.waitForCall('views.open', before + 1);
    expect(call.args.trigger_id).toBe('trigger-log');
    const view = call.args.view as { callback_id: string; blocks: { block_id: string; element?: { type: string } }[] };
    expect(view.callback_id).toBe('rapport_log');
    expect(view.blocks.find((b) => b.block_id === 'client')?.element?.type).toBe('external_select');

    const options = await h.interactive({ type: 'block_suggestion', team, user, action_id: 'client_pick', block_id: 'client', value: 'ac', api_app_id: 'A0001' });
    expect(options.status).toBe(200);
    const listed = JSON.parse(options.body) as { options: { text: { text: string } }[] };
    expect(listed.options.map((o) => o.text.text)).toEqual(['Acme Corp']);
  });

  it('a submitted log form lands in the database and confirms through the command response URL', async () => {
    const { store } = await teamStore(h);
    const acme = (await store.clientDirectory()).find((c) => c.name === 'Acme Corp')!;
    const res = await h.interactive(logSubmission(acme.id, 'sent the proposal by modal', { responseUrl: h.slack.responseUrl('modal-1'), channel: 'C0001' }));
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const rows = await h.opened.store.db.interaction.findMany({ where: { summary: 'sent the proposal by modal' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'call', mood: 'happy', source: 'modal' });
    const confirmation = await h.slack.waitForResponse('modal-1');
    expect(confirmation.response_type).toBe('ephemeral');
  });

  it('shows the confirmation to the channel when the workspace setting says so', async () => {
    const set = await h.command('settings logVisibleToChannel true');
    await h.slack.waitForResponse(set.responseId);
    const { store } = await teamStore(h);
    const acme = (await store.clientDirectory()).find((c) => c.name === 'Acme Corp')!;
    await h.interactive(logSubmission(acme.id, 'team-visible log', { responseUrl: h.slack.responseUrl('modal-2'), channel: 'C0001' }));
    expect((await h.slack.waitForResponse('modal-2')).response_type).toBe('in_channel');
    const typed = await h.command('log acme email-out sent the contract');
    expect((await h.slack.waitForResponse(typed.responseId)).response_type).toBe('in_channel');
  });

  it('a form the core rejects stays open with the error on the right field', async () => {
    const { store } = await teamStore(h);
    const acme = (await store.clientDirectory()).find((c) => c.name === 'Acme Corp')!;
    const res = await h.interactive(
      logSubmission(acme.id, 'bad when', {}, { when: { when: { type: 'plain_text_input', value: 'the twelfth of never' } } }),
    );
    const body = JSON.parse(res.body) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(['when']);
    expect(await h.opened.store.db.interaction.count({ where: { summary: 'bad when' } })).toBe(0);
  });

  it('/client add with no arguments opens the add form; submitting it adds the client', async () => {
    const before = h.slack.callsTo('views.open').length;
    await h.command('add', { triggerId: 'trigger-add' });
    const call = await h.slack.waitForCall('views.open', before + 1);
    expect((call.args.view as { callback_id: string }).callback_id).toBe('rapport_add');
    const res = await h.interactive({
      type: 'view_submission',
      team,
      user,
      view: {
        id: 'V2',
        type: 'modal',
        callback_id: 'rapport_add',
        private_metadata: JSON.stringify({ responseUrl: h.slack.responseUrl('add-1') }),
        state: {
          values: {
            name: { name: { type: 'plain_text_input', value: 'Globex "West" Ltd' } },
            tier: { tier: { type: 'static_select', selected_option: { value: 'light' } } },
            owner: { owner: { type: 'users_select', selected_user: 'U0042' } },
            alias: { alias: { type: 'plain_text_input', value: 'globex west' } },
          },
        },
      },
    });
    expect(res.status).toBe(200);
    await h.slack.waitForResponse('add-1');
    const { store } = await teamStore(h);
    const globex = (await store.listClients()).find((c) => c.name.startsWith('Globex'));
    expect(globex).toMatchObject({ tier: 'light', aliases: ['globex west'] });
    const owner = await store.getMembers([globex!.ownerId!]);
    expect(owner[0]?.platformUserId).toBe('U0042');
  });
});

describe('request signatures', () => {
  async function unchanged(send: () => Promise<{ status: number }>) {
    const callsBefore = h.slack.calls.length;
    const responsesBefore = h.slack.responses.length;
    const rowsBefore = await h.opened.store.db.client.count();
    const res = await send();
    await new Promise((r) => setTimeout(r, 150));
    expect(res.status).toBe(401);
    expect(h.slack.calls.length).toBe(callsBefore);
    expect(h.slack.responses.length).toBe(responsesBefore);
    expect(await h.opened.store.db.client.count()).toBe(rowsBefore);
  }
  const body = () => slashCommandBody({ text: 'add Initech', responseUrl: h.slack.responseUrl('forged') });

  it('a wrong secret gets 401 and changes nothing', async () => {
    await unchanged(() => postSigned(h.eventsUrl, body(), 'application/x-www-form-urlencoded', { secret: 'not-the-secret' }));
  });

  it('a stale timestamp gets 401 and changes nothing', async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    await unchanged(() => postSigned(h.eventsUrl, body(), 'application/x-www-form-urlencoded', { secret: SECRET, timestamp: stale }));
  });

  it('a body changed after signing gets 401 and changes nothing', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const signed = body();
    const tampered = signed.replace('Initech', 'Initrode');
    await unchanged(async () => {
      const res = await fetch(h.eventsUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature(SECRET, ts, signed) },
        body: tampered,
      });
      return { status: res.status };
    });
  });

  it('a tampered interactive payload gets 401 too', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const signed = interactiveBody({ type: 'block_actions', team, user, actions: [] });
    await unchanged(async () => {
      const res = await fetch(h.eventsUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature(SECRET, ts, signed) },
        body: signed.replace('block_actions', 'view_submission'),
      });
      return { status: res.status };
    });
  });
});
