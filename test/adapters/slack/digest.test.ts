// Digests through the publisher to the fake Slack, and the buttons on them through the real receiver.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDigest } from '../../../src/core/use-cases/plan-digest.js';
import type { Digest } from '../../../src/core/model/index.js';
import { NOW, startHarness, teamStore, type Harness } from './harness.js';

let h: Harness;
let digest: Digest;
let followUpIds: string[];

type Block = { type: string; block_id?: string; text?: { text: string }; elements?: { action_id?: string; value?: string; text?: unknown }[] };

beforeAll(async () => {
  h = await startHarness();
  const { store } = await teamStore(h);
  const owner = await store.ensureMember('U0001', 'jane');
  followUpIds = [];
  for (const name of ['Acme', 'Globex', 'Initech']) {
    const client = await store.createClient({
      name,
      normalizedName: name.toLowerCase(),
      aliases: [],
      ownerId: owner.id,
      tier: 'standard',
      status: 'active',
      platformUserId: null,
      createdAt: new Date(NOW.getTime() - 30 * 86_400_000),
    });
    const f = await store.openFollowUp({
      clientId: client.id,
      interactionId: null,
      kind: 'custom',
      summary: `send ${name} the proposal`,
      openedAt: new Date(NOW.getTime() - 86_400_000),
      snoozedUntil: null,
      source: 'command',
      externalRef: null,
      channel: null,
      threadIds: [],
    });
    followUpIds.push(f.id);
  }
  digest = await planDigest({ store, now: NOW, kind: 'morning' });
});
afterAll(async () => {
  await h?.close();
});

const messagesIn = (channel: string) => h.slack.channels.get(channel) ?? [];

function pressPayload(channel: string, ts: string, blocks: unknown[], action: Record<string, unknown>, userId = 'U0002') {
  return {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'acme' },
    user: { id: userId, username: 'sam', name: 'sam', team_id: 'T0001' },
    api_app_id: 'A0001',
    trigger_id: 'trigger-press',
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
    channel: { id: channel, name: 'client-care' },
    message: { type: 'message', ts, text: 'digest', blocks },
    response_url: h.slack.responseUrl(`press-${ts}`),
    actions: [{ action_ts: '1.0', ...action }],
  };
}

describe('digest publishing', () => {
  it('posts Block Kit with a section per group, owner mentions, buttons, and the delivery key as metadata', async () => {
    expect(digest.sections.flatMap((s) => s.items).filter((i) => i.title.includes('proposal'))).toHaveLength(3);
    const result = await h.adapter.publisher.publish({ workspaceExternalId: 'T0001', channel: 'CDIGEST', digest, deliveryKey: 'k-morning-1' });
    expect(result.status).toBe('posted');
    const post = h.slack.callsTo('chat.postMessage').at(-1)!;
    expect(post.token).toBe('xoxb-test-token');
    expect(post.args.metadata).toEqual({ event_type: 'rapport_digest', event_payload: { delivery_key: 'k-morning-1' } });
    const blocks = post.args.blocks as Block[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: digest.title } });
    for (const section of digest.sections) expect(JSON.stringify(blocks)).toContain(section.heading);
    for (const item of digest.sections.flatMap((s) => s.items)) {
      const title = blocks.find((b) => b.block_id === `t|${item.nudgeId}`)!;
      expect(title.text!.text).toContain('<@U0001>');
      const actions = blocks.find((b) => b.block_id === `a|${item.nudgeId}`)!;
      expect(actions.elements!.map((e) => e.action_id)).toEqual(['nudge_done', 'nudge_snooze', 'nudge_log']);
      expect(actions.elements![0]!.value).toBe(item.nudgeId);
    }
    expect(result).toEqual({ status: 'posted', messageRef: `CDIGEST:${messagesIn('CDIGEST')[0]!.ts}` });
  });

  const proposals = () => digest.sections.flatMap((s) => s.items).filter((i) => i.title.includes('proposal'));

  it('Done updates the message in place, names who pressed it, and closes the follow-up', async () => {
    const message = messagesIn('CDIGEST')[0]!;
    const item = proposals()[0]!;
    const before = h.slack.callsTo('chat.update').length;
    const res = await h.interactive(
      pressPayload('CDIGEST', message.ts, message.blocks, { type: 'button', action_id: 'nudge_done', block_id: `a|${item.nudgeId}`, value: item.nudgeId }),
    );
    expect(res.status).toBe(200);
    const update = await h.slack.waitForCall('chat.update', before + 1);
    expect(update.args).toMatchObject({ channel: 'CDIGEST', ts: message.ts });
    const blocks = update.args.blocks as Block[];
    expect(blocks).toHaveLength(message.blocks.length);
    expect(blocks.find((b) => b.block_id === `a|${item.nudgeId}`)).toBeUndefined();
    const result = blocks.find((b) => b.block_id === `r|${item.nudgeId}`)!;
    expect(JSON.stringify(result)).toContain('<@U0002>');
    expect(JSON.stringify(result)).toMatch(/Done/);
    // The other items keep their buttons.
    const total = digest.sections.flatMap((s) => s.items).length;
    expect(blocks.filter((b) => b.block_id?.startsWith('a|'))).toHaveLength(total - 1);

    const { store } = await teamStore(h);
    const [ack] = await store.getNudgeAcks([item.nudgeId]);
    const sam = await store.findMember('U0002');
    expect(ack).toMatchObject({ action: 'done', actorId: sam!.id });
    const closed = await h.opened.store.db.followUp.findMany({ where: { state: 'done' } });
    expect(closed.map((f) => f.id)).toHaveLength(1);
    expect(closed[0]!.closedById).toBe(sam!.id);
  });

  it('Snooze 1 day from the menu updates the message and snoozes the follow-up', async () => {
    const message = messagesIn('CDIGEST')[0]!;
    const item = proposals()[1]!;
    const before = h.slack.callsTo('chat.update').length;
    await h.interactive(
      pressPayload('CDIGEST', message.ts, message.blocks, {
        type: 'static_select',
        action_id: 'nudge_snooze',
        block_id: `a|${item.nudgeId}`,
        selected_option: { value: '1d', text: { type: 'plain_text', text: 'Snooze 1 day' } },
      }),
    );
    const update = await h.slack.waitForCall('chat.update', before + 1);
    const result = (update.args.blocks as Block[]).find((b) => b.block_id === `r|${item.nudgeId}`);
    expect(JSON.stringify(result)).toMatch(/Snoozed until/);
    const snoozed = await h.opened.store.db.followUp.findMany({ where: { state: 'snoozed' } });
    expect(snoozed).toHaveLength(1);
    expect(snoozed[0]!.snoozedUntil?.toISOString()).toBe('2026-03-03T00:00:00.000Z');
  });

  it('"Pick a date" opens a date form; submitting it snoozes and updates the message', async () => {
    const message = messagesIn('CDIGEST')[0]!;
    const item = proposals()[2]!;
    const opens = h.slack.callsTo('views.open').length;
    await h.interactive(
      pressPayload('CDIGEST', message.ts, message.blocks, {
        type: 'static_select',
        action_id: 'nudge_snooze',
        block_id: `a|${item.nudgeId}`,
        selected_option: { value: 'pick', text: { type: 'plain_text', text: 'Pick a date…' } },
      }),
    );
    const open = await h.slack.waitForCall('views.open', opens + 1);
    const view = open.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('rapport_snooze');
    const updates = h.slack.callsTo('chat.update').length;
    const res = await h.interactive({
      type: 'view_submission',
      team: { id: 'T0001', domain: 'acme' },
      user: { id: 'U0003', username: 'kim', name: 'kim', team_id: 'T0001' },
      view: { id: 'V9', type: 'modal', callback_id: 'rapport_snooze', private_metadata: view.private_metadata, state: { values: { until: { until: { type: 'datepicker', selected_date: '2026-03-20' } } } } },
    });
    expect(res.status).toBe(200);
    const update = await h.slack.waitForCall('chat.update', updates + 1);
    expect(JSON.stringify((update.args.blocks as Block[]).find((b) => b.block_id === `r|${item.nudgeId}`))).toContain('<@U0003>');
    const [ack] = await (await teamStore(h)).store.getNudgeAcks([item.nudgeId]);
    expect(ack?.until?.toISOString()).toBe('2026-03-20T00:00:00.000Z');
  });

  it('Log opens the log form with the client already picked', async () => {
    const message = messagesIn('CDIGEST')[0]!;
    const item = digest.sections.flatMap((s) => s.items)[0]!;
    const opens = h.slack.callsTo('views.open').length;
    await h.interactive(pressPayload('CDIGEST', message.ts, message.blocks, { type: 'button', action_id: 'nudge_log', block_id: `a|${item.nudgeId}`, value: item.clientId }));
    const open = await h.slack.waitForCall('views.open', opens + 1);
    const view = open.args.view as { callback_id: string; blocks: { block_id: string; element: { initial_option?: { value: string } } }[] };
    expect(view.callback_id).toBe('rapport_log');
    expect(view.blocks.find((b) => b.block_id === 'client')!.element.initial_option?.value).toBe(item.clientId);
  });
});

describe('the end-of-day sweep', () => {
  it('posted before its time, it says which replies are still due rather than that all is answered', async () => {
    const { store } = await teamStore(h);
    const owner = await store.ensureMember('U0001', 'jane');
    const client = await store.createClient({ name: 'Umbrella', normalizedName: 'umbrella', aliases: [], ownerId: owner.id, tier: 'standard', status: 'active', platformUserId: null, createdAt: new Date(NOW.getTime() - 30 * 86_400_000) });
    await store.openFollowUp({ clientId: client.id, interactionId: null, kind: 'reply', summary: 'asks for the Q3 invoice', openedAt: new Date(NOW.getTime() - 3_600_000), snoozedUntil: null, source: 'command', externalRef: null, channel: 'email', threadIds: [] });
    const sweep = await planDigest({ store, now: NOW, kind: 'sweep' });
    const result = await h.adapter.publisher.publish({ workspaceExternalId: 'T0001', channel: 'CSWEEP', digest: sweep, deliveryKey: 'k-sweep-1' });
    expect(result.status).toBe('posted');
    const blocks = h.slack.callsTo('chat.postMessage').at(-1)!.args.blocks as Block[];
    expect(blocks[0]!.text!.text).toMatch(/^End of day, .*: nothing late, 1 reply still due$/);
    expect(JSON.stringify(blocks)).toContain("Reply today: Umbrella's email came in");
  });
});

describe('surprise for a long-standing client', () => {
  it('a client since 2019 added today is in the first digest, counted from the client-since date', async () => {
    const { store } = await teamStore(h);
    const owner = await store.ensureMember('U0001', 'jane');
    const client = await store.createClient({ name: 'Hooli', normalizedName: 'hooli', aliases: [], ownerId: owner.id, tier: 'standard', status: 'active', platformUserId: null, createdAt: NOW });
    await store.addDate({ clientId: client.id, familyMemberId: null, kind: 'client-since', label: null, month: 5, day: 1, year: 2019 });
    const morning = await planDigest({ store, now: NOW, kind: 'morning' });
    const result = await h.adapter.publisher.publish({ workspaceExternalId: 'T0001', channel: 'CSINCE', digest: morning, deliveryKey: 'k-since-1' });
    expect(result.status).toBe('posted');
    const blocks = h.slack.callsTo('chat.postMessage').at(-1)!.args.blocks as Block[];
    expect(JSON.stringify(blocks)).toContain('Find out what Hooli loves (a client since May 2019, and no gift or gesture on record).');
  });
});

describe('delivery safety', () => {
  it('after an answer lost in transit, the next attempt finds the posted message by its key and does not post twice', async () => {
    h.slack.failNext('chat.postMessage', 'drop-after');
    const first = await h.adapter.publisher.publish({ workspaceExternalId: 'T0001', channel: 'CLOST', digest, deliveryKey: 'k-lost' });
    expect(first.status).toBe('retryable');
    expect(messagesIn('CLOST')).toHaveLength(1);
    const second = await h.adapter.publisher.publish({ workspaceExternalId: 'T0001', channel: 'CLOST', digest, deliveryKey: 'k-lost' });
    expect(second).toEqual({ status: 'already-posted', messageRef: `CLOST:${messagesIn('CLOST')[0]!.ts}` });
    expect(messagesIn('CLOST')).toHaveLength(1);
  });

  it('a deleted channel is gone, not retried', async () => {
    h.slack.failNext('conversations.history', { ok: false, error: 'channel_not_found' });
    const result = await h.adapter.publisher.publish({ workspaceExternalId: 'T0001', channel: 'CNONE', digest, deliveryKey: 'k-none' });
    expect(result).toEqual({ status: 'gone', reason: 'channel_not_found' });
  });

  it('a rate-limited post is retryable after the time Slack asks for', async () => {
    h.slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const result = await h.adapter.publisher.publish({ workspaceExternalId: 'T0001', channel: 'CRATE', digest, deliveryKey: 'k-rate' });
    expect(result).toEqual({ status: 'retryable', reason: 'rate_limited', retryAfterMs: 1000 });
  });

  it('a 429 with a long Retry-After comes back at once, after one call: the Web API client neither waits nor retries', async () => {
    const before = h.slack.callsTo('chat.postMessage').length;
    h.slack.failNext('chat.postMessage', { status: 429, retryAfter: 3_600 });
    const result = await h.adapter.publisher.publish({ workspaceExternalId: 'T0001', channel: 'CLONG', digest, deliveryKey: 'k-long' });
    expect(result).toEqual({ status: 'retryable', reason: 'rate_limited', retryAfterMs: 3_600_000 });
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(before + 1);
  });

  it('a server error is not retried by the Web API client either', async () => {
    const before = h.slack.callsTo('chat.postMessage').length;
    h.slack.failNext('chat.postMessage', { status: 503 });
    const result = await h.adapter.publisher.publish({ workspaceExternalId: 'T0001', channel: 'C503', digest, deliveryKey: 'k-503' });
    expect(result.status).toBe('retryable');
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(before + 1);
    expect(messagesIn('C503')).toEqual([]);
  });

  it("a command's reply takes its turn after a digest just posted in its channel, once the command is acknowledged", async () => {
    await h.adapter.publisher.publish({ workspaceExternalId: 'T0001', channel: 'CSHARED', digest, deliveryKey: 'k-shared' });
    h.sleeps.length = 0;
    const res = await h.command('list', { channelId: 'CSHARED' });
    expect(res.status).toBe(200);
    expect(await h.slack.waitForResponse(res.responseId)).toMatchObject({ text: expect.any(String) });
    // The test clock stood still since the digest: the reply waited the channel's whole second.
    expect(h.sleeps).toEqual([1_000]);
  });

  it('posts to one channel are at least a second apart; other channels do not wait', async () => {
    h.sleeps.length = 0;
    await Promise.all([
      h.adapter.publisher.publish({ workspaceExternalId: 'T0001', channel: 'CPACE', digest, deliveryKey: 'k-p1' }),
      h.adapter.publisher.publish({ workspaceExternalId: 'T0001', channel: 'CPACE', digest, deliveryKey: 'k-p2' }),
      h.adapter.publisher.publish({ workspaceExternalId: 'T0001', channel: 'COTHER', digest, deliveryKey: 'k-p3' }),
    ]);
    expect(messagesIn('CPACE')).toHaveLength(2);
    expect(messagesIn('COTHER')).toHaveLength(1);
    expect(h.sleeps).toHaveLength(1);
    expect(h.sleeps[0]).toBeGreaterThan(900);
    expect(h.sleeps[0]).toBeLessThanOrEqual(1000);
  });
});
