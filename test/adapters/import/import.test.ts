import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseCsv } from '../../../src/adapters/import/csv.js';
import type { ParsedFile } from '../../../src/adapters/import/record.js';
import { importRecords } from '../../../src/adapters/import/run-import.js';
import { parseVcard } from '../../../src/adapters/import/vcard.js';
import { createCore } from '../../../src/core/core.js';
import { DEFAULT_NOW, useHarness, type Harness } from '../../support/core-harness.js';
import { forEachDatabase } from '../../support/databases.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/import', name), 'utf8');

forEachDatabase((db) => {
  const h = useHarness(db, { workspaceName: `import-${db.provider}` });
  const importFile = async (file: ParsedFile, dryRun = false) =>
    importRecords({ core: (store) => createCore({ store, logger: h.logger }), store: h.opened.store, workspace: h.workspace, now: DEFAULT_NOW, records: file.records, dryRun });
  const profileOf = async (harness: Harness, name: string) => {
    const ws = harness.opened.store.workspace(harness.workspace.id);
    const [client] = await ws.clientsNamed([name]);
    return client ? ws.getProfile(client.id) : null;
  };

  it('a dry run reports what it would create and writes nothing', async () => {
    const before = await h.rowCounts();
    const results = await importFile(parseVcard(fixture('apple-contacts.vcf')), true);
    expect(results.map((r) => [r.line, r.status])).toEqual([[1, 'created'], [16, 'created']]);
    expect(await h.rowCounts()).toEqual(before);
  });

  it('imports every export into clients, contacts and dates; the same files again change nothing', async () => {
    const files = [parseCsv(fixture('google-contacts.csv')), parseCsv(fixture('outlook.csv')), parseVcard(fixture('apple-contacts.vcf')), parseVcard(fixture('contacts-v4.vcf'))];
    const first = [];
    for (const f of files) first.push(...(await importFile(f)));
    expect(first.filter((r) => r.status === 'created').map((r) => r.client).sort()).toEqual(['Acme Corp', 'Chidi Okafor', 'Globex', 'Hooli', 'Initech', 'Umbrella Ltd']);
    const initech = await profileOf(h, 'Initech');
    expect(initech?.contacts).toMatchObject([{ name: 'Renée Dubois', phone: '+33 6 12 34 56 78', emails: expect.arrayContaining(['renee.dubois@initech-international-holdings.example', 'renee@home.example']) }]);
    expect(initech?.dates.map((d) => [d.kind, d.month, d.day, d.year]).sort()).toEqual([['birthday', 7, 21, null], ['wedding-anniversary', 9, 8, 2012]]);
    const umbrella = await profileOf(h, 'Umbrella Ltd');
    expect(umbrella?.dates.map((d) => [d.kind, d.month, d.day, d.year]).sort()).toEqual([['birthday', 6, 14, null], ['wedding-anniversary', 9, 25, 2010]]);

    const counts = await h.rowCounts();
    const second = [];
    for (const f of files) second.push(...(await importFile(f)));
    expect(second.map((r) => r.status)).toEqual(first.map((r) => (r.status === 'rejected' ? 'rejected' : 'unchanged')));
    expect(await h.rowCounts()).toEqual(counts);
  });

  it('a changed email or phone updates the client found by email or name instead of adding another', async () => {
    const counts = await h.rowCounts();
    const changed = parseCsv('Organization Name,First Name,Last Name,E-mail 1 - Value,Phone 1 - Value\r\nAcme Corp,José,García,jose@acme.example,+1 555 0199\r\nGlobex,Ann,Lee,ann.new@globex.example,\r\n');
    const results = await importFile(changed);
    expect(results).toEqual([{ line: 2, client: 'Acme Corp', status: 'updated' }, { line: 3, client: 'Globex', status: 'updated' }]);
    expect((await profileOf(h, 'Acme Corp'))?.contacts[0]?.phone).toBe('+1 555 0199');
    expect((await profileOf(h, 'Globex'))?.contacts[0]?.emails).toContain('ann.new@globex.example');
    const after = await h.rowCounts();
    expect(after.client).toBe(counts.client);
    expect(after.contact).toBe(counts.contact);
  });

  it('a bad row is reported by its line and leaves nothing behind, while the good rows land', async () => {
    const file = parseCsv('Company,Name,Email,Birthday\r\nWayne Enterprises,Bruce Wayne,bruce@wayne.example,1972-02-19\r\nStark Industries,Tony Stark,tony@stark.example,1970-02-30\r\n,,,\r\n,,nobody@x.example,\r\nOscorp,Norman Osborn,norman@oscorp.example,\r\n');
    expect(file.problems).toEqual([{ line: 5, reason: 'no name and no company: nothing to call the client' }]);
    const results = await importFile(file);
    expect(results).toMatchObject([
      { line: 2, status: 'created' },
      { line: 3, status: 'rejected', reason: expect.stringContaining('1970-02-30') },
      { line: 6, status: 'created' },
    ]);
    expect(await profileOf(h, 'Stark Industries')).toBeNull();
    expect(await profileOf(h, 'Oscorp')).not.toBeNull();
  });
});

forEachDatabase((db) => {
  const h = useHarness(db, { workspaceName: `contact-email-${db.provider}` });
  it('naming a known contact with only a new email adds the email (an update with no column to set)', async () => {
    await h.run('/client add Acme');
    await h.run('/client contact acme "Jane Doe" email:jane@acme.example');
    const reply = await h.run('/client contact acme "Jane Doe" email:jane.doe@acme.example');
    expect(reply).toMatchObject({ ok: true, text: 'Updated Jane Doe at Acme: email jane.doe@acme.example.' });
  });
});

forEachDatabase((db) => {
  const h = useHarness(db, { workspaceName: `import-batches-${db.provider}` });
  it('a rejected row in a batch of many leaves nothing of itself, and every other row of every batch lands once', async () => {
    // Batches of 4 over 11 rows; the bad row (an impossible date, refused after its client was added) sits mid-batch.
    const batchRows = 4;
    const records = Array.from({ length: 11 }, (_, i) => ({
      line: i + 2,
      client: `Batch Client ${i}`,
      emails: [`batch${i}@example.com`],
      birthday: i === 5 ? 'February 30' : 'March 14',
    }));
    const results = await importRecords({ core: (store) => createCore({ store, logger: h.logger }), store: h.opened.store, workspace: h.workspace, now: DEFAULT_NOW, records, dryRun: false, batchRows });
    const bad = records[5]!;
    expect(results.filter((r) => r.status === 'rejected').map((r) => r.line)).toEqual([bad.line]);
    expect(results.filter((r) => r.status === 'created')).toHaveLength(records.length - 1);
    expect(results.map((r) => r.line)).toEqual(records.map((r) => r.line));
    const ws = h.opened.store.workspace(h.workspace.id);
    expect(await ws.clientsNamed([bad.client])).toEqual([]);
    expect(await ws.findContactByEmail(bad.emails[0]!)).toBeNull();
    expect((await ws.clientDirectory()).length).toBe(records.length - 1);
  });
});
