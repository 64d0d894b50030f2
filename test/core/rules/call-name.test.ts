import { describe, expect, it } from 'vitest';
import { callName, indexSnapshot } from '../../../src/core/rules/context.js';
import { client, snapshot } from '../support/snapshot.js';

describe('how a nudge refers to the client in a sentence', () => {
  const acme = client('c1', { name: 'Acme Corp' });
  const jane = client('c2', { name: 'Jane Doe' });
  const contact = (id: string, clientId: string, name: string) => ({ id, clientId, name, role: null, phone: null, emails: [] });

  it.each([
    ['an organisation with its key person on file', acme, [contact('p1', 'c1', 'Jane Doe'), contact('p2', 'c1', 'Omar Diaz')], 'Jane'],
    ['an organisation with nobody on file', acme, [], 'Acme'],
    ['a person client, whose contact is themself', jane, [contact('p3', 'c2', 'Jane Doe')], 'Jane'],
  ])('%s', (_what, who, contacts, expected) => {
    expect(callName(indexSnapshot(snapshot({ clients: [who], contacts })), who)).toBe(expected);
  });
});
