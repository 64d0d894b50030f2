import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/adapters/import/csv.js';
import { normalizeDate } from '../../../src/adapters/import/record.js';
import { parseVcard } from '../../../src/adapters/import/vcard.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/import', name), 'utf8');

describe('CSV exports', () => {
  it('reads a Google Contacts export: BOM, accents, quotes inside fields, several emails, and reports unknown columns', () => {
    const file = parseCsv(fixture('google-contacts.csv'));
    expect(file.unknownColumns).toEqual(['Labels', 'Nickname']);
    expect(file.records[0]).toEqual({ line: 2, client: 'Acme Corp', contact: 'José García', role: 'CFO', emails: ['jose@acme.example', 'jose.g@home.example'], phone: '+1 555 0100', birthday: '1980-03-14', notes: 'Likes "proper" espresso' });
    expect(file.records[1]).toMatchObject({ line: 3, client: 'Globex', contact: 'Ann Lee', emails: ['ann@globex.example', 'ann.lee@globex.example'], birthday: 'May 2' });
    expect(file.problems).toEqual([{ line: 4, reason: 'no name and no company: nothing to call the client' }]);
  });

  it('reads an Outlook export: E-mail Address, Business Phone, Job Title, Company and US dates', () => {
    const file = parseCsv(fixture('outlook.csv'));
    expect(file.records).toEqual([{ line: 2, client: 'Hooli', contact: 'Sam Porter', role: 'Account Director', emails: ['sam.porter@hooli.example'], phone: '+1 650 555 0199', birthday: '1975-06-20', anniversary: '2005-04-02', notes: 'Met at the "Hooli XYZ" launch, café on 3rd' }]);
    expect(file.unknownColumns).toEqual(['Business City']);
  });

  it('numbers rows by the line they start on, past a quoted field that spans lines', () => {
    const file = parseCsv('Company,Notes\r\nAcme,"two\r\nlines"\r\nGlobex,\r\n');
    expect(file.records.map((r) => [r.line, r.client])).toEqual([[2, 'Acme'], [4, 'Globex']]);
    expect(file.records[0]!.notes).toBe('two\r\nlines');
  });

  it('refuses a file with no column naming a client or a person, and text that is not CSV', () => {
    expect(() => parseCsv('Foo,Bar\r\n1,2\r\n')).toThrow(/no column names a client/);
    expect(() => parseCsv('Company\r\n"Acme\r\n')).toThrow();
  });
});

describe('vCard exports', () => {
  it('reads an Apple vCard 3: folded lines, several emails, a birthday without a year, the anniversary label', () => {
    const file = parseVcard(fixture('apple-contacts.vcf'));
    expect(file.records).toEqual([
      { line: 1, client: 'Initech', contact: 'Renée Dubois', role: 'Head of Partnerships', emails: ['renee.dubois@initech-international-holdings.example', 'renee@home.example'], phone: '+33 6 12 34 56 78', birthday: 'July 21', anniversary: '2012-09-08' },
      { line: 16, client: 'Chidi Okafor', contact: 'Chidi Okafor', emails: ['chidi@okafor.example'], birthday: 'November 3' },
    ]);
  });

  it('reads a vCard 4 with ANNIVERSARY and a tel: URI, and reports a nameless card by its line', () => {
    const file = parseVcard(fixture('contacts-v4.vcf'));
    expect(file.records).toEqual([{ line: 1, client: 'Umbrella Ltd', contact: 'María Jiménez', emails: ['maria@umbrella.example'], phone: '+34-600-000-111', birthday: 'June 14', anniversary: '2010-09-25' }]);
    expect(file.problems).toEqual([{ line: 11, reason: 'the card has no FN, N or ORG: nothing to call the client' }]);
  });

  it('refuses a file with no card', () => {
    expect(() => parseVcard('hello')).toThrow(/no BEGIN:VCARD/);
  });
});

it.each([
  ['1980-03-14', '1980-03-14'],
  ['19800314', '1980-03-14'],
  ['--03-14', 'March 14'],
  ['--0314', 'March 14'],
  ['3/14/1980', '1980-03-14'],
  ['0/0/00', undefined],
  ['', undefined],
  ['14 March', '14 March'],
])('reads the export date %j as %j', (raw, expected) => {
  expect(normalizeDate(raw)).toBe(expected);
});
