export { createScheduler, type PlatformOutlet, type Scheduler, type SchedulerDeps, type SchedulerObserver, type TickReport } from './scheduler.js';
export { singleProcess } from './coordinator.js';
export { deliveryKey } from './deliver-slot.js';
