import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import type { CalendarDate } from './dates.js';
import { parseCalendarDate, parseMoment, parseSnoozeUntil } from './dates.js';
import { mentionOf } from './mentions.js';
import { validateName } from './names.js';
import { fail, succeed, type Outcome } from './outcome.js';

/**
 * A command's arguments, described once as data. The description is read by the text grammar
 * (`/client log acme call …`), by docs/commands.md, by Slack's forms and by Discord's options; each
 * reads raw values through the same readers below, so every door applies the same checks.
 */

/** A client as a person or a platform names it: picked by id (forms, autocomplete) or typed by name. */
export type ClientRef = { readonly by: 'id'; readonly id: string } | { readonly by: 'name'; readonly name: string };

/** What a platform says about a channel someone picked: text, forum, or another kind (voice, category…). */
export type ChannelKind = 'text' | 'forum' | 'other';

/**
 * A channel: picked on the platform (its id, with what the platform says about it: its kind, and
 * whether it is in this workspace at all), or typed: a mention (<#id>) or a #name.
 */
export type ChannelRef =
  | { readonly by: 'id'; readonly id: string; readonly kind?: ChannelKind; readonly elsewhere?: boolean }
  | { readonly by: 'name'; readonly name: string };

/** A person on the platform: the caller, a platform id (a mention), or a name typed after @. */
export type MemberRef =
  | { readonly by: 'self' }
  | { readonly by: 'id'; readonly id: string; readonly name?: string }
  | { readonly by: 'name'; readonly name: string };

export type ArgType =
  | { readonly kind: 'client' }
  /** Free text, kept exactly as typed (within the length limit). */
  | { readonly kind: 'text'; readonly what: string; readonly max?: number }
  /** The name of a person or an organisation. */
  | { readonly kind: 'name'; readonly what: string }
  /** One word of a shape (a relation, a nudge id, a confirmation code). */
  | { readonly kind: 'word'; readonly what: string; readonly pattern: RegExp; readonly example: string; readonly lower?: boolean }
  /** One of a set. `choices` are what forms offer (all values when absent); `synonyms` map extra words to values. */
  | {
      readonly kind: 'enum';
      readonly what: string;
      readonly values: readonly string[];
      readonly choices?: readonly string[];
      readonly synonyms?: Readonly<Record<string, string>>;
      /** Words that are not values but deserve their own answer ("email": in or out?). */
      readonly explain?: Readonly<Record<string, string>>;
      /** Where to find the values, for a set too long to list in one line. */
      readonly listedAt?: string;
    }
  /** A moment: past-facing (when something happened) or future-facing (when it should). */
  | { readonly kind: 'moment'; readonly facing: 'past' | 'future' }
  /** A yearly date: month and day, the year when known. */
  | { readonly kind: 'yearly' }
  /** How long to put something off: 1d, 1w, or a date to come. Reads to the instant it ends. */
  | { readonly kind: 'duration' }
  | { readonly kind: 'member' }
  | { readonly kind: 'channel' }
  | { readonly kind: 'email' }
  | { readonly kind: 'phone' };

/** How the text grammar places an argument: a word in order, the words left over, or key:value. */
export type Placement = 'positional' | 'rest' | 'option';

export interface ArgSpec<T = unknown, R extends boolean = boolean> {
  readonly name: string;
  readonly type: ArgType;
  readonly required: R;
  readonly placement: Placement;
  readonly repeatable: boolean;
  /** A short label for forms and Discord option descriptions. */
  readonly label: string;
  /** The placeholder in the usage line: "<client>", "<what happened>". */
  readonly placeholder: string;
  /** In the text grammar, an optional word read only right after another argument took one of these values. */
  readonly onlyAfter?: { readonly arg: string; readonly values: readonly string[] };
  /** Carries the value's type for ArgsOf; never set. */
  readonly _value?: T;
}

export type ArgSpecs = Readonly<Record<string, ArgSpec>>;

/** The typed arguments an executor receives for a description. */
export type ArgsOf<S extends ArgSpecs> = {
  readonly [K in keyof S]: S[K] extends ArgSpec<infer T, infer R> ? (R extends true ? T : T | undefined) : never;
};

type Options = {
  readonly label: string;
  readonly placeholder?: string;
  readonly placement?: Placement;
  readonly onlyAfter?: { readonly arg: string; readonly values: readonly string[] };
};

function make<T>(type: ArgType, options: Options & { readonly placement: Placement }, repeatable = false) {
  const base = { type, placement: options.placement, repeatable, label: options.label, placeholder: options.placeholder ?? '', ...(options.onlyAfter ? { onlyAfter: options.onlyAfter } : {}) };
  return {
    required: (): ArgSpec<T, true> => ({ name: '', ...base, required: true }),
    optional: (): ArgSpec<T, false> => ({ name: '', ...base, required: false }),
  };
}

/** Builders for argument descriptions; `defineArgs` fills in their names from the keys. */
export const arg = {
  client: (o: Partial<Options> = {}) => make<ClientRef>({ kind: 'client' }, { label: 'Client', placeholder: 'client', placement: 'positional', ...o }),
  text: (what: string, o: Options & { readonly max?: number }) => make<string>({ kind: 'text', what, ...(o.max ? { max: o.max } : {}) }, { placement: 'rest', ...o }),
  name: (what: string, o: Options) => make<string>({ kind: 'name', what }, { placement: 'rest', ...o }),
  names: (what: string, o: Options) => make<readonly string[]>({ kind: 'name', what }, { placement: 'option', ...o }, true),
  word: (what: string, pattern: RegExp, example: string, o: Options & { readonly lower?: boolean }) =>
    make<string>({ kind: 'word', what, pattern, example, ...(o.lower ? { lower: true } : {}) }, { placement: 'positional', ...o }),
  choice: <V extends string>(
    what: string,
    values: readonly V[],
    o: Options & { readonly choices?: readonly V[]; readonly synonyms?: Readonly<Record<string, V>>; readonly explain?: Readonly<Record<string, string>>; readonly listedAt?: string },
  ) =>
    make<V>(
      { kind: 'enum', what, values, ...(o.choices ? { choices: o.choices } : {}), ...(o.synonyms ? { synonyms: o.synonyms } : {}), ...(o.explain ? { explain: o.explain } : {}), ...(o.listedAt ? { listedAt: o.listedAt } : {}) },
      { placement: 'option', ...o },
    ),
  moment: (facing: 'past' | 'future', o: Options) => make<Date>({ kind: 'moment', facing }, { placement: 'option', ...o }),
  yearly: (o: Options) => make<CalendarDate>({ kind: 'yearly' }, { placement: 'option', ...o }),
  duration: (o: Options) => make<Date>({ kind: 'duration' }, { placement: 'rest', ...o }),
  member: (o: Options) => make<MemberRef>({ kind: 'member' }, { placement: 'option', ...o }),
  channel: (o: Options) => make<ChannelRef>({ kind: 'channel' }, { placement: 'option', ...o }),
  emails: (o: Options) => make<readonly string[]>({ kind: 'email' }, { placement: 'option', ...o }, true),
  phone: (o: Options) => make<string>({ kind: 'phone' }, { placement: 'option', ...o }),
};

/** Names each argument after its key, so a description is written once. */
export function defineArgs<S extends Record<string, ArgSpec>>(specs: S): S {
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { ...spec, name, placeholder: spec.placeholder || name }])) as unknown as S;
}

/** What reading a value needs to know: the workspace's clock and zone. */
export interface ReadContext {
  readonly now: Date;
  readonly timeZone: string;
}

/** A raw value as an entry point hands it over: text, several texts, or an already picked reference. */
export type RawValue = string | readonly string[] | ClientRef | MemberRef | ChannelRef;

/** Longest free text: long enough for a real note, short enough to stay a note. */
export const MAX_TEXT_LENGTH = 2000;

const Email = z.email();

/**
 * Reads every argument of a description from raw values, in order; the first problem is the answer,
 * naming its field so a form can show it in place. Missing required arguments are refused here.
 */
export function readArgs<S extends ArgSpecs>(specs: S, raw: Readonly<Record<string, RawValue | undefined>>, ctx: ReadContext): Outcome<ArgsOf<S>> {
  const out: Record<string, unknown> = {};
  for (const spec of Object.values(specs)) {
    const value = raw[spec.name];
    const empty = value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (spec.required) return withField(fail(`${spec.name}.missing`, missingMessage(spec)), spec.name);
      continue;
    }
    const read = readValue(spec, value, ctx);
    if (!read.ok) return withField(read, spec.name);
    out[spec.name] = read.value;
  }
  return succeed(out as ArgsOf<S>);
}

function withField<T>(outcome: Outcome<T>, field: string): Outcome<T> {
  return outcome.ok ? outcome : { ...outcome, field };
}

function missingMessage(spec: ArgSpec): string {
  switch (spec.type.kind) {
    case 'client':
      return 'Which client? Give a name (quote it if it has spaces).';
    case 'enum':
      return `Which ${spec.type.what}? One of ${(spec.type.choices ?? spec.type.values).join(', ')}.`;
    case 'text':
      return `Add ${spec.type.what}.`;
    case 'name':
      return `The ${spec.type.what} needs a name.`;
    case 'word':
      return `Give ${spec.type.what}, for example ${spec.type.example}.`;
    case 'yearly':
      return 'Which date? For example "March 14" or 2026-03-14.';
    case 'moment':
      return 'When? For example "yesterday 3pm" or 2026-03-14.';
    case 'duration':
      return 'For how long? 1d, 1w, or a date such as "next monday".';
    case 'member':
      return 'Who? Mention them (@name), or say me.';
    case 'channel':
      return 'Which channel? Mention it (#channel).';
    case 'email':
      return 'Which email address?';
    case 'phone':
      return 'Which phone number?';
  }
}

function readValue(spec: ArgSpec, value: RawValue, ctx: ReadContext): Outcome<unknown> {
  const type = spec.type;
  if (typeof value === 'object' && !Array.isArray(value)) {
    if (type.kind === 'client' && 'by' in value && (value.by === 'id' || value.by === 'name')) return succeed(value);
    if (type.kind === 'member' && 'by' in value) return succeed(value);
    if (type.kind === 'channel' && 'by' in value && (value.by === 'id' || value.by === 'name')) return succeed(value);
    return fail('input.wrong-type', `${spec.label} cannot take that value.`);
  }
  if (Array.isArray(value)) {
    if (!spec.repeatable) return fail('option.repeated', `"${spec.name}:" is given twice; give it once.`);
    const items: unknown[] = [];
    for (const one of value as readonly string[]) {
      const read = readOne(spec, type, one, ctx);
      if (!read.ok) return read;
      items.push(read.value);
    }
    return succeed(items);
  }
  const one = readOne(spec, type, value as string, ctx);
  return one.ok && spec.repeatable ? succeed([one.value]) : one;
}

/** A name that starts with a quote had its quote opened and never closed: names are quote-aware, free text is not. */
const UNCLOSED = /^["'“‘«„]/;

function readOne(spec: ArgSpec, type: ArgType, text: string, ctx: ReadContext): Outcome<unknown> {
  if ((type.kind === 'client' || type.kind === 'name') && UNCLOSED.test(text.trim())) {
    return fail('input.unclosed-quote', `A quote was opened but never closed in ${clip(text.trim())}: add the closing quote.`);
  }
  switch (type.kind) {
    case 'client':
      return succeed({ by: 'name', name: text.trim() } satisfies ClientRef);
    case 'text':
      return readText(text, type.what, type.max);
    case 'name':
      return validateName(text, type.what);
    case 'word': {
      const word = type.lower ? text.trim().toLowerCase() : text.trim();
      return type.pattern.test(word) ? succeed(word) : fail(`${spec.name}.unreadable`, `"${clip(text)}" is not ${type.what}; for example ${type.example}.`);
    }
    case 'enum':
      return readChoice(spec.name, type, text);
    case 'moment':
      return parseMoment(text, ctx.now, ctx.timeZone, type.facing);
    case 'yearly':
      return parseCalendarDate(text, ctx.now, ctx.timeZone);
    case 'duration':
      return parseSnoozeUntil(text, ctx.now, ctx.timeZone);
    case 'member':
      return readMember(text);
    case 'channel':
      return readChannel(text);
    case 'email': {
      const email = text.trim().toLowerCase();
      return Email.safeParse(email).success ? succeed(email) : fail('email.invalid', `"${clip(text)}" is not an email address.`);
    }
    case 'phone': {
      const phone = text.trim();
      return /^[+()\d\s.-]{5,30}$/.test(phone) ? succeed(phone) : fail('phone.invalid', `"${clip(text)}" doesn't look like a phone number.`);
    }
  }
}

/** Free text as typed: only the ends are trimmed; empty and over-long text are refused. */
export function readText(text: string, what: string, max = MAX_TEXT_LENGTH): Outcome<string> {
  const clean = text.trim();
  if (clean === '') return fail('text.empty', `Add ${what}.`);
  if (clean.length > max) return fail('text.too-long', `That ${what} is ${clean.length} characters; keep it under ${max}.`);
  return succeed(clean);
}

/** One of a set, with synonyms, and "did you mean" for a near miss. */
export function readChoice(field: string, type: Extract<ArgType, { kind: 'enum' }>, text: string): Outcome<string> {
  const word = text.trim().toLowerCase();
  const explained = type.explain?.[word];
  if (explained !== undefined) return fail(`${field}.unclear`, explained);
  const direct = type.values.find((v) => v.toLowerCase() === word) ?? type.synonyms?.[word];
  if (direct !== undefined) return succeed(direct);
  const shown = type.choices ?? type.values;
  const near = nearMisses(word, [...type.values, ...Object.keys(type.synonyms ?? {})]);
  const hint = near.length > 0 ? ` Did you mean ${near.join(' or ')}?` : type.listedAt ? ` ${type.listedAt}` : ` Use one of ${shown.join(', ')}.`;
  return fail(`${field}.unknown`, `"${clip(text)}" is not a ${type.what}.${hint}`, near);
}

/** Words within a small edit distance of what was typed; a one- or two-letter word is too short to guess from. */
export function nearMisses(typed: string, words: readonly string[], most = 3): string[] {
  const key = typed.toLowerCase();
  if (key.length < 3) return [];
  const limit = key.length <= 3 ? 1 : 2;
  return [...new Set(words)]
    .map((w) => ({ w, d: distance(key, w.toLowerCase()) }))
    .filter(({ d }) => d <= limit)
    .sort((a, b) => a.d - b.d || a.w.localeCompare(b.w))
    .slice(0, most)
    .map(({ w }) => w);
}

function readMember(text: string): Outcome<MemberRef> {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'me') return succeed({ by: 'self' });
  const mention = mentionOf(trimmed);
  if (mention) return succeed(mention.name ? { by: 'id', id: mention.id, name: mention.name } : { by: 'id', id: mention.id });
  const name = /^@?([\p{L}\p{N}._-][\p{L}\p{N} ._'-]{0,79})$/u.exec(trimmed)?.[1]?.trim();
  return name ? succeed({ by: 'name', name }) : fail('member.unreadable', `"${clip(text)}" is not a person; mention them (@name) or say me.`);
}

/** A channel as typed: a mention (Slack's <#C123|name>, Discord's <#123>) or a #name. */
export function readChannel(text: string): Outcome<ChannelRef> {
  const trimmed = text.trim();
  const id = /^<#([A-Z0-9]+)(\|[^>]*)?>$/i.exec(trimmed)?.[1];
  if (id) return succeed({ by: 'id', id });
  const name = /^#?([\p{L}\p{N}_-]{1,80})$/u.exec(trimmed)?.[1];
  return name ? succeed({ by: 'name', name }) : fail('channel.unreadable', `"${clip(text)}" is not a channel; use #channel-name.`);
}

const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
