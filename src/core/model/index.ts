export * from './vocabulary.js';
export * from './entities.js';
export * from './policy.js';
export * from './nudge.js';
export * from './reply.js';
export * from './digest.js';
