// Without replicas there is nobody to elect against: SQLite deployments are single-process, and
// PostgreSQL replicas use the store's advisory-lock coordinator (src/adapters/store/tick-coordinator.ts).
import type { TickCoordinator } from '../../core/ports/index.js';

/** For SQLite and tests: one process, always elected. */
export const singleProcess: TickCoordinator = {
  async tryAcquire() {
    return { release: async () => undefined };
  },
  async close() {},
};
