import { INTERACTION_KINDS, type Direction, type InteractionKind, Mood, MOODS } from '../model/index.js';
import { fail, succeed, type Outcome } from './outcome.js';

/** Words people type for a kind, and the direction they imply. */
const KIND_WORDS: Record<string, { kind: InteractionKind; direction?: Direction }> = {
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

export const KIND_HELP = Object.keys(KIND_WORDS).filter((w) => (INTERACTION_KINDS as readonly string[]).includes(w) || w.endsWith('-in') || w.endsWith('-out')).join(', ');

/** Calls and messages go both ways; when nobody says, we assume we reached out, since inbound ones want a reply and people say so. */
const DEFAULT_DIRECTION: Direction = 'out';

export function parseKind(word: string, directionWord: string | undefined): Outcome<{ kind: InteractionKind; direction: Direction; usedDirectionWord: boolean }> {
  const key = word.toLowerCase();
  if (key === 'email') return fail('kind.email-direction', 'Say email-in (they wrote to us) or email-out (we wrote to them).');
  const entry = KIND_WORDS[key];
  if (entry === undefined) return fail('kind.unknown', `"${word}" is not a kind of interaction. Kinds: ${KIND_HELP}.`);
  const dir = directionWord?.toLowerCase();
  if (entry.direction === undefined && (dir === 'in' || dir === 'out')) {
    return succeed({ kind: entry.kind, direction: dir, usedDirectionWord: true });
  }
  return succeed({ kind: entry.kind, direction: entry.direction ?? DEFAULT_DIRECTION, usedDirectionWord: false });
}

export function parseMood(text: string): Outcome<Mood> {
  const mood = Mood.safeParse(text.toLowerCase());
  return mood.success ? succeed(mood.data) : fail('mood.unknown', `Mood "${text}" is not one of ${MOODS.join(', ')}.`);
}

/** The direction a kind implies when nobody says: a complaint comes in, an apology goes out. */
export function defaultDirection(kind: InteractionKind): Direction {
  return KIND_WORDS[kind]?.direction ?? DEFAULT_DIRECTION;
}
