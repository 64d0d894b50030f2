// The work behind acknowledgements: a job's reply goes out without holding the job's slot, shutdown
// (idle) still waits for every reply, a reply that fails is logged and never escapes, and SQLite gets
// one job at a time while PostgreSQL overlaps a few.
import { describe, expect, it } from 'vitest';
import { BoundedWork, DEFAULT_WORK_LIMITS, workLimitsFor } from '../../../src/adapters/work/bounded-work.js';
import type { Logger } from '../../../src/core/ports/index.js';

function capture() {
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warn: (_fields: unknown, message?: string) => void warnings.push(message ?? ''), error() {} } as unknown as Logger;
  return { logger, warnings };
}

/** A promise this test resolves or rejects by hand. */
function pending<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('BoundedWork', () => {
  it('starts the next job while the previous job’s reply is still on its way', async () => {
    const work = new BoundedWork({ concurrency: 1, maxWaiting: 10 }, capture().logger);
    const reply = pending();
    const ran: string[] = [];
    work.take(async () => {
      ran.push('first');
      work.deliver(() => reply.promise);
    });
    work.take(async () => void ran.push('second'));
    for (let i = 0; i < 5 && ran.length < 2; i += 1) await tick();
    expect(ran).toEqual(['first', 'second']);
    reply.resolve();
    await work.idle();
  });

  it('is idle only once every delivered reply has gone', async () => {
    const work = new BoundedWork({ concurrency: 1, maxWaiting: 10 }, capture().logger);
    const reply = pending();
    work.take(async () => work.deliver(() => reply.promise));
    let idle = false;
    const waiting = work.idle().then(() => (idle = true));
    for (let i = 0; i < 5; i += 1) await tick();
    expect(idle).toBe(false);
    reply.resolve();
    await waiting;
    expect(idle).toBe(true);
  });

  it('logs a reply that could not be delivered, and stays usable', async () => {
    const { logger, warnings } = capture();
    const work = new BoundedWork({ concurrency: 1, maxWaiting: 10 }, logger);
    work.take(async () => work.deliver(() => Promise.reject(new Error('response URL gone'))));
    await work.idle();
    expect(warnings).toEqual(['could not deliver a reply after the ack']);
    let ran = false;
    expect(work.take(async () => void (ran = true))).toBe(true);
    await work.idle();
    expect(ran).toBe(true);
  });

  it('runs one job at a time on SQLite and a few on PostgreSQL, with the same queue bound', () => {
    expect(workLimitsFor('sqlite')).toEqual({ concurrency: 1, maxWaiting: DEFAULT_WORK_LIMITS.maxWaiting });
    expect(workLimitsFor('postgresql')).toEqual(DEFAULT_WORK_LIMITS);
    expect(DEFAULT_WORK_LIMITS.concurrency).toBeGreaterThan(1);
  });
});
