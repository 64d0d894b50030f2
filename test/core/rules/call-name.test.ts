import { describe, expect, it } from 'vitest';
import { callName, firstName, indexSnapshot } from '../../../src/core/rules/context.js';
import { surprise } from '../../../src/core/rules/surprise.rule.js';
import { DEFAULT_GIFT_CATALOG } from '../../../src/core/care/gift-catalog.js';
import { DEFAULT_POLICY } from '../../../src/core/model/index.js';
import { client, like, snapshot } from '../support/snapshot.js';

const contact = (id: string, clientId: string, name: string) => ({ id, clientId, name, role: null, phone: null, emails: [] });

describe('how a nudge refers to the client in a sentence', () => {
  const acme = client('c1', { name: 'Acme Corp' });
  const jane = client('c2', { name: 'Jane Doe' });

  it.each([
    ['an organisation with its key person on file', acme, [contact('p1', 'c1', 'Jane Doe'), contact('p2', 'c1', 'Omar Diaz')], 'Jane'],
    ['an organisation with nobody on file', acme, [], 'Acme'],
    ['a person client, whose contact is themself', jane, [contact('p3', 'c2', 'Jane Doe')], 'Jane'],
    ['an organisation whose key person has a title', acme, [contact('p4', 'c1', 'Dr. Priya Raman')], 'Priya'],
    ['a person client with a title', client('c3', { name: 'Prof. Ada Byrne' }), [], 'Ada'],
  ])('%s', (_what, who, contacts, expected) => {
    expect(callName(indexSnapshot(snapshot({ clients: [who], contacts })), who)).toBe(expected);
  });
});

describe('the first name of a person, as a colleague would say it', () => {
  it.each([
    ['Jane Doe', 'Jane'],
    ['  Jane   Doe ', 'Jane'],
    ['Dr. Priya Raman', 'Priya'],
    ['Dr Priya Raman', 'Priya'],
    ['dr. priya raman', 'priya'],
    ['Mr. Omar Diaz', 'Omar'],
    ['Mrs Ann Lee', 'Ann'],
    ['Ms. Ann Lee', 'Ann'],
    ['Mx. Sam Lee', 'Sam'],
    ['Prof. Ada Byrne', 'Ada'],
    ['Professor Ada Byrne', 'Ada'],
    ['Sir Alex Ferguson', 'Alex'],
    ['Dame Judi Dench', 'Judi'],
    ['Rev. Dr. Martin King', 'Martin'],
    ['Priya K. Raman', 'Priya'],
    // In doubt, the full name: an initial or a lone surname after a title is not a first name.
    ['J. R. Hartley', 'J. R. Hartley'],
    ['J.R. Hartley', 'J.R. Hartley'],
    ['Dr. J. Raman', 'Dr. J. Raman'],
    ['Dr. Raman', 'Dr. Raman'],
    ['Dr.', 'Dr.'],
    ['Acme', 'Acme'],
    ['Drew Barry', 'Drew'],
    ['Mrsa Lab', 'Mrsa'],
  ])('%s -> %s', (name, expected) => {
    expect(firstName(name)).toBe(expected);
  });

  it('a key person with a title: the gift idea names her, not her title', () => {
    const acme = client('c1', { name: 'Acme Corp', lastGestureAt: new Date('2025-01-01T00:00:00Z') });
    const snap = snapshot({ clients: [acme], contacts: [contact('p1', 'c1', 'Dr. Priya Raman')], likes: [like('c1', 'sport', 'tennis')] });
    const [n] = surprise(DEFAULT_GIFT_CATALOG)(new Date('2026-03-10T14:00:00Z'), snap, DEFAULT_POLICY);
    expect(n!.context[0]).toMatch(/^Priya loves tennis: /);
    expect(n!.context.join('\n')).not.toContain('Dr. loves');
  });
});
