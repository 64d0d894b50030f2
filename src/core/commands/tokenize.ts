import { fail, succeed, type Outcome } from './outcome.js';

/** Longest line we accept; anything longer is a paste accident, not a command. */
export const MAX_LINE_LENGTH = 4000;

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’', '«': '»' };

export interface Token {
  readonly text: string;
  /** True when any part of it was quoted: quoted text is never read as an option or keyword. */
  readonly quoted: boolean;
}

/**
 * Splits a command line into words, keeping quoted runs ("Acme Corp", 'pinot noir', “smart quotes”)
 * together. Quotes may sit inside a word (when:"next monday"). An unclosed quote is an error, not a guess.
 */
export function tokenize(line: string): Outcome<Token[]> {
  if (line.length > MAX_LINE_LENGTH) {
    return fail('input.too-long', `That line is ${line.length} characters; the most I take is ${MAX_LINE_LENGTH}.`);
  }
  // Control characters other than tab/newline carry no meaning in a command and can corrupt logs or replies.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(line)) {
    return fail('input.control-characters', 'That line contains control characters; please type it again as plain text.');
  }
  const tokens: Token[] = [];
  let current = '';
  let inToken = false;
  let quoted = false;
  let closing: string | null = null;
  for (const ch of line) {
    if (closing !== null) {
      if (ch === closing) closing = null;
      else current += ch;
      continue;
    }
    const close = QUOTES[ch];
    if (close !== undefined) {
      closing = close;
      inToken = true;
      quoted = true;
      continue;
    }
    if (/\s/.test(ch)) {
      if (inToken) tokens.push({ text: current, quoted });
      current = '';
      inToken = false;
      quoted = false;
      continue;
    }
    current += ch;
    inToken = true;
  }
  if (closing !== null) return fail('input.unclosed-quote', `A quote was opened but never closed: add the closing ${closing}.`);
  if (inToken) tokens.push({ text: current, quoted });
  return succeed(tokens);
}

/** Puts words back into a line, quoting those that need it, so a suggestion can be run as typed. */
export function quoteIfNeeded(word: string): string {
  return /[\s"']/.test(word) || word === '' ? `"${word.replace(/"/g, "'")}"` : word;
}
