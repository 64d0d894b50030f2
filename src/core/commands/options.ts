import { fail, succeed, type Outcome } from './outcome.js';
import type { Token } from './tokenize.js';

/**
 * Splits `key:value` options from plain words. Only the keys a command knows are options, so
 * "Re: invoice" or "10:30" in a summary stay words. A quoted token is always a word.
 */
export function splitOptions(
  args: readonly Token[],
  keys: readonly string[],
  repeatable: readonly string[] = [],
): Outcome<{ options: Map<string, string[]>; words: Token[] }> {
  const options = new Map<string, string[]>();
  const words: Token[] = [];
  for (const token of args) {
    const match = /^([a-z-]+):(.*)$/is.exec(token.text);
    const key = match?.[1]?.toLowerCase();
    if (match && key !== undefined && keys.includes(key) && !(token.quoted && !token.text.includes(':'))) {
      const value = match[2]!.trim();
      if (value === '') return fail('option.empty', `"${key}:" needs a value, e.g. ${key}:something (quote it if it has spaces).`);
      const existing = options.get(key) ?? [];
      if (existing.length > 0 && !repeatable.includes(key)) return fail('option.repeated', `"${key}:" is given twice; give it once.`);
      options.set(key, [...existing, value]);
    } else {
      words.push(token);
    }
  }
  return succeed({ options, words });
}

export const joinWords = (words: readonly Token[]): string => words.map((w) => w.text).join(' ').trim();

/** Summaries and notes: long enough for a real note, short enough to stay a note. */
export const MAX_TEXT_LENGTH = 2000;

export function validateText(text: string, what: string): Outcome<string> {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return fail('text.empty', `Add ${what}.`);
  if (clean.length > MAX_TEXT_LENGTH) return fail('text.too-long', `That ${what} is ${clean.length} characters; keep it under ${MAX_TEXT_LENGTH}.`);
  return succeed(clean);
}
