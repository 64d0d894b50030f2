export { createSlackAdapter, BOT_SCOPES, type SlackAdapter, type SlackAdapterOptions } from './app.js';
export { renderDigest } from './render-digest.js';
export { renderReply } from './render-reply.js';
export { REPLAY_ID_PREFIX, REPLAY_MEMORY_MS } from './receiver.js';
