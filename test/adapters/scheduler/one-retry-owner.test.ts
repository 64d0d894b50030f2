// One retry owner under one lease, with the real Bolt Web API client against a local Slack that
// answers 429 with a long Retry-After. Two replicas (two stores, two Slack adapters, two schedulers)
// share one database; the second ticks while the first waits out Slack's Retry-After, past the
// point where an unrenewed claim would have expired. Both use the single-process coordinator on
// purpose: the tick election is not what keeps delivery exactly-once, the ledger's lease is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../support/databases.js';
import { FakeSlack } from '../../support/fake-slack.js';
import type { SlackAdapter } from '../../../src/adapters/slack/index.js';
import { openStore, type OpenedStore } from '../../../src/adapters/store/index.js';
import { createScheduler, type Scheduler, type TickReport } from '../../../src/adapters/scheduler/index.js';
import { createCore } from '../../../src/core/core.js';
import type { Sleep } from '../../../src/adapters/scheduler/retry.js';
import { recordingLogger, seedWorkspaces, seededRandom, simClock, type SimClock } from './harness.js';
import { slackAdapterOn } from '../slack/harness.js';

const MONDAY_MORNING = Date.parse('2026-03-09T08:45:00Z');
const LEASE_MS = 15 * 60_000;
const RETRY_AFTER_S = 300;
const TEAM = 'T0001';
const CHANNEL = 'CDIGEST';

interface Replica {
  readonly opened: OpenedStore;
  readonly adapter: SlackAdapter;
  readonly scheduler: Scheduler;
}

function replica(opened: OpenedStore, slack: FakeSlack, clock: SimClock, instanceId: string, sleep: Sleep, attempts: number[] = []): Replica {
  const logger = recordingLogger();
  const adapter = slackAdapterOn(opened, { core: createCore({ store: opened.store, logger }), logger, clock, apiUrl: slack.apiUrl, sleep: clock.sleep });
  const scheduler = createScheduler({
    store: opened.store,
    ledger: opened.store.deliveryLedger,
    lifecycle: opened.store.lifecycle,
    // The real publisher, noting when (on the simulated clock) each attempt starts.
    platforms: new Map([['slack', { publisher: { ...adapter.publisher, publish: (input) => (attempts.push(clock.now().getTime()), adapter.publisher.publish(input)) }, notifier: adapter.notifier }]]),
    clock,
    logger,
    random: seededRandom(),
    sleep,
    instanceId,
    leaseMs: LEASE_MS,
  });
  return { opened, adapter, scheduler };
}

forEachDatabase((database) => {
  describe('a digest rate-limited for longer than the lease, with a second replica waiting', () => {
    let slack: FakeSlack;
    let a: Replica;
    let b: Replica;
    const clock = simClock(MONDAY_MORNING);
    const aAttempts: number[] = [];
    let bReport: TickReport | undefined;

    beforeAll(async () => {
      slack = await FakeSlack.start({ teamId: TEAM });
      // History cannot be read (a private channel, a missing scope): the already-posted check finds
      // nothing, so only the lease stands between a takeover and a second post.
      slack.on('conversations.history', () => ({ ok: false, error: 'missing_scope' }));
      // Four answers of 429 with a five-minute Retry-After: twenty minutes of waiting in all.
      for (let i = 0; i < 4; i++) slack.failNext('chat.postMessage', { status: 429, retryAfter: RETRY_AFTER_S });
      const openedA = await openStore({ databaseUrl: database.url });
      const openedB = await openStore({ databaseUrl: database.url });
      await seedWorkspaces(openedA.store, [{ externalId: TEAM, timeZone: 'UTC', channel: CHANNEL }]);
      b = replica(openedB, slack, clock, 'replica-b', clock.sleep);
      a = replica(
        openedA,
        slack,
        clock,
        'replica-a',
        async (ms) => {
          await clock.sleep(ms);
          // Once an unrenewed claim would have expired, the other replica ticks.
          if (!bReport && clock.now().getTime() >= MONDAY_MORNING + LEASE_MS + 60_000) bReport = await b.scheduler.runTick(clock.now());
        },
        aAttempts,
      );
    });
    afterAll(async () => {
      await slack?.close();
      await a?.opened.close();
      await b?.opened.close();
    });

    it('is posted exactly once, by the replica that held the claim all along', async () => {
      const aReport = await a.scheduler.runTick(clock.now());
      expect(slack.channels.get(CHANNEL)).toHaveLength(1);
      expect(bReport).toBeDefined();
      expect(bReport!.outcomes.map((o) => o.outcome)).toEqual(['busy']);
      expect(aReport.outcomes.map((o) => o.outcome)).toEqual(['posted']);
      // Four refused calls and the one that went through: nothing retried below the scheduler.
      expect(slack.callsTo('chat.postMessage')).toHaveLength(5);
      const row = await a.opened.store.db.delivery.findFirst({ where: { channel: CHANNEL } });
      expect(row).toMatchObject({ state: 'posted', claimedBy: 'replica-a', attempts: 1 });
    });

    it("waited out Slack's Retry-After in the scheduler between attempts, on the injected clock", () => {
      expect(aAttempts).toHaveLength(5);
      const gaps = aAttempts.slice(1).map((t, i) => t - aAttempts[i]!);
      expect(gaps.every((ms) => ms >= RETRY_AFTER_S * 1000)).toBe(true);
    });
  });

  describe('a lease shorter than the slowest attempt', () => {
    let opened: OpenedStore;
    let slack: FakeSlack;
    beforeAll(async () => {
      opened = await openStore({ databaseUrl: database.url });
      slack = await FakeSlack.start({ teamId: TEAM });
    });
    afterAll(async () => {
      await slack.close();
      await opened.close();
    });

    it('is refused when the scheduler is created', () => {
      const clock = simClock(MONDAY_MORNING);
      const { adapter } = replica(opened, slack, clock, 'x', clock.sleep);
      const slowest = adapter.publisher.maxAttemptMs ?? 0;
      expect(slowest).toBeGreaterThan(0);
      const make = (leaseMs: number) => () =>
        createScheduler({
          store: opened.store,
          ledger: opened.store.deliveryLedger,
          lifecycle: opened.store.lifecycle,
          platforms: new Map([['slack', { publisher: adapter.publisher }]]),
          clock,
          logger: recordingLogger(),
          random: seededRandom(),
          sleep: clock.sleep,
          instanceId: 'x',
          leaseMs,
        });
      expect(make(slowest)).toThrow(/at least twice the slowest slack publish attempt/);
      expect(make(2 * slowest)).not.toThrow();
    });
  });
});
