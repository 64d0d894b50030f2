export type * from './store.js';
export type * from './care-snapshot.js';
export type * from './clock.js';
export type * from './logger.js';
export type * from './chat.js';
export type * from './processed-requests.js';
