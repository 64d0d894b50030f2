import { DateTime } from 'luxon';
import {
  DEFAULT_POLICY,
  type Client,
  type FamilyMember,
  type FollowUp,
  type Gift,
  type ImportantDate,
  type Interaction,
  type Like,
  type Policy,
  type Workspace,
} from '../../../src/core/model/index.js';
import type { CareSnapshot } from '../../../src/core/ports/care-snapshot.js';

/** Instant of a wall-clock time in a zone: at('2026-03-09T08:45', 'America/New_York'). */
export const at = (iso: string, zone: string): Date => {
  const dt = DateTime.fromISO(iso, { zone });
  if (!dt.isValid) throw new Error(`bad test time ${iso}`);
  return dt.toJSDate();
};

/**
 * Each zone's 2026 clock change (Kolkata has none) as a Friday before, the change day (a Sunday)
 * and the Monday after: rule tables run their cases across these weekends.
 */
export const DST_WEEKENDS = [
  { zone: 'America/New_York', fri: '2026-03-06', sun: '2026-03-08', mon: '2026-03-09' },
  { zone: 'America/New_York', fri: '2026-10-30', sun: '2026-11-01', mon: '2026-11-02' },
  { zone: 'Europe/London', fri: '2026-03-27', sun: '2026-03-29', mon: '2026-03-30' },
  { zone: 'Europe/London', fri: '2026-10-23', sun: '2026-10-25', mon: '2026-10-26' },
  { zone: 'Australia/Sydney', fri: '2026-04-03', sun: '2026-04-05', mon: '2026-04-06' },
  { zone: 'Australia/Sydney', fri: '2026-10-02', sun: '2026-10-04', mon: '2026-10-05' },
  { zone: 'Asia/Kolkata', fri: '2026-03-06', sun: '2026-03-08', mon: '2026-03-09' },
] as const;

export function workspace(over: Omit<Partial<Workspace>, 'policy'> & { policy?: Partial<Policy> } = {}): Workspace {
  return {
    id: 'ws-1',
    platform: 'console',
    externalId: 'local',
    name: 'Test workspace',
    timeZone: 'America/New_York',
    digestChannel: 'care',
    businessDays: [1, 2, 3, 4, 5],
    businessStart: '09:00',
    businessEnd: '17:00',
    ...over,
    policy: { ...DEFAULT_POLICY, ...(over.policy ?? {}) },
  };
}

export function client(id: string, over: Partial<Client> = {}): Client {
  return {
    id,
    name: `Client ${id}`,
    aliases: [],
    ownerId: 'm-sam',
    tier: 'standard',
    status: 'active',
    platformUserId: null,
    lastInteractionAt: null,
    lastGestureAt: null,
    lastAdviceAt: null,
    createdAt: new Date('2025-01-01T12:00:00Z'),
    ...over,
  };
}

export function followUp(id: string, over: Partial<FollowUp> & Pick<FollowUp, 'clientId' | 'kind' | 'openedAt'>): FollowUp {
  return {
    id,
    interactionId: null,
    state: 'open',
    summary: 'Asked about the renewal terms',
    snoozedUntil: null,
    closedAt: null,
    source: 'command',
    externalRef: null,
    channel: null,
    threadIds: [],
    ...over,
  };
}

export function importantDate(id: string, over: Partial<ImportantDate> & Pick<ImportantDate, 'clientId' | 'month' | 'day'>): ImportantDate {
  return { id, familyMemberId: null, kind: 'birthday', label: null, year: null, ...over };
}

export function like(clientId: string, category: Like['category'], value: string, id = `${clientId}-${value}`): Like {
  return { id, clientId, category, value };
}

export function family(id: string, clientId: string, relation: string, name: string): FamilyMember {
  return { id, clientId, relation, name };
}

export function gift(clientId: string, description: string, givenAt: Date): Gift {
  return { id: `g-${clientId}-${givenAt.getTime()}`, clientId, description, occasion: null, givenAt };
}

export function interaction(id: string, over: Partial<Interaction> & Pick<Interaction, 'clientId' | 'occurredAt'>): Interaction {
  return {
    id,
    kind: 'call',
    direction: 'out',
    mood: null,
    summary: 'Caught up on the project',
    contactName: null,
    loggedById: 'm-sam',
    source: 'command',
    externalRef: null,
    ...over,
  };
}

/** A snapshot with sensible empties; tests fill in only what the case is about. */
export function snapshot(over: Partial<CareSnapshot> = {}): CareSnapshot {
  return {
    workspace: workspace(),
    members: [{ id: 'm-sam', platformUserId: 'U-SAM', displayName: 'sam' }],
    clients: [],
    openFollowUps: [],
    upcomingDates: [],
    family: [],
    contacts: [],
    likes: [],
    recentGifts: [],
    moodInteractions: [],
    exchanges: [],
    lastInteractions: [],
    clientSince: [],
    acks: [],
    ...over,
  };
}
