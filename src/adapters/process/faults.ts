import type { Logger } from '../../core/ports/index.js';

/** What the handlers need of `process`; tests pass an EventEmitter with an exit recorder. */
export interface FaultyProcess {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown;
  exit(code: number): void;
}

/**
 * The last line of defence, after every request is screened and every listener is wrapped
 * (docs/faults.md):
 * - an unhandled rejection is one asynchronous task that failed with nobody awaiting it: its state
 *   was its own, so it is logged (redacted, as every line) and Rapport keeps serving;
 * - an uncaught exception unwound a synchronous callback halfway, so whatever it was updating is in
 *   an unknown state: it is logged and the process exits 1 for its supervisor (Docker's restart
 *   policy, Kubernetes, systemd) to start a clean one. Pending digests are safe in the ledger.
 */
export function installFaultHandlers(proc: FaultyProcess, logger: Logger): void {
  proc.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection; Rapport keeps serving');
  });
  proc.on('uncaughtException', (error, origin) => {
    logger.error({ err: error, origin }, 'uncaught exception; exiting so that a supervisor starts a clean process');
    proc.exit(1);
  });
}
