import { z } from 'zod';

/** The closed sets of Rapport's vocabulary. Stored as strings; validated here. */
export const PLATFORMS = ['slack', 'discord', 'console'] as const;
export const Platform = z.enum(PLATFORMS);
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

export const INTERACTION_SOURCES = ['command', 'modal', 'mail', 'demo', 'import'] as const;
export const InteractionSource = z.enum(INTERACTION_SOURCES);
export type InteractionSource = z.infer<typeof InteractionSource>;
