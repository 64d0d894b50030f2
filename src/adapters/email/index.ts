export { createMailWatcher, type MailWatcher, type MailWatcherDeps, type SyncReport } from './watcher.js';
export { loadMailConfig, type MailConfig, type MailboxSettings } from './mail-config.js';
