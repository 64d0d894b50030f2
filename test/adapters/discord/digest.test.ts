// Digests reach Discord through the scheduler's platform outlet: rendered as embeds, posted with the
// delivery key's hash as nonce and enforce_nonce, so a retried post never appears twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScheduler } from '../../../src/adapters/scheduler/index.js';
import { nonceOf } from '../../../src/adapters/discord/publisher.js';
import type { Digest } from '../../../src/core/model/index.js';
import { createTestDatabase, testProviders, type CreatedTestDatabase } from '../../support/databases.js';
import { seededRandom, simClock } from '../scheduler/harness.js';
import { CHANNEL, GUILD, OTHER_GUILD, STAFF, startDiscord, type DiscordHarness } from './harness.js';

const MONDAY_MORNING = Date.parse('2026-03-09T08:45:00Z');
const SECOND_CHANNEL = GUILD.channels![1]!;

const digest = (title: string): Digest => ({
  kind: 'morning',
  workspaceId: 'ws',
  localDate: '2026-03-09',
  title,
  sections: [{ group: 'today', heading: 'Today', items: [{ nudgeId: 'n-12345678', clientId: 'c1', clientName: 'Acme', ownerId: null, title: 'Call Acme back', context: ['They asked on Friday'] }] }],
  overflow: null,
  notices: [],
});

describe.each(testProviders())('Discord digests (%s)', (provider) => {
  let db: CreatedTestDatabase;
  let h: DiscordHarness;
  beforeAll(async () => {
    db = await createTestDatabase(provider);
    h = await startDiscord(db.url, { guilds: [GUILD, OTHER_GUILD] });
  });
  afterAll(async () => {
    await h.close();
    await db.drop();
  });

  it('the scheduler posts a server\'s digest to its channel through the Discord outlet, with a nonce it enforces', async () => {
    const workspace = (await h.workspace())!;
    const store = h.opened.store.workspace(workspace.id);
    await store.updateWorkspace({ digestChannel: CHANNEL, timeZone: 'UTC' });
    const owner = await store.ensureMember(STAFF.id, STAFF.name);
    await store.createClient({ name: 'Acme', normalizedName: 'acme', aliases: [], ownerId: owner.id, tier: 'standard', status: 'active', platformUserId: null, createdAt: new Date('2026-03-01T00:00:00Z') });
    const clock = simClock(MONDAY_MORNING);
    const scheduler = createScheduler({
      store: h.opened.store,
      ledger: h.opened.store.deliveryLedger,
      lifecycle: h.opened.store.lifecycle,
      platforms: new Map([['discord', { publisher: h.adapter.publisher, notifier: h.adapter.notifier }]]),
      clock,
      logger: h.logger,
      random: seededRandom(),
      sleep: clock.sleep,
      instanceId: 'test',
    });
    await scheduler.runTick(clock.now());
    const posted = h.discord.channelMessages(CHANNEL);
    expect(posted).toHaveLength(1);
    const call = h.discord.callsTo('POST', new RegExp(`^/channels/${CHANNEL}/messages$`))[0]!;
    expect(call.body).toMatchObject({ enforce_nonce: true, nonce: expect.stringMatching(/^[\w-]{1,25}$/) });
    expect(posted[0]!.content).not.toBe('');
    // The ledger remembers it: the next tick posts nothing more.
    clock.set(MONDAY_MORNING + 60_000);
    await scheduler.runTick(clock.now());
    expect(h.discord.channelMessages(CHANNEL)).toHaveLength(1);
  });

  it('a post whose answer was lost is not retried below the scheduler; its retry appears once', async () => {
    h.discord.failOnce({ method: 'POST', path: new RegExp(`^/channels/${SECOND_CHANNEL}/messages$`), status: 500, after: true });
    const first = await h.adapter.publisher.publish({ workspaceExternalId: GUILD.id, channel: SECOND_CHANNEL, digest: digest('Monday'), deliveryKey: 'ws/second/morning/2026-03-09' });
    // One call: the REST client retried nothing; the scheduler owns the retry.
    expect(h.discord.callsTo('POST', new RegExp(`^/channels/${SECOND_CHANNEL}/messages$`))).toHaveLength(1);
    expect(first).toMatchObject({ status: 'retryable' });
    const again = await h.adapter.publisher.publish({ workspaceExternalId: GUILD.id, channel: SECOND_CHANNEL, digest: digest('Monday'), deliveryKey: 'ws/second/morning/2026-03-09' });
    expect(h.discord.channelMessages(SECOND_CHANNEL)).toHaveLength(1);
    expect(again).toEqual({ status: 'posted', messageRef: `${SECOND_CHANNEL}:${h.discord.channelMessages(SECOND_CHANNEL)[0]!.id}` });
    expect(h.discord.channelMessages(SECOND_CHANNEL)[0]!.nonce).toBe(nonceOf('ws/second/morning/2026-03-09'));
  });

  it('a 429 with a long Retry-After comes back at once as retryable, not waited out below the scheduler', async () => {
    const posts = () => h.discord.callsTo('POST', new RegExp(`^/channels/${SECOND_CHANNEL}/messages$`)).length;
    const before = posts();
    h.discord.failOnce({ method: 'POST', path: new RegExp(`^/channels/${SECOND_CHANNEL}/messages$`), status: 429, retryAfterSeconds: 600 });
    const result = await h.adapter.publisher.publish({ workspaceExternalId: GUILD.id, channel: SECOND_CHANNEL, digest: digest('Limited'), deliveryKey: 'k-limited' });
    expect(result).toMatchObject({ status: 'retryable', reason: 'rate_limited' });
    expect((result as { retryAfterMs?: number }).retryAfterMs).toBeGreaterThanOrEqual(600_000);
    expect(posts()).toBe(before + 1);
  });

  it('a digest channel of another server gets nothing: the delivery is gone', async () => {
    const elsewhere = OTHER_GUILD.channels![0]!;
    const result = await h.adapter.publisher.publish({ workspaceExternalId: GUILD.id, channel: elsewhere, digest: digest('Leak?'), deliveryKey: 'k-elsewhere' });
    expect(result.status).toBe('gone');
    expect(h.discord.channelMessages(elsewhere)).toEqual([]);
  });

  it('an unknown channel is gone, not retried forever', async () => {
    const result = await h.adapter.publisher.publish({ workspaceExternalId: GUILD.id, channel: '299999999999999999', digest: digest('Nowhere'), deliveryKey: 'k-nowhere' });
    expect(result).toMatchObject({ status: 'gone' });
  });

  it('owners are told privately through a direct message', async () => {
    const reached = await h.adapter.notifier.notifyMembers({ workspaceExternalId: GUILD.id, platformUserIds: [STAFF.id], text: 'Digests are blocked' });
    expect(reached).toBe(1);
    expect(h.discord.channelMessages(`dm${STAFF.id}`).map((m) => m.content)).toEqual(['Digests are blocked']);
  });
});
