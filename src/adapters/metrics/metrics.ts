// Rapport's Prometheus metrics, in a registry of their own (never prom-client's global one, so two
// processes in one test run never share counters). Labels are closed sets: command names, outcomes,
// platforms, digest kinds. No client data, no workspace names or ids.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Platform } from '../../core/model/index.js';
import type { SchedulerObserver } from '../scheduler/index.js';

export type CommandOutcome = 'ok' | 'refused' | 'error';

/** One reading of a gauge another module owns (the mail watcher's mailboxes by sync state). */
export interface GaugeReading {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface Metrics {
  readonly registry: Registry;
  /** A command (typed, from a form, a button or an import) has been answered. */
  commandHandled(input: { readonly platform: Platform; readonly command: string; readonly outcome: CommandOutcome; readonly seconds: number }): void;
  /** Hand to createScheduler: digests planned, posted, late, skipped and failed, and resumed claims. */
  readonly scheduler: SchedulerObserver;
  /**
   * Adds a gauge read when /metrics is scraped, e.g. `rapport_mailboxes{state="synced"}` from the
   * mail watcher. Label values must be closed sets (states, platforms), never addresses or names.
   */
  registerGauge(input: { readonly name: string; readonly help: string; readonly labelNames: readonly string[]; readonly read: () => Promise<readonly GaugeReading[]> | readonly GaugeReading[] }): void;
}

/** Seconds, from a quick lookup to a slow export on a busy database. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(options: { readonly defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'rapport_' });
  const registers = [registry];
  const commands = new Counter({ name: 'rapport_commands_total', help: 'Commands answered, by subcommand and outcome (ok, refused: an expected failure such as an unknown client, error: a fault).', labelNames: ['platform', 'command', 'outcome'], registers });
  const latency = new Histogram({ name: 'rapport_command_duration_seconds', help: 'Time from a command reaching the core to its reply, in seconds.', labelNames: ['platform', 'command'], buckets: LATENCY_BUCKETS, registers });
  const planned = new Counter({ name: 'rapport_digests_planned_total', help: 'Digests planned for posting.', labelNames: ['platform', 'kind'], registers });
  const posted = new Counter({ name: 'rapport_digests_posted_total', help: 'Digests posted (or found already posted); late="true" when posted after their slot, within the grace window.', labelNames: ['platform', 'kind', 'late'], registers });
  const skipped = new Counter({ name: 'rapport_digests_skipped_total', help: 'Digests skipped because their grace window passed before they could be posted.', labelNames: ['platform', 'kind'], registers });
  const failed = new Counter({ name: 'rapport_digests_failed_total', help: 'Digests not posted: reason gone (channel or token gone, delivery blocked), deferred (retryable errors, a later tick retries) or error (a fault).', labelNames: ['platform', 'kind', 'reason'], registers });
  const resumed = new Counter({ name: 'rapport_ledger_claims_resumed_total', help: 'Delivery claims left without an outcome (a crash mid-post) and resumed.', labelNames: ['platform'], registers });
  const scheduler: SchedulerObserver = {
    digestStep({ platform, kind, step }) {
      if (step === 'resumed') resumed.inc({ platform });
      else planned.inc({ platform, kind });
    },
    slotSettled({ platform, kind, status, outcome }) {
      if (outcome === 'posted' || outcome === 'already-posted') posted.inc({ platform, kind, late: String(status === 'late') });
      else if (outcome === 'skipped') skipped.inc({ platform, kind });
      else if (outcome === 'gone' || outcome === 'deferred' || outcome === 'error') failed.inc({ platform, kind, reason: outcome });
    },
  };
  return {
    registry,
    commandHandled({ platform, command, outcome, seconds }) {
      commands.inc({ platform, command, outcome });
      latency.observe({ platform, command }, seconds);
    },
    scheduler,
    registerGauge({ name, help, labelNames, read }) {
      new Gauge({
        name,
        help,
        labelNames: [...labelNames],
        registers,
        async collect() {
          const readings = await read();
          this.reset();
          for (const r of readings) this.set({ ...r.labels }, r.value);
        },
      });
    },
  };
}
