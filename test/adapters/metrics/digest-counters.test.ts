import { expect, it } from 'vitest';
import { createMetrics } from '../../../src/adapters/metrics/index.js';
import { parsePrometheusText } from '../../support/prometheus-text.js';

// How each slot outcome the scheduler reports lands in the digest counters.
it('counts late posts, skips, failures by reason and resumed claims per platform', async () => {
  const metrics = createMetrics({ defaultMetrics: false });
  const o = metrics.scheduler;
  o.digestStep?.({ platform: 'discord', kind: 'morning', step: 'resumed' });
  o.digestStep?.({ platform: 'discord', kind: 'morning', step: 'planned' });
  o.slotSettled?.({ platform: 'discord', kind: 'morning', status: 'late', outcome: 'posted' });
  o.slotSettled?.({ platform: 'discord', kind: 'sweep', status: 'missed', outcome: 'skipped' });
  o.slotSettled?.({ platform: 'slack', kind: 'morning', status: 'on-time', outcome: 'gone' });
  o.slotSettled?.({ platform: 'slack', kind: 'sweep', status: 'on-time', outcome: 'deferred' });
  o.slotSettled?.({ platform: 'slack', kind: 'sweep', status: 'on-time', outcome: 'done-before' });
  o.slotSettled?.({ platform: 'slack', kind: 'sweep', status: 'on-time', outcome: 'busy' });
  const samples = [...parsePrometheusText(await metrics.registry.metrics()).values()].flatMap((f) => f.samples);
  const rows = samples.map((s) => `${s.name}${JSON.stringify(s.labels)} ${s.value}`).sort();
  expect(rows).toEqual(
    [
      'rapport_digests_failed_total{"platform":"slack","kind":"morning","reason":"gone"} 1',
      'rapport_digests_failed_total{"platform":"slack","kind":"sweep","reason":"deferred"} 1',
      'rapport_digests_planned_total{"platform":"discord","kind":"morning"} 1',
      'rapport_digests_posted_total{"platform":"discord","kind":"morning","late":"true"} 1',
      'rapport_digests_skipped_total{"platform":"discord","kind":"sweep"} 1',
      'rapport_ledger_claims_resumed_total{"platform":"discord"} 1',
    ].sort(),
  );
});
