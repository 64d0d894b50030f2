/** Held while this process runs a scheduler tick. */
export interface TickLease {
  release(): Promise<void>;
}

/** Elects one process per tick among replicas (an optimisation: the delivery ledger keeps posts exactly-once). */
export interface TickCoordinator {
  /** A lease for this tick, or null when another process holds it. */
  tryAcquire(): Promise<TickLease | null>;
  close(): Promise<void>;
}
