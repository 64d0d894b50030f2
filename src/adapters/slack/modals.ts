import type { types as SlackTypes } from '@slack/bolt';
import { z } from 'zod';
import { INTERACTION_KINDS, MOODS, TIERS, type Client, type InteractionKind, type Mood } from '../../core/model/index.js';
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

/** The log form: client (type-ahead over the workspace's clients), kind, mood, note, when. */
export function logModal(origin: ModalOrigin, preset?: Pick<Client, 'id' | 'name'>): ModalView {
  const picker: SlackTypes.ExternalSelect = {
    type: 'external_select',
    action_id: CLIENT_PICKER,
    min_query_length: 0,
    placeholder: plain('Start typing a name', LIMITS.optionText),
    ...(preset ? { initial_option: option(preset.id, preset.name) } : {}),
  };
  const blocks: KnownBlock[] = [
    { type: 'input', block_id: 'client', label: plain('Client', 2000), element: picker },
    {
      type: 'input',
      block_id: 'kind',
      label: plain('What happened', 2000),
      element: { type: 'static_select', action_id: 'kind', initial_option: option('call'), options: INTERACTION_KINDS.map((k) => option(k)) },
    },
    {
      type: 'input',
      block_id: 'mood',
      optional: true,
      label: plain('Their mood', 2000),
      element: { type: 'static_select', action_id: 'mood', options: MOODS.map((m) => option(m)) },
    },
    {
      type: 'input',
      block_id: 'note',
      label: plain('Note', 2000),
      element: { type: 'plain_text_input', action_id: 'note', multiline: true, max_length: 3000 },
    },
    {
      type: 'input',
      block_id: 'when',
      optional: true,
      label: plain('When', 2000),
      hint: plain('Empty means now. "yesterday 3pm" and "last monday" work.', 2000),
      element: { type: 'plain_text_input', action_id: 'when', placeholder: plain('now', 150) },
    },
  ];
  return {
    type: 'modal',
    callback_id: CALLBACKS.log,
    private_metadata: writeOrigin(origin),
    title: plain('Log an interaction', 24),
    submit: plain('Log', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}

/** The add form: name, tier, owner (defaults to the person adding), alias. */
export function addModal(origin: ModalOrigin): ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACKS.add,
    private_metadata: writeOrigin(origin),
    title: plain('Add a client', 24),
    submit: plain('Add', 24),
    close: plain('Cancel', 24),
    blocks: [
      { type: 'input', block_id: 'name', label: plain('Name', 2000), element: { type: 'plain_text_input', action_id: 'name', max_length: 200 } },
      {
        type: 'input',
        block_id: 'tier',
        label: plain('Tier', 2000),
        element: { type: 'static_select', action_id: 'tier', initial_option: option('standard'), options: TIERS.map((t) => option(t)) },
      },
      { type: 'input', block_id: 'owner', optional: true, label: plain('Owner (you if empty)', 2000), element: { type: 'users_select', action_id: 'owner' } },
      { type: 'input', block_id: 'alias', optional: true, label: plain('Short name', 2000), element: { type: 'plain_text_input', action_id: 'alias', max_length: 100 } },
    ],
  };
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

export interface LogFields {
  readonly clientId: string | null;
  readonly kind: InteractionKind;
  readonly mood?: Mood;
  readonly summary: string;
  readonly when?: string;
}

export function readLogForm(values: StateValues): LogFields {
  const kind = z.enum(INTERACTION_KINDS).safeParse(field(values, 'kind')?.selected_option?.value);
  const mood = z.enum(MOODS).safeParse(field(values, 'mood')?.selected_option?.value);
  const when = field(values, 'when')?.value?.trim();
  return {
    clientId: field(values, 'client', CLIENT_PICKER)?.selected_option?.value ?? null,
    kind: kind.success ? kind.data : 'note',
    ...(mood.success ? { mood: mood.data } : {}),
    summary: field(values, 'note')?.value?.trim() ?? '',
    ...(when ? { when } : {}),
  };
}

export interface AddFields {
  readonly name: string;
  readonly tier: string;
  readonly ownerSlackId: string | null;
  readonly alias: string | null;
}

export function readAddForm(values: StateValues): AddFields {
  return {
    name: field(values, 'name')?.value?.trim() ?? '',
    tier: field(values, 'tier')?.selected_option?.value ?? 'standard',
    ownerSlackId: field(values, 'owner')?.selected_user ?? null,
    alias: field(values, 'alias')?.value?.trim() || null,
  };
}

export function readSnoozeForm(values: StateValues): string | null {
  return field(values, 'until')?.selected_date ?? null;
}

/** The block an expected failure belongs to, by the core's stable code ("when.unreadable" -> when). */
export function errorBlock(code: string | undefined, blocks: readonly string[], fallback: string): string {
  const raw = code?.split('.')[0] ?? '';
  // The core's date errors ("date.unreadable") concern the form's time field.
  const head = raw === 'date' ? 'when' : raw;
  if (head === 'client' || head === 'name') return blocks.includes('client') ? 'client' : blocks.includes('name') ? 'name' : fallback;
  return blocks.includes(head) ? head : fallback;
}
