export * from './gift-catalog.js';
export * from './gifts.js';
export * from './health.js';
export * from './interaction-effects.js';
export * from './occasions.js';
export * from './tiers.js';
