export * from './slots.js';
export * from './notices.js';
