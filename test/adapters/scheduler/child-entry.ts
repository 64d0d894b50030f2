// A Rapport scheduler in its own process, for the crash and replica tests. It delivers to the fake
// publisher, which records to a shared JSON-lines file. This is a test composition root, so it
// reads its settings from the environment:
//   DATABASE_URL, POSTS_FILE, INSTANCE_ID
//   MODE=once:      TICK_AT (ISO) runs one tick, then exits. ANSWER_DELAY_MS widens the window
//                   between a post and its answer, where a SIGKILL leaves the outcome unknown.
//   MODE=lockstep:  driven by the test over IPC, on one simulated clock shared by every replica:
//                   a warm-up tick at WARM_UP_AT (ISO) opens the connections, then `ready` is sent; each message
//                   { at } runs one tick at simulated time `at` (plus any simulated sleeps) and is
//                   answered { elected }; { stop: true } ends the process. The test sends each tick
//                   to all replicas at once and waits for every answer, so no wall-clock window or
//                   machine load decides what a tick sees.
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
  // MODE=once: real time passes from TICK_AT; lockstep: frozen at the tick's instant but for sleeps.
  let wall = true;
  const clock: Clock = { now: () => new Date(base + (wall ? Date.now() - windowStart : 0) + offset) };
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
    const send = (message: unknown) => new Promise<void>((resolve, reject) => process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())));
    wall = false;
    base = Date.parse(env('WARM_UP_AT'));
    await scheduler.runTick(clock.now());
    await new Promise<void>((resolve, reject) => {
      process.on('message', (message: { at?: number; stop?: boolean }) => {
        if (message.stop) return resolve();
        base = message.at ?? base;
        offset = 0;
        const started = Date.now();
        scheduler
          .runTick(clock.now())
          .then(async (report) => {
            if (report.elected) elected++;
            longest = Math.max(longest, Date.now() - started);
            await send({ elected: report.elected });
          })
          .catch(reject);
      });
      void send('ready').catch(reject);
    });
  }
  await scheduler.stop();
  await opened.close();
  process.stdout.write(JSON.stringify({ elected, longestTickMs: longest }) + '\n');
  process.disconnect?.();
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error) + '\n');
  process.exit(1);
});
