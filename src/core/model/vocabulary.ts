import { z } from 'zod';

/** Rapport's vocabulary. Stored as strings; validated here. */

/**
 * An open set: each chat adapter names its own platform, so a new platform is one adapter folder.
 * A short lower-case word, e.g. "slack".
 */
const OpenName = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'expected a short lower-case name');

/** The platforms Rapport ships adapters for (not a closed list: see Platform). */
export const PLATFORMS = ['slack', 'discord', 'console'] as const;
/** The known platforms by name, for adapters and tests that mean one of them. */
export const PLATFORM = { slack: 'slack', discord: 'discord', console: 'console' } as const satisfies Record<(typeof PLATFORMS)[number], string>;
/** Which chat platform a workspace lives on: a known one or whatever a new adapter brings. */
export const Platform = OpenName;
export type Platform = z.infer<typeof Platform>;

export const TIERS = ['top', 'standard', 'light'] as const;
export const Tier = z.enum(TIERS);
export type Tier = z.infer<typeof Tier>;

export const CLIENT_STATUSES = ['active', 'paused', 'former'] as const;
export const ClientStatus = z.enum(CLIENT_STATUSES);
export type ClientStatus = z.infer<typeof ClientStatus>;

export const INTERACTION_KINDS = [
  'call',
  'email-in',
  'email-out',
  'meeting',
  'message',
  'complaint',
  'status-update',
  'resolution',
  'gift',
  'referral',
  'mistake',
  'apology',
  'feedback',
  'advice-asked',
  'note',
] as const;
export const InteractionKind = z.enum(INTERACTION_KINDS);
export type InteractionKind = z.infer<typeof InteractionKind>;

export const DIRECTIONS = ['in', 'out', 'none'] as const;
export const Direction = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof Direction>;

/** Ordered from best to worst; rude and abusive count toward the relationship-health flag. */
export const MOODS = ['happy', 'neutral', 'upset', 'angry', 'rude', 'abusive'] as const;
export const Mood = z.enum(MOODS);
export type Mood = z.infer<typeof Mood>;

export const DATE_KINDS = ['birthday', 'wedding-anniversary', 'child-birthday', 'client-since', 'custom'] as const;
export const DateKind = z.enum(DATE_KINDS);
export type DateKind = z.infer<typeof DateKind>;

export const LIKE_CATEGORIES = ['coffee', 'wine', 'drink', 'team', 'sport', 'food', 'hobby', 'holiday', 'music', 'book', 'other'] as const;
export const LikeCategory = z.enum(LIKE_CATEGORIES);
export type LikeCategory = z.infer<typeof LikeCategory>;

export const FOLLOW_UP_KINDS = ['reply', 'complaint', 'apology', 'referral-thanks', 'check-in', 'custom'] as const;
export const FollowUpKind = z.enum(FOLLOW_UP_KINDS);
export type FollowUpKind = z.infer<typeof FollowUpKind>;

export const FOLLOW_UP_STATES = ['open', 'snoozed', 'done'] as const;
export const FollowUpState = z.enum(FOLLOW_UP_STATES);
export type FollowUpState = z.infer<typeof FollowUpState>;

/** How a message reached us or went out: what an awaiting-reply item says it is waiting on. */
export const MESSAGE_CHANNELS = ['email', 'call', 'chat', 'forum-post'] as const;
export const MessageChannel = z.enum(MESSAGE_CHANNELS);
export type MessageChannel = z.infer<typeof MessageChannel>;

/** The ways in that Rapport ships (not a closed list: see InteractionSource). */
export const INTERACTION_SOURCES = ['command', 'modal', 'mail', 'demo', 'import'] as const;
/** The known interaction sources by name. */
export const INTERACTION_SOURCE = { command: 'command', modal: 'modal', mail: 'mail', demo: 'demo', import: 'import' } as const satisfies Record<(typeof INTERACTION_SOURCES)[number], string>;
/** How an interaction entered Rapport: a known source or one a new adapter brings (a form, a forum). */
export const InteractionSource = OpenName;
export type InteractionSource = z.infer<typeof InteractionSource>;
