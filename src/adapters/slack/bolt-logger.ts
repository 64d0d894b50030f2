import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/ports/index.js';

/**
 * Bolt logs through Rapport's logger, but only the fixed head of each line. Bolt and its Web API
 * client put details after a colon, and those details can quote what a request carried: "Malformed
 * request body: Unexpected token … "<the body>" is not valid JSON", or a listener's error message
 * about a client's name. The head says what happened; errors keep their type and code (the logger's
 * err serializer), never their text.
 */
export function boltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const line = (at: 'info' | 'warn' | 'error') => (...parts: unknown[]) => {
    const error = parts.find((p): p is Error => p instanceof Error);
    logger[at]({ lib: 'bolt', ...(error ? { err: error } : {}) }, boltHead(parts));
  };
  return {
    // Bolt's debug lines quote request bodies (clients' names, notes): they never reach the log.
    debug: () => undefined,
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** The first string part up to its first colon, at most 160 characters. */
export function boltHead(parts: readonly unknown[]): string {
  const first = parts.find((p): p is string => typeof p === 'string') ?? (parts[0] instanceof Error ? parts[0].name : 'bolt');
  const colon = first.indexOf(':');
  return (colon >= 0 ? first.slice(0, colon) : first).slice(0, 160);
}
