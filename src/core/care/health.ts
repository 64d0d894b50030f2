import { isReply, wantsReply } from './replies.js';
import type { ClientProfile, Interaction, Mood, Policy } from '../model/index.js';
import { keepInTouchDays } from './tiers.js';
import { isOneSided } from './one-sided.js';

/** 'new': added less than a keep-in-touch period ago with nothing logged, so there is nothing to judge yet. */
export type HealthLabel = 'new' | 'strong' | 'steady' | 'cooling' | 'at risk';

export interface Health {
  /** 0–100. */
  readonly score: number;
  readonly label: HealthLabel;
  /** Each part 0–100, so `/client health` can say why. */
  readonly parts: { readonly recency: number; readonly frequency: number; readonly responsiveness: number; readonly mood: number };
  /** Reasons for the owner to review the relationship; never a decision. */
  readonly flags: readonly string[];
  /** One line per part, in plain words. */
  readonly reasons: readonly string[];
}

const DAY_MS = 86_400_000;
const MOOD_SCORE: Record<Mood, number> = { happy: 100, neutral: 70, upset: 40, angry: 25, rude: 10, abusive: 0 };
const WEIGHTS = { recency: 0.35, frequency: 0.2, responsiveness: 0.2, mood: 0.25 };

const quietFor = (days: number) => (days < 1 ? 'today' : days < 2 ? 'yesterday' : `${Math.floor(days)} days ago`);

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));
const labelOf = (score: number): HealthLabel => (score >= 75 ? 'strong' : score >= 55 ? 'steady' : score >= 35 ? 'cooling' : 'at risk');
/** A flag for review holds the score below a label, whatever the other parts say. */
const CEILING = { hostile: 34, oneSided: 54 } as const;

/** Median hours from each inbound item to our next outbound reply, or null with nothing to measure. */
function replyHours(chronological: readonly Interaction[]): number | null {
  const waits: number[] = [];
  chronological.forEach((i, n) => {
    if (!wantsReply(i)) return;
    const answer = chronological.slice(n + 1).find(isReply);
    if (answer) waits.push((answer.occurredAt.getTime() - i.occurredAt.getTime()) / 3_600_000);
  });
  if (waits.length === 0) return null;
  const sorted = waits.sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}

/**
 * A relationship's health from its profile: how recently and how often we talk, how fast we
 * answer, and the mood of the last interactions. Pure; `/client show` and `/client health` print it.
 * It agrees with the rules: silence counts from when the client was added, as keep-in-touch does
 * (so a client added today is 'new', not 'at risk'), and a client flagged for review (rude or
 * abusive interactions, or one-sided outreach) is never 'strong'.
 */
export function healthOf(profile: Pick<ClientProfile, 'client' | 'interactions'>, now: Date, policy: Policy): Health {
  const { client } = profile;
  const all = [...profile.interactions].filter((i) => i.occurredAt <= now).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const limit = keepInTouchDays(policy, client.tier);
  const last = all.at(-1)?.occurredAt ?? client.lastInteractionAt;
  // The keep-in-touch clock: the last interaction, or when the client was added.
  const daysQuiet = Math.max(0, (now.getTime() - (last ?? client.createdAt).getTime()) / DAY_MS);
  const recency = clamp(100 - (Math.max(0, daysQuiet - limit / 4) / limit) * 80);

  const window = Math.max(90, limit * 3);
  const recent = all.filter((i) => now.getTime() - i.occurredAt.getTime() <= window * DAY_MS);
  const expected = Math.max(1, window / limit);
  const frequency = clamp((recent.length / expected) * 100);

  const hours = replyHours(all.slice(-40));
  const responsiveness = hours === null ? 70 : clamp(100 - Math.max(0, hours - 4) * 2);

  const moods = all.filter((i) => i.mood !== null).slice(-5);
  const mood = moods.length === 0 ? 70 : clamp(moods.reduce((s, i) => s + MOOD_SCORE[i.mood ?? 'neutral'], 0) / moods.length);

  const flags: string[] = [];
  let ceiling = 100;
  const hostile = all.filter((i) => (i.mood === 'rude' || i.mood === 'abusive') && now.getTime() - i.occurredAt.getTime() <= policy.abuseWindowDays * DAY_MS);
  if (hostile.length >= policy.abuseCount) {
    flags.push(`${hostile.length} rude or abusive interactions in the last ${policy.abuseWindowDays} days: worth a conversation with the team.`);
    ceiling = Math.min(ceiling, CEILING.hostile);
  }
  // One-sided: we keep reaching out and nothing comes back (the same test as the digest's review rule).
  const reviewWindow = all.filter((i) => now.getTime() - i.occurredAt.getTime() <= Math.max(policy.abuseWindowDays, 90) * DAY_MS);
  const exchange = { inbound: reviewWindow.filter((i) => i.direction === 'in').length, outbound: reviewWindow.filter((i) => i.direction === 'out').length };
  if (isOneSided(exchange)) {
    flags.push(`${exchange.outbound} contacts from us in ${Math.max(policy.abuseWindowDays, 90)} days and nothing back: is the relationship one-sided?`);
    ceiling = Math.min(ceiling, CEILING.oneSided);
  }

  const measured = clamp(recency * WEIGHTS.recency + frequency * WEIGHTS.frequency + responsiveness * WEIGHTS.responsiveness + mood * WEIGHTS.mood);
  const score = Math.min(measured, ceiling);
  // Nothing logged and the keep-in-touch rule not yet due (it counts local dates, so a day's margin).
  const isNew = last === null && all.length === 0 && daysQuiet < limit - 1;
  const label: HealthLabel = isNew ? 'new' : labelOf(score);

  const reasons = [
    last ? `Last contact ${quietFor(daysQuiet)} (aim: every ${limit} days).` : isNew ? `Added ${quietFor(daysQuiet)}, nothing logged yet (aim: every ${limit} days).` : 'Nothing logged yet.',
    `${recent.length} interaction${recent.length === 1 ? '' : 's'} in the last ${window} days.`,
    hours === null ? 'No replies to measure yet.' : `We usually reply within ${hours < 1 ? 'the hour' : `${Math.round(hours)} hours`}.`,
    moods.length === 0 ? 'No moods logged.' : `Recent mood: ${moods.map((i) => i.mood).join(', ')}.`,
    ...(score < measured ? [`Held at “${label}” while flagged for review.`] : []),
  ];
  return { score, label, parts: { recency, frequency, responsiveness, mood }, flags, reasons };
}
