import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../support/databases.js';
import { rig, type Rig } from './rig.js';

forEachDatabase((database) => {
  describe('the node-cron tick', () => {
    let r: Rig;
    beforeAll(async () => {
      // The simulated clock stands at a slot, so whatever tick cron fires has a digest to post.
      r = await rig(database, [{ externalId: 'T', timeZone: 'UTC', channel: 'C' }], Date.parse('2026-03-10T08:45:00Z'), undefined, {
        cronExpression: '* * * * * *',
      });
    });
    afterAll(() => r.opened.close());

    it('runs runTick on schedule until stopped, and stop waits for the tick in progress', async () => {
      r.scheduler.start();
      const deadline = Date.now() + 5_000;
      while (r.publisher.posts().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      await r.scheduler.stop();
      expect(r.publisher.posts().map((p) => `${p.kind} ${p.localDate}`)).toEqual(['morning 2026-03-10']);
      const calls = r.publisher.calls.length;
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(r.publisher.calls.length).toBe(calls);
    });
  });
});
