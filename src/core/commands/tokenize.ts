import { fail, succeed, type Outcome } from './outcome.js';

/** Longest line we accept; anything longer is a paste accident, not a command. */
export const MAX_LINE_LENGTH = 4000;

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’', '«': '»', '„': '“' };

export interface Token {
  /** The word with its grouping quotes taken off. */
  readonly text: string;
  /** True when a quoted run grouped it: quoted text is never read as an option or keyword. */
  readonly quoted: boolean;
  /** Where the word stands in the line, so free text can be kept exactly as typed. */
  readonly start: number;
  readonly end: number;
}

/**
 * Splits a command line into words. A quote groups words ("Acme Corp", 'pinot noir', “smart quotes”)
 * only where it opens a word (or an option's value, when:"next monday") and its closing quote ends
 * one; anywhere else a quote is an ordinary character, so "Jane's husband", o'brien and
 * 6" screens read as typed. A quote that never closes is kept as typed, not refused.
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
  let i = 0;
  while (i < line.length) {
    if (/\s/.test(line[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let text = '';
    let quoted = false;
    while (i < line.length && !/\s/.test(line[i]!)) {
      const ch = line[i]!;
      const close = QUOTES[ch];
      const opensHere = i === start || (/^[a-z-]+:$/i.test(text) && line[i - 1] === ':');
      const end = close !== undefined && opensHere ? closingQuote(line, i + 1, close) : -1;
      if (end >= 0) {
        text += line.slice(i + 1, end);
        quoted = true;
        i = end + 1;
        continue;
      }
      text += ch;
      i++;
    }
    tokens.push({ text, quoted, start, end: i });
  }
  return succeed(tokens);
}

/** The index of the quote that closes a run opened before `from`: one followed by a space or the end. */
function closingQuote(line: string, from: number, close: string): number {
  for (let j = line.indexOf(close, from); j >= 0; j = line.indexOf(close, j + 1)) {
    const next = line[j + 1];
    if (next === undefined || /\s/.test(next)) return j;
  }
  return -1;
}

/**
 * The words of tokens as they were typed: one run of adjacent words is the exact slice of the line;
 * separate runs (an option stood between them) are joined by one space. A single fully quoted
 * token gives its content: the quotes only grouped it.
 */
export function sourceText(line: string, tokens: readonly Token[]): string {
  if (tokens.length === 1 && tokens[0]!.quoted && isWhollyQuoted(line, tokens[0]!)) return tokens[0]!.text;
  const runs: string[] = [];
  let runStart = -1;
  let runEnd = -1;
  for (const t of tokens) {
    if (runStart >= 0 && line.slice(runEnd, t.start).trim() === '') {
      runEnd = t.end;
      continue;
    }
    if (runStart >= 0) runs.push(line.slice(runStart, runEnd));
    runStart = t.start;
    runEnd = t.end;
  }
  if (runStart >= 0) runs.push(line.slice(runStart, runEnd));
  return runs.join(' ');
}

function isWhollyQuoted(line: string, token: Token): boolean {
  const first = line[token.start]!;
  return QUOTES[first] !== undefined && QUOTES[first] === line[token.end - 1] && token.end - token.start === token.text.length + 2;
}

/** Puts a word back into a line, quoting it when it needs it, so a suggestion can be run as typed. */
export function quoteIfNeeded(word: string): string {
  return /[\s"]/.test(word) || /^['‘“«]/.test(word) || word === '' ? `"${word.replace(/"/g, "'")}"` : word;
}
