export { createMetrics, type CommandOutcome, type GaugeReading, type Metrics } from './metrics.js';
export { meteredCore, type Stopwatch } from './metered-core.js';
export { metricsRoute } from './metrics-route.js';
export { meterMailboxes } from './mailbox-gauges.js';
