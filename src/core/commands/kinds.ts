import { INTERACTION_KINDS, type Direction, type InteractionKind } from '../model/index.js';

/** Words people type for a kind, and the direction they imply. */
export const KIND_WORDS: Readonly<Record<string, { readonly kind: InteractionKind; readonly direction?: Direction }>> = {
  call: { kind: 'call' },
  'call-in': { kind: 'call', direction: 'in' },
  'call-out': { kind: 'call', direction: 'out' },
  'missed-call': { kind: 'call', direction: 'in' },
  'email-in': { kind: 'email-in', direction: 'in' },
  'email-out': { kind: 'email-out', direction: 'out' },
  'email-from': { kind: 'email-in', direction: 'in' },
  'email-to': { kind: 'email-out', direction: 'out' },
  meeting: { kind: 'meeting', direction: 'none' },
  message: { kind: 'message' },
  'message-in': { kind: 'message', direction: 'in' },
  'message-out': { kind: 'message', direction: 'out' },
  complaint: { kind: 'complaint', direction: 'in' },
  'status-update': { kind: 'status-update', direction: 'out' },
  update: { kind: 'status-update', direction: 'out' },
  resolution: { kind: 'resolution', direction: 'out' },
  resolved: { kind: 'resolution', direction: 'out' },
  gift: { kind: 'gift', direction: 'out' },
  referral: { kind: 'referral', direction: 'in' },
  mistake: { kind: 'mistake', direction: 'none' },
  apology: { kind: 'apology', direction: 'out' },
  feedback: { kind: 'feedback', direction: 'in' },
  'advice-asked': { kind: 'advice-asked', direction: 'out' },
  advice: { kind: 'advice-asked', direction: 'out' },
  note: { kind: 'note', direction: 'none' },
};

export const KIND_VALUES = Object.keys(KIND_WORDS);

/** The kinds a form offers: one per kind of interaction, with calls and messages split by direction. */
export const KIND_CHOICES: readonly string[] = INTERACTION_KINDS.flatMap((k) => (k === 'call' || k === 'message' ? [`${k}-in`, `${k}-out`] : [k]));

export const KIND_HELP = KIND_VALUES.filter((w) => (INTERACTION_KINDS as readonly string[]).includes(w) || w.endsWith('-in') || w.endsWith('-out')).join(', ');

/** Calls and messages go both ways; when nobody says, we assume we reached out, since inbound ones want a reply and people say so. */
const DEFAULT_DIRECTION: Direction = 'out';

/** The kind a word names, and its direction: the word's own, else the one given, else outbound. */
export function kindOf(word: string, direction: 'in' | 'out' | undefined): { kind: InteractionKind; direction: Direction } {
  const entry = KIND_WORDS[word]!;
  return { kind: entry.kind, direction: entry.direction ?? direction ?? DEFAULT_DIRECTION };
}
