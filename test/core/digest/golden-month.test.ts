import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { digestToText } from '../../../src/core/digest/index.js';
import { planDigest } from '../../../src/core/use-cases/plan-digest.js';
import { addDays, atLocalTime, isBusinessDay } from '../../../src/core/time/index.js';
import { MEMBERS } from '../../fixtures/month/clients.js';
import { EVENTS } from '../../fixtures/month/events.js';
import { MonthWorld, ZONE } from '../../fixtures/month/world.js';
import { at } from '../support/snapshot.js';

/**
 * A month of 20 clients replayed day by day: each business day's morning digest and end-of-day
 * sweep must match the golden file. Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/core/digest`
 * and read the diff as a colleague would.
 */
const GOLDEN = fileURLToPath(new URL('../../fixtures/month/golden/', import.meta.url));
const names = new Map(MEMBERS.map((m) => [m.id, m.displayName]));

async function replayMonth(): Promise<Map<string, string>> {
  const world = new MonthWorld();
  const events = [...EVENTS].sort((a, b) => at(a.at, ZONE).getTime() - at(b.at, ZONE).getTime());
  let next = 0;
  const until = (moment: Date) => {
    while (next < events.length && at(events[next]!.at, ZONE) <= moment) world.apply(events[next++]!);
  };
  const days = new Map<string, string>();
  for (let day = '2026-03-02'; day <= '2026-03-31'; day = addDays(day, 1)) {
    if (!isBusinessDay(world.workspace, day)) continue;
    const morning = atLocalTime(day, world.workspace.policy.digestAt, ZONE);
    until(morning);
    const am = await planDigest({ store: world, now: morning, kind: 'morning' });
    const sweepAt = atLocalTime(day, world.workspace.policy.sweepAt, ZONE);
    until(sweepAt);
    const pm = await planDigest({ store: world, now: sweepAt, kind: 'sweep' });
    days.set(day, `${digestToText(am, names)}\n---- ${world.workspace.policy.sweepAt} ----\n\n${digestToText(pm, names)}`);
  }
  return days;
}

describe('golden month: 20 clients through March 2026 in London', async () => {
  const days = await replayMonth();
  it.each([...days.keys()])('%s', (day) => {
    const file = `${GOLDEN}${day}.txt`;
    const text = days.get(day)!;
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, text);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
});
