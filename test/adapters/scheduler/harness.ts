// Shared set-up for the scheduler tests: a simulated clock whose sleep advances it, a logger that
// records, and workspaces seeded through the real store.
import { DateTime } from 'luxon';
import type { Clock, Logger } from '../../../src/core/ports/index.js';
import type { PrismaStore } from '../../../src/adapters/store/index.js';

export interface SimClock extends Clock {
  set(ms: number): void;
  /** Advances the clock instead of waiting; records each sleep. */
  sleep(ms: number): Promise<void>;
  readonly sleeps: number[];
}

export function simClock(startMs: number): SimClock {
  let t = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => new Date(t),
    set: (ms) => {
      t = Math.max(t, ms);
    },
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly fields: Record<string, unknown>;
  readonly message: string;
}

export function recordingLogger(): Logger & { readonly lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (fields: Record<string, unknown>, message: string) => {
    lines.push({ level, fields, message });
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface SeedWorkspace {
  readonly externalId: string;
  readonly timeZone: string;
  readonly channel: string;
  readonly businessDays?: readonly number[];
}

export async function seedWorkspaces(store: PrismaStore, seeds: readonly SeedWorkspace[]): Promise<string[]> {
  const ids: string[] = [];
  for (const seed of seeds) {
    const ws = await store.ensureWorkspace({ platform: 'slack', externalId: seed.externalId, name: seed.externalId, timeZone: seed.timeZone, digestChannel: seed.channel });
    if (seed.businessDays) await store.workspace(ws.id).updateWorkspace({ businessDays: seed.businessDays });
    ids.push(ws.id);
  }
  return ids;
}

/** Instants every `stepMinutes` from the start of `from` to the end of `to` (UTC dates). */
export function ticks(from: string, to: string, stepMinutes: number): number[] {
  const start = DateTime.fromISO(from, { zone: 'UTC' }).toMillis();
  const end = DateTime.fromISO(to, { zone: 'UTC' }).plus({ days: 1 }).toMillis();
  const out: number[] = [];
  for (let t = start; t < end; t += stepMinutes * 60_000) out.push(t);
  return out;
}

/** A deterministic random source for jitter. */
export function seededRandom(seed = 42): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
