import type { Clock, MailboxState } from '../../core/ports/index.js';
import type { Metrics } from './metrics.js';

/** A mailbox's state as /metrics counts it: failing once an attempt has failed, until a sync completes. */
export function mailboxCondition(mailbox: MailboxState): 'connected' | 'disconnected' | 'failing' {
  if (mailbox.failures > 0) return 'failing';
  return mailbox.connected ? 'connected' : 'disconnected';
}

/**
 * The mail watcher's sync state on /metrics: mailboxes by condition, and how long ago the least
 * recently synced one completed a sync. Read at scrape time; never an address or a workspace.
 */
export function meterMailboxes(metrics: Metrics, states: () => readonly MailboxState[], clock: Clock): void {
  metrics.registerGauge({
    name: 'rapport_mailboxes',
    help: 'Watched mailboxes by state (connected, disconnected, failing: at least one failed attempt since the last sync).',
    labelNames: ['state'],
    read: () => {
      const conditions = states().map(mailboxCondition);
      return (['connected', 'disconnected', 'failing'] as const).map((state) => ({ labels: { state }, value: conditions.filter((c) => c === state).length }));
    },
  });
  metrics.registerGauge({
    name: 'rapport_mailbox_oldest_sync_age_seconds',
    help: 'Seconds since the least recently synced mailbox completed a sync (0 while none has synced).',
    labelNames: [],
    read: () => {
      const synced = states().flatMap((m) => (m.checkedAt ? [m.checkedAt.getTime()] : []));
      return [{ labels: {}, value: synced.length === 0 ? 0 : Math.max(0, (clock.now().getTime() - Math.min(...synced)) / 1000) }];
    },
  });
}
