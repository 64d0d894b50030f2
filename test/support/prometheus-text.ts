// A strict reader of the Prometheus text exposition format (version 0.0.4), for tests: every line
// must be a # HELP / # TYPE comment, blank, or a sample of a family whose TYPE came before it.
// Anything else throws, so "parses" means what a Prometheus server would accept.

export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface Family {
  readonly name: string;
  readonly type: string;
  readonly help: string;
  readonly samples: Sample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
/** Histogram and summary samples carry a suffix after their family's name. */
const SUFFIXES = ['_bucket', '_sum', '_count', ''];

/**
 * Prometheus reads values with Go's ParseFloat, which takes Inf and NaN in any case; prom-client
 * writes a gauge that is not a number yet (an event-loop lag before its first sample) as "Nan".
 */
function parseValue(text: string, line: number): number {
  const special = text.toLowerCase();
  if (special === '+inf' || special === 'inf') return Infinity;
  if (special === '-inf') return -Infinity;
  if (special === 'nan') return NaN;
  const value = Number(text);
  if (text === '' || Number.isNaN(value)) throw new Error(`line ${line}: bad value "${text}"`);
  return value;
}

/** Reads `{a="x",b="y\"z"}` starting at `start`; returns the labels and the index after `}`. */
function parseLabels(text: string, start: number, line: number): { labels: Record<string, string>; end: number } {
  const labels: Record<string, string> = {};
  let i = start + 1;
  while (text[i] !== '}') {
    const eq = text.indexOf('=', i);
    if (eq < 0) throw new Error(`line ${line}: label without "="`);
    const key = text.slice(i, eq);
    if (!LABEL.test(key)) throw new Error(`line ${line}: bad label name "${key}"`);
    if (text[eq + 1] !== '"') throw new Error(`line ${line}: label value not quoted`);
    let value = '';
    let j = eq + 2;
    for (; j < text.length && text[j] !== '"'; j++) {
      if (text[j] === '\\') {
        const next = text[++j];
        value += next === 'n' ? '\n' : next;
      } else value += text[j];
    }
    if (j >= text.length) throw new Error(`line ${line}: unterminated label value`);
    if (key in labels) throw new Error(`line ${line}: label "${key}" twice`);
    labels[key] = value;
    i = j + 1;
    if (text[i] === ',') i++;
    else if (text[i] !== '}') throw new Error(`line ${line}: expected "," or "}"`);
  }
  return { labels, end: i + 1 };
}

export function parsePrometheusText(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const help = new Map<string, string>();
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    if (raw.startsWith('#')) {
      const [, keyword, name, ...rest] = raw.split(' ');
      if (keyword === 'HELP' && name) help.set(name, rest.join(' '));
      else if (keyword === 'TYPE' && name) {
        if (!NAME.test(name) || !TYPES.has(rest[0] ?? '')) throw new Error(`line ${line}: bad TYPE`);
        if (families.has(name)) throw new Error(`line ${line}: ${name} declared twice`);
        families.set(name, { name, type: rest[0]!, help: help.get(name) ?? '', samples: [] });
      }
      return;
    }
    const brace = raw.indexOf('{');
    const space = raw.indexOf(' ');
    const nameEnd = brace >= 0 && brace < space ? brace : space;
    if (nameEnd <= 0) throw new Error(`line ${line}: no sample value`);
    const name = raw.slice(0, nameEnd);
    if (!NAME.test(name)) throw new Error(`line ${line}: bad metric name "${name}"`);
    const { labels, end } = nameEnd === brace ? parseLabels(raw, brace, line) : { labels: {}, end: nameEnd };
    const [valueText, timestamp, extra] = raw.slice(end).trim().split(' ');
    if (extra !== undefined || (timestamp !== undefined && !/^-?\d+$/.test(timestamp))) throw new Error(`line ${line}: trailing text`);
    const family = SUFFIXES.map((s) => (s !== '' && name.endsWith(s) ? name.slice(0, -s.length) : s === '' ? name : '')).map((n) => families.get(n)).find((f) => f !== undefined);
    if (family === undefined) throw new Error(`line ${line}: sample ${name} before its TYPE`);
    family.samples.push({ name, labels, value: parseValue(valueText ?? '', line) });
  });
  return families;
}
