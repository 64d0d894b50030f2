import { describe, expect, it } from 'vitest';
import { describeOccasion } from '../../../src/core/care/occasions.js';
import type { DateKind, ImportantDate } from '../../../src/core/model/index.js';
import { client, family } from '../support/snapshot.js';

const acme = client('c1', { name: 'Acme Corp' });
const jane = client('c2', { name: 'Jane Doe' });
const tom = family('f1', 'c1', 'husband', 'Tom');
const lily = family('f2', 'c1', 'daughter', 'Lily');
const date = (kind: DateKind, familyMemberId: string | null = null, year: number | null = null): ImportantDate => ({ id: 'd1', clientId: 'c1', familyMemberId, kind, label: null, month: 6, day: 20, year });

describe('how an occasion is named', () => {
  it.each([
    ['a person client', jane, date('birthday'), undefined, undefined, "Jane Doe's birthday"],
    ['an organisation with a key person', acme, date('birthday'), undefined, { name: 'Jane Doe' }, "Jane Doe's birthday (Acme Corp)"],
    ['an organisation with nobody on file', acme, date('birthday'), undefined, undefined, "Acme Corp's birthday"],
    ["a spouse's birthday", acme, date('birthday', 'f1'), tom, { name: 'Jane Doe' }, "Tom's birthday (Jane Doe's husband)"],
    ["a child's birthday", acme, date('child-birthday', 'f2'), lily, { name: 'Jane Doe' }, "Lily's birthday (Jane Doe's daughter)"],
    ['a wedding anniversary with the spouse on file', acme, date('wedding-anniversary', 'f1'), tom, { name: 'Jane Doe' }, "Jane Doe and Tom's wedding anniversary (Acme Corp)"],
    ['a wedding anniversary of a person client', jane, date('wedding-anniversary'), undefined, undefined, "Jane Doe's wedding anniversary"],
    ['a client-since anniversary stays the organisation\'s', acme, date('client-since', null, 2019), undefined, { name: 'Jane Doe' }, "Acme Corp's 7th anniversary as a client"],
  ])('%s', (_what, who, d, member, keyPerson, expected) => {
    expect(describeOccasion(d, who, member, '2026-06-20', keyPerson).name).toBe(expected);
  });

  it('counts the milestone of the family member whose date it is', () => {
    expect(describeOccasion(date('birthday', 'f1', 1980), acme, tom, '2026-06-20', { name: 'Jane Doe' }).milestone).toBe('Tom turns 46.');
  });
});
