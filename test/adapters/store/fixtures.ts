// Small builders for store tests: complete port inputs with overridable fields.
import type { NewClient, NewFollowUp, NewInteraction, WorkspaceStore } from '../../../src/core/ports/store.js';

export const T0 = new Date('2026-03-01T10:00:00.000Z');
export const days = (n: number, from: Date = T0): Date => new Date(from.getTime() + n * 86_400_000);

export function newClient(name: string, overrides: Partial<NewClient> = {}): NewClient {
  return {
    name,
    normalizedName: name.toLowerCase(),
    aliases: [],
    ownerId: null,
    tier: 'standard',
    status: 'active',
    platformUserId: null,
    createdAt: T0,
    ...overrides,
  };
}

export function newInteraction(clientId: string, overrides: Partial<NewInteraction> = {}): NewInteraction {
  return {
    clientId,
    kind: 'call',
    direction: 'out',
    mood: null,
    summary: 'caught up',
    contactName: null,
    loggedById: null,
    occurredAt: T0,
    createdAt: T0,
    source: 'command',
    externalRef: null,
    ...overrides,
  };
}

export function newFollowUp(clientId: string, overrides: Partial<NewFollowUp> = {}): NewFollowUp {
  return {
    clientId,
    interactionId: null,
    kind: 'reply',
    summary: 'answer the email',
    openedAt: T0,
    snoozedUntil: null,
    source: 'command',
    externalRef: null,
    channel: 'email',
    threadIds: [],
    ...overrides,
  };
}

/** A client with one of everything, for tests that check erasure and isolation. */
export async function seedFullClient(ws: WorkspaceStore, name: string) {
  const member = await ws.ensureMember(`U-${name}`, `Owner of ${name}`);
  const client = await ws.createClient(
    newClient(name, { ownerId: member.id, aliases: [{ alias: `${name} Co`, normalized: `${name.toLowerCase()} co` }] }),
  );
  const contact = await ws.addContact({ clientId: client.id, name: `${name} Contact`, role: 'CEO', phone: null, emails: [`${name.toLowerCase()}@example.com`] });
  const family = await ws.addFamilyMember({ clientId: client.id, relation: 'daughter', name: `${name} Jr` });
  const like = await ws.addLike({ clientId: client.id, category: 'coffee', value: 'flat white' });
  const note = await ws.addNote({ clientId: client.id, authorId: member.id, text: 'prefers mornings', createdAt: T0 });
  const date = await ws.addDate({ clientId: client.id, familyMemberId: family.id, kind: 'child-birthday', label: null, month: 5, day: 4, year: null });
  const interaction = await ws.recordInteraction(newInteraction(client.id, { loggedById: member.id, externalRef: `ref-${name}` }));
  const followUp = await ws.openFollowUp(newFollowUp(client.id, { interactionId: interaction.id }));
  const gift = await ws.recordGift({ clientId: client.id, description: 'book', occasion: null, givenAt: T0, loggedById: member.id });
  return { member, client, contact, family, like, note, date, interaction, followUp, gift };
}
