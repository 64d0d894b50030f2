// What the acknowledgement benches share: a silent logger and the latency summary they print.

/** A logger that drops everything, so the bench measures Rapport and not its log lines. */
export const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** One line: count, median, 99th percentile and maximum of a set of latencies in milliseconds. */
export function summary(name: string, ms: readonly number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  return `${name.padEnd(28)} n=${s.length}  p50=${quantile(s, 0.5).toFixed(1)} ms  p99=${quantile(s, 0.99).toFixed(1)} ms  max=${s.at(-1)!.toFixed(1)} ms`;
}
