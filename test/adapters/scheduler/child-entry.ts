// A Rapport scheduler in its own process, for the crash and replica tests. It delivers to the fake
// publisher, which records to a shared JSON-lines file. This is a test composition root, so it
// reads its settings from the environment:
//   DATABASE_URL, POSTS_FILE, INSTANCE_ID
//   MODE=once:      TICK_AT (ISO) runs one tick, then exits. ANSWER_DELAY_MS widens the window
//                   between a post and its answer, where a SIGKILL leaves the outcome unknown.
//   MODE=lockstep:  TICKS_FILE (JSON array of { at, windowMs }), WALL_START (ms). Tick i runs in its
//                   wall-clock window, one after the other from WALL_START; the simulated clock is
//                   ticks[i].at plus the wall time spent in that window, so every process sees the same
//                   simulated time. A warm-up tick before WALL_START opens the connections.
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { openStore, postgresCoordinator } from '../../../src/adapters/store/index.js';
import { createScheduler, singleProcess } from '../../../src/adapters/scheduler/index.js';
import type { Clock } from '../../../src/core/ports/index.js';
import { createFakePublisher } from '../../support/fake-publisher.js';
import { recordingLogger, seededRandom } from './harness.js';

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is required`);
  return value;
}

function errorFields(_key: string, value: unknown): unknown {
  return value instanceof Error ? { message: value.message, stack: value.stack } : value;
}

async function main(): Promise<void> {
  const databaseUrl = env('DATABASE_URL');
  const opened = await openStore({ databaseUrl });
  let offset = 0;
  let base = 0;
  let windowStart = Date.now();
  const clock: Clock = { now: () => new Date(base + (Date.now() - windowStart) + offset) };
  const publisher = createFakePublisher({ clock, file: env('POSTS_FILE'), answerDelayMs: Number(process.env.ANSWER_DELAY_MS ?? 0) });
  const scheduler = createScheduler({
    store: opened.store,
    ledger: opened.store.deliveryLedger,
    lifecycle: opened.store.lifecycle,
    platforms: new Map([['slack', { publisher }]]),
    clock,
    logger: {
      ...recordingLogger(),
      // Warnings and errors go to stderr, where the test asserts there are none.
      warn: (fields, message) => process.stderr.write(`warn ${message} ${JSON.stringify(fields)}\n`),
      error: (fields, message) => process.stderr.write(`error ${message} ${JSON.stringify(fields, errorFields)}\n`),
    },
    random: seededRandom(process.pid),
    sleep: async (ms) => {
      offset += ms;
    },
    instanceId: env('INSTANCE_ID'),
    coordinator: opened.provider === 'postgresql' ? postgresCoordinator({ databaseUrl }) : singleProcess,
  });
  let elected = 0;
  let longest = 0;
  if (env('MODE') === 'once') {
    base = Date.parse(env('TICK_AT'));
    windowStart = Date.now();
    await scheduler.runTick(clock.now());
  } else {
    const ticks = JSON.parse(readFileSync(env('TICKS_FILE'), 'utf8')) as { at: number; windowMs: number }[];
    base = (ticks[0]?.at ?? 0) - 3_600_000;
    windowStart = Date.now();
    await scheduler.runTick(clock.now());
    const windows: { opens: number; closes: number }[] = [];
    let opens = Number(env('WALL_START'));
    for (const tick of ticks) windows.push({ opens, closes: (opens += tick.windowMs) });
    // Like cron after a long tick: windows that passed meanwhile are not replayed; the process runs
    // the window it is in now, with that window's simulated time.
    for (let next = 0; next < ticks.length; ) {
      let j = next;
      while (j < ticks.length && (windows[j]?.closes ?? 0) <= Date.now()) j++;
      const window = windows[j];
      const tick = ticks[j];
      if (!window || !tick) break;
      if (Date.now() < window.opens) await delay(window.opens - Date.now());
      base = tick.at;
      windowStart = window.opens;
      offset = 0;
      next = j + 1;
      const started = Date.now();
      if ((await scheduler.runTick(clock.now())).elected) elected++;
      longest = Math.max(longest, Date.now() - started);
    }
  }
  await scheduler.stop();
  await opened.close();
  process.stdout.write(JSON.stringify({ elected, longestTickMs: longest }) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error) + '\n');
  process.exit(1);
});
