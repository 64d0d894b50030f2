export { createScheduler, type Scheduler, type SchedulerDeps, type TickReport } from './scheduler.js';
export { postgresCoordinator, singleProcess, type TickCoordinator } from './coordinator.js';
export { createLedger, deliveryKey, type Ledger } from './ledger.js';
