import type { types as SlackTypes } from '@slack/bolt';
import { z } from 'zod';
import type { Client, Reply } from '../../core/model/index.js';
import { MAX_TEXT_LENGTH, type ArgSpec, type ArgType, type RawValue } from '../../core/commands/arguments.js';
import type { CommandDefinition } from '../../core/commands/command.js';
import { LIMITS, clip, plain } from './mrkdwn.js';

type KnownBlock = SlackTypes.KnownBlock;
type ModalView = SlackTypes.ModalView;

export const CALLBACKS = { log: 'rapport_log', add: 'rapport_add', snooze: 'rapport_snooze' } as const;
export const CLIENT_PICKER = 'client_pick';

/**
 * Where a modal came from, carried in private_metadata (3,000 characters at most) so that the
 * submission can answer in the same place and update the digest message it was opened from.
 */
export const ModalOrigin = z.object({
  responseUrl: z.string().url().optional(),
  channel: z.string().optional(),
  nudgeId: z.string().optional(),
  messageTs: z.string().optional(),
});
export type ModalOrigin = z.infer<typeof ModalOrigin>;

export function readOrigin(privateMetadata: string | undefined): ModalOrigin {
  try {
    const parsed = ModalOrigin.safeParse(JSON.parse(privateMetadata || '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function writeOrigin(origin: ModalOrigin): string {
  const json = JSON.stringify(origin);
  // A response URL is the only long field; without it the modal still works (answer by DM).
  return json.length <= 3000 ? json : JSON.stringify({ ...origin, responseUrl: undefined });
}

const humanize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).replace(/-/g, ' ');
const option = (value: string, label = humanize(value)) => ({ text: plain(label, LIMITS.optionText), value });

/**
 * The forms Slack shows for `/client log` and `/client add` typed bare. Which arguments a form asks
 * for, and its wording, is presentation; each field itself (its kind, its choices, whether it is
 * required) is read from the command's description in the core, and the submission goes to the
 * same executor as a typed line.
 */
export const FORMS = {
  log: { callback: CALLBACKS.log, title: 'Log an interaction', submit: 'Log', fields: ['client', 'kind', 'mood', 'note', 'when'], initial: { kind: 'call-out' }, labels: { kind: 'What happened' } },
  add: { callback: CALLBACKS.add, title: 'Add a client', submit: 'Add', fields: ['name', 'tier', 'owner', 'alias'], initial: { tier: 'standard' }, labels: { owner: 'Owner (you if empty)' } },
} as const satisfies Record<string, { callback: string; title: string; submit: string; fields: readonly string[]; initial: Record<string, string>; labels: Record<string, string> }>;
export type FormName = keyof typeof FORMS;

const HINTS: Partial<Record<ArgType['kind'], string>> = {
  moment: 'Empty means now. "yesterday 3pm" and "last monday" work.',
  yearly: '"March 14" or 1980-03-14; the year may be left out.',
};

/** The Slack input for one argument, by its type in the command's description. */
function inputFor(spec: ArgSpec, initial: string | undefined, preset: Pick<Client, 'id' | 'name'> | undefined): SlackTypes.InputBlock['element'] {
  const type = spec.type;
  switch (type.kind) {
    case 'client':
      return {
        type: 'external_select',
        action_id: CLIENT_PICKER,
        min_query_length: 0,
        placeholder: plain('Start typing a name', LIMITS.optionText),
        ...(preset ? { initial_option: option(preset.id, preset.name) } : {}),
      };
    case 'enum': {
      const values = (type.choices ?? type.values).slice(0, 100);
      return { type: 'static_select', action_id: spec.name, options: values.map((v) => option(v)), ...(initial && values.includes(initial) ? { initial_option: option(initial) } : {}) };
    }
    case 'member':
      return { type: 'users_select', action_id: spec.name };
    case 'text':
      return { type: 'plain_text_input', action_id: spec.name, multiline: spec.placement === 'rest', max_length: Math.min(type.max ?? MAX_TEXT_LENGTH, 3000) };
    case 'moment':
      return { type: 'plain_text_input', action_id: spec.name, placeholder: plain('now', 150) };
    default:
      return { type: 'plain_text_input', action_id: spec.name, max_length: 200 };
  }
}

/** A form for a command, its fields generated from the command's argument description. */
export function formModal(command: CommandDefinition, origin: ModalOrigin, preset?: Pick<Client, 'id' | 'name'>): ModalView {
  const form = FORMS[command.name as FormName];
  const labels: Record<string, string> = form.labels;
  const initial: Record<string, string> = form.initial;
  const blocks: KnownBlock[] = form.fields.map((name) => {
    const spec = command.args[name];
    if (spec === undefined) throw new Error(`form ${command.name} names ${name}, which the command does not describe`);
    const hint = HINTS[spec.type.kind];
    return {
      type: 'input',
      block_id: name,
      ...(spec.required ? {} : { optional: true }),
      label: plain(labels[name] ?? spec.label, 2000),
      ...(hint ? { hint: plain(hint, 2000) } : {}),
      element: inputFor(spec, initial[name], preset),
    } as KnownBlock;
  });
  return { type: 'modal', callback_id: form.callback, private_metadata: writeOrigin(origin), title: plain(form.title, 24), submit: plain(form.submit, 24), close: plain('Cancel', 24), blocks };
}

/** The "pick a date" form behind a digest's Snooze menu. */
export function snoozeModal(origin: ModalOrigin & { nudgeId: string }, title: string): ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACKS.snooze,
    private_metadata: writeOrigin(origin),
    title: plain('Snooze until…', 24),
    submit: plain('Snooze', 24),
    close: plain('Cancel', 24),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: clip(title, LIMITS.sectionText) } },
      { type: 'input', block_id: 'until', label: plain('Until', 2000), element: { type: 'datepicker', action_id: 'until' } },
    ],
  };
}

// ---- Reading submissions ----

type StateValues = Record<string, Record<string, { type?: string; value?: string | null; selected_option?: { value: string } | null; selected_user?: string | null; selected_date?: string | null }>>;

function field(values: StateValues, block: string, action = block) {
  return values[block]?.[action];
}

/**
 * A form's answers as the core's raw values: picked clients and people as references (by id), the
 * rest as text. Checking them is the core's work, the same as for a typed line.
 */
export function readForm(command: CommandDefinition, values: StateValues): Record<string, RawValue> {
  const raw: Record<string, RawValue> = {};
  for (const name of FORMS[command.name as FormName].fields) {
    const spec = command.args[name];
    if (spec === undefined) continue;
    const input = field(values, name, spec.type.kind === 'client' ? CLIENT_PICKER : name);
    const picked = input?.selected_option?.value;
    if (spec.type.kind === 'client' && picked) raw[name] = { by: 'id', id: picked };
    else if (spec.type.kind === 'member' && input?.selected_user) raw[name] = { by: 'id', id: input.selected_user };
    else if (picked) raw[name] = picked;
    else if (typeof input?.value === 'string' && input.value.trim() !== '') raw[name] = input.value;
  }
  return raw;
}

export function readSnoozeForm(values: StateValues): string | null {
  return field(values, 'until')?.selected_date ?? null;
}

/** The field an expected failure belongs to: the one the core names, else by its code ("when.future" -> when). */
export function errorField(reply: Pick<Reply, 'code' | 'field'>, fields: readonly string[], fallback: string): string {
  if (reply.field && fields.includes(reply.field)) return reply.field;
  const head = reply.code?.split('.')[0] ?? '';
  return fields.includes(head) ? head : fallback;
}
