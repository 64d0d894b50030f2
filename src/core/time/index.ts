export * from './calendar.js';
export * from './relative.js';
