// One scheduler on a fresh test database, with a simulated clock and a recording fake publisher.
import type { TestDatabase } from '../../support/databases.js';
import { createFakePublisher, type FakePublisher, type PublishScript } from '../../support/fake-publisher.js';
import { openStore, type OpenedStore } from '../../../src/adapters/store/index.js';
import { createScheduler, type Scheduler, type SchedulerDeps, type TickReport } from '../../../src/adapters/scheduler/index.js';
import type { MemberNotifier } from '../../../src/core/ports/index.js';
import { addDays, isBusinessDay } from '../../../src/core/time/index.js';
import { recordingLogger, seedWorkspaces, seededRandom, simClock, type SeedWorkspace, type SimClock } from './harness.js';

export interface Rig {
  opened: OpenedStore;
  clock: SimClock;
  publisher: FakePublisher;
  scheduler: Scheduler;
  logger: ReturnType<typeof recordingLogger>;
  ids: string[];
  /** Runs ticks at the given instants (the clock never goes back, even after simulated sleeps). */
  run(instants: readonly number[]): Promise<TickReport[]>;
}

export async function rig(
  database: TestDatabase,
  seeds: readonly SeedWorkspace[],
  startMs: number,
  script?: PublishScript,
  extra: Partial<SchedulerDeps> & { readonly notifier?: MemberNotifier } = {},
): Promise<Rig> {
  const { notifier, ...rest } = extra;
  const opened = await openStore({ databaseUrl: database.url });
  const ids = await seedWorkspaces(opened.store, seeds);
  const clock = simClock(startMs);
  const logger = recordingLogger();
  const publisher = createFakePublisher({ clock, ...(script ? { script } : {}) });
  const scheduler = createScheduler({
    store: opened.store,
    ledger: opened.store.deliveryLedger,
    lifecycle: opened.store.lifecycle,
    platforms: new Map([['slack', { publisher, ...(notifier ? { notifier } : {}) }]]),
    clock,
    logger,
    random: seededRandom(),
    sleep: clock.sleep,
    instanceId: 'test',
    ...rest,
  });
  return {
    opened,
    clock,
    publisher,
    scheduler,
    logger,
    ids,
    async run(instants) {
      const reports: TickReport[] = [];
      for (const t of instants) {
        clock.set(t);
        reports.push(await scheduler.runTick(clock.now()));
      }
      return reports;
    },
  };
}

/** Posts grouped by (channel, kind, local date), to count duplicates and gaps. */
export function countPosts(publisher: FakePublisher): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of publisher.posts()) {
    const key = `${p.channel} ${p.kind} ${p.localDate}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function expectedSlots(seeds: readonly SeedWorkspace[], from: string, to: string): string[] {
  const out: string[] = [];
  for (const s of seeds) {
    const cal = { timeZone: s.timeZone, businessDays: s.businessDays ?? [1, 2, 3, 4, 5], businessStart: '09:00', businessEnd: '17:30' };
    for (let d = from; d <= to; d = addDays(d, 1)) {
      if (isBusinessDay(cal, d)) out.push(`${s.channel} morning ${d}`, `${s.channel} sweep ${d}`);
    }
  }
  return out.sort();
}

