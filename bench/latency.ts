// What the acknowledgement benches share: a silent logger and the latency summary they print.

/** A logger that drops everything, so the bench measures Rapport and not its log lines. */
export const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function quantileOfSorted(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** The q-quantile (0.99: the 99th percentile) of unsorted values; NaN when there are none. */
export function quantile(values: readonly number[], q: number): number {
  return values.length === 0 ? Number.NaN : quantileOfSorted([...values].sort((a, b) => a - b), q);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** One line: count, median, 99th percentile and maximum of a set of latencies in milliseconds. */
export function summary(name: string, ms: readonly number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  return `${name.padEnd(28)} n=${s.length}  p50=${quantileOfSorted(s, 0.5).toFixed(1)} ms  p99=${quantileOfSorted(s, 0.99).toFixed(1)} ms  max=${s.at(-1)!.toFixed(1)} ms`;
}
