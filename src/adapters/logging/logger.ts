import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { Logger } from '../../core/ports/index.js';

/**
 * Fields that may carry secrets or clients' personal data. They are censored at the logger, so a
 * careless log line elsewhere still cannot leak a token, a family name, a date, a note or a subject.
 */
export const REDACTED_KEYS = [
  'token', 'botToken', 'appToken', 'userToken', 'accessToken', 'refreshToken', 'signingSecret', 'clientSecret', 'stateSecret', 'password', 'authorization', 'cookie',
  'text', 'summary', 'subject', 'note', 'notes', 'name', 'names', 'displayName', 'family', 'birthday', 'date', 'dates', 'email', 'emails', 'phone', 'value', 'likes', 'description', 'body', 'payload', 'content', 'blocks',
];

const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export function createLogger(options: { level: string; destination?: DestinationStream }): PinoLogger {
  return pino(
    {
      level: options.level,
      redact: { paths, censor: '[redacted]' },
      base: { app: 'rapport' },
      serializers: {
        // Error messages from drivers can quote the values they failed on: keep the type and code, not the text.
        err: (err: unknown) => {
          if (!(err instanceof Error)) return { type: typeof err };
          const code = (err as { code?: unknown }).code;
          return { type: err.name, ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}), stack: err.stack?.split('\n').slice(1, 6).join('\n') };
        },
      },
    },
    options.destination,
  );
}

/** The core's Logger port over pino. */
export function corePortLogger(logger: PinoLogger): Logger {
  return {
    debug: (fields, message) => logger.debug(fields, message),
    info: (fields, message) => logger.info(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    error: (fields, message) => logger.error(fields, message),
  };
}
