import type { ArgSpec, ArgSpecs, RawValue } from './arguments.js';
import { readChoice } from './arguments.js';
import { normalizeName } from './names.js';
import { fail, succeed, type Outcome } from './outcome.js';
import { sourceText, type Token } from './tokenize.js';

/** Where the client's name stood in the line, so a suggestion can put another name in its place. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface ParsedLine {
  /** Raw values by argument name, for readArgs. */
  readonly raw: Record<string, RawValue>;
  readonly clientSpan?: Span;
}

/** Most words a client's name typed without quotes may have. */
export const MAX_NAME_WORDS = 8;

/**
 * The runs of leading words that could be a client's name typed in full without quotes ("Acme Corp
 * call …"), longest first, as lookup keys. A quoted word, or one with no letter or digit (an emoji
 * that starts a note), ends the run.
 */
export function nameSpans(words: readonly Token[]): string[] {
  const spans: string[] = [];
  let n = 0;
  while (n < Math.min(words.length, MAX_NAME_WORDS) && !words[n]!.quoted && normalizeName(words[n]!.text) !== '') n++;
  for (let k = n; k >= 2; k--) spans.push(normalizeName(words.slice(0, k).map((w) => w.text).join(' ')));
  return spans;
}

/**
 * Splits the words after the subcommand into raw argument values, following the description: key:value
 * options first, then positional words in order, then the rest as free text exactly as typed. Pure:
 * `isClientName` answers from names looked up beforehand (see clientNameCandidates).
 */
export function parseLine(args: ArgSpecs, line: string, tokens: readonly Token[], isClientName: (key: string) => boolean): Outcome<ParsedLine> {
  const separated = separateOptions(args, line, tokens);
  if (!separated.ok) return separated;
  const { raw, words } = separated.value;
  const specs = Object.values(args);
  const positional = specs.filter((s) => s.placement === 'positional');
  const rest = specs.find((s) => s.placement === 'rest');
  let clientSpan: Span | undefined;
  let i = 0;
  for (const [index, spec] of positional.entries()) {
    if (i >= words.length) break;
    if (spec.type.kind === 'client') {
      const last = index === positional.length - 1 && rest === undefined;
      const n = last ? words.length - i : clientWords(words.slice(i), isClientName);
      const taken = words.slice(i, i + n);
      raw[spec.name] = { by: 'name', name: n === 1 ? taken[0]!.text : taken.map((w) => w.text).join(' ') };
      clientSpan = { start: taken[0]!.start, end: taken[taken.length - 1]!.end };
      i += n;
      continue;
    }
    if (!spec.required && !accepts(spec, words[i]!, raw)) continue;
    raw[spec.name] = words[i]!.text;
    i++;
  }
  const left = words.slice(i);
  if (left.length > 0) {
    if (rest === undefined) return fail('input.extra', `"${left[0]!.text.slice(0, 40)}" is not expected there.`);
    raw[rest.name] = sourceText(line, left);
  }
  return succeed({ raw, ...(clientSpan ? { clientSpan } : {}) });
}

/**
 * The keys a client's name typed in full could have in this line, for looking them up before
 * parseLine: the spans of the words left once the command's options are taken out.
 */
export function clientNameCandidates(args: ArgSpecs, line: string, tokens: readonly Token[]): string[] {
  const separated = separateOptions(args, line, tokens);
  return separated.ok ? nameSpans(separated.value.words) : [];
}

/** Takes the command's own key:value options out of the line; every other token stays a word. */
function separateOptions(args: ArgSpecs, line: string, tokens: readonly Token[]): Outcome<{ raw: Record<string, RawValue>; words: Token[] }> {
  const optionSpecs = new Map(Object.values(args).filter((s) => s.placement === 'option').map((s) => [s.name, s]));
  const raw: Record<string, RawValue> = {};
  const words: Token[] = [];
  for (const token of tokens) {
    const key = /^([a-z-]+):/i.exec(line.slice(token.start, token.end))?.[1]?.toLowerCase();
    const spec = key === undefined ? undefined : optionSpecs.get(key);
    if (spec === undefined) {
      words.push(token);
      continue;
    }
    const value = token.text.slice(key!.length + 1).trim();
    if (value === '') return fail('option.empty', `"${key}:" needs a value, e.g. ${key}:something (quote it if it has spaces).`);
    const existing = raw[spec.name];
    if (existing !== undefined && !spec.repeatable) return fail('option.repeated', `"${key}:" is given twice; give it once.`);
    raw[spec.name] = spec.repeatable ? [...((existing as readonly string[] | undefined) ?? []), value] : value;
  }
  return succeed({ raw, words });
}

/** How many leading words name the client: a quoted word alone, else the longest run that is a full name. */
function clientWords(words: readonly Token[], isClientName: (key: string) => boolean): number {
  const spans = nameSpans(words);
  const hit = spans.findIndex(isClientName);
  return hit < 0 ? 1 : spans.length - hit + 1;
}

/** Whether an optional positional argument takes this word, or leaves it to what follows. */
function accepts(spec: ArgSpec, word: Token, raw: Readonly<Record<string, RawValue>>): boolean {
  if (word.quoted) return false;
  if (spec.onlyAfter) {
    const before = raw[spec.onlyAfter.arg];
    if (typeof before !== 'string' || !spec.onlyAfter.values.includes(before.toLowerCase())) return false;
  }
  if (spec.type.kind === 'enum') return readChoice(spec.name, spec.type, word.text).ok;
  if (spec.type.kind === 'word') return spec.type.pattern.test(spec.type.lower ? word.text.toLowerCase() : word.text);
  return true;
}
