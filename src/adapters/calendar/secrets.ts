// Feed tokens: 32 random bytes (256 bits) in base64url, so an address cannot be guessed; only their
// SHA-256 is stored, so the database never holds a usable address.
import { createHash, randomBytes } from 'node:crypto';
import type { CalendarSecrets } from '../../core/ports/calendar.js';

/** The exact shape issue() produces; anything else is refused before the database is asked. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Tokens and their addresses under the server's public base URL (RAPPORT_PUBLIC_URL). */
export function createCalendarSecrets(options: { readonly publicUrl: string; readonly random?: (bytes: number) => Buffer }): CalendarSecrets {
  const base = options.publicUrl.endsWith('/') ? options.publicUrl : `${options.publicUrl}/`;
  const random = options.random ?? randomBytes;
  return {
    issue() {
      const token = random(32).toString('base64url');
      return { token, tokenHash: hashToken(token) };
    },
    feedUrl: (token) => new URL(`calendar/${token}.ics`, base).toString(),
  };
}
