/** The time, injected: the core never reads the system clock. */
export interface Clock {
  now(): Date;
}
