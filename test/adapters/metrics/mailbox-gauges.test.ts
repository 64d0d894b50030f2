import { expect, it } from 'vitest';
import { createMetrics, meterMailboxes } from '../../../src/adapters/metrics/index.js';
import type { MailboxState } from '../../../src/core/ports/index.js';
import { parsePrometheusText } from '../../support/prometheus-text.js';

const mailbox = (id: string, over: Partial<MailboxState>): MailboxState => ({
  id,
  workspaceId: 'w1',
  address: `${id}@canary-client.example`,
  host: 'imap.canary-client.example',
  connected: true,
  checkedAt: null,
  lastError: null,
  failures: 0,
  failingSince: null,
  noticeSentAt: null,
  cursors: { inbox: null, sent: null },
  ...over,
});

it('counts mailboxes by state and the oldest sync age, with no address in the series', async () => {
  const now = new Date('2026-11-23T16:00:00Z');
  const states = [
    mailbox('support', { checkedAt: new Date('2026-11-23T15:59:00Z') }),
    mailbox('jane', { connected: false, checkedAt: new Date('2026-11-23T15:50:00Z') }),
    mailbox('sales', { connected: false, failures: 3, lastError: 'login refused' }),
  ];
  const metrics = createMetrics({ defaultMetrics: false });
  meterMailboxes(metrics, () => states, { now: () => now });
  const text = await metrics.registry.metrics();
  const samples = [...parsePrometheusText(text).values()].flatMap((f) => f.samples);
  const rows = samples.filter((s) => s.name.startsWith('rapport_mailbox')).map((s) => `${s.name}${JSON.stringify(s.labels)} ${s.value}`).sort();
  expect(rows).toEqual(
    [
      'rapport_mailbox_oldest_sync_age_seconds{} 600',
      'rapport_mailboxes{"state":"connected"} 1',
      'rapport_mailboxes{"state":"disconnected"} 1',
      'rapport_mailboxes{"state":"failing"} 1',
    ].sort(),
  );
  expect(text).not.toContain('canary');
});
