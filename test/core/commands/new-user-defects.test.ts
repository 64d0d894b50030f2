// The defects found when Rapport was tried as a new user would, each pinned by the behaviour a
// person expects. Lines go through the same entry point the console and Slack use.
import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../support/databases.js';
import { useHarness } from '../../support/core-harness.js';

const text = (r: { text: string; sections?: readonly { lines: readonly string[] }[] }) => [r.text, ...(r.sections ?? []).flatMap((s) => s.lines)].join('\n');

/** Monday 23 November 2026, 10:00 in London. */
const NOV = new Date('2026-11-23T10:00:00Z');

forEachDatabase((db) => {
  const h = useHarness(db);
  const run = (line: string) => h.run(line, { now: NOV });
  const notes = async (client: string) => (await h.opened.store.db.note.findMany({ where: { client: { name: client } }, orderBy: { createdAt: 'asc' } })).map((n) => n.text);

  describe('logging an older interaction', () => {
    it.each([['"3 weeks ago"'], ['Saturday']])('when:%s leaves a newer unanswered email open, and today’s reminder stays', async (when) => {
      const name = `Older ${when.replace(/\W/g, '')}`;
      await run(`/client add "${name}"`);
      await run(`/client log "${name}" email-in asks for the renewal terms`);
      const logged = await run(`/client log "${name}" call-out when:${when} caught up on the pilot`);
      expect(logged.ok).toBe(true);
      expect(text(logged)).not.toMatch(/Closed/);
      const due = await run('/client due all');
      expect(text(due)).toContain(`Reply today: ${name}'s email`);
    });

    it('a later reply still closes it', async () => {
      await run('/client add "Later Reply"');
      await run('/client log "Later Reply" email-in asks for the deck');
      const replied = await run('/client log "Later Reply" email-out sent the deck');
      expect(text(replied)).toContain('Closed an open item for Later Reply.');
    });
  });

  describe('free text is kept exactly as typed', () => {
    it.each([
      ["Jane's husband is Tom", "Jane's husband is Tom"],
      ['she said "call me Friday" and meant it', 'she said "call me Friday" and meant it'],
      ['prefers “proper” coffee and ‘real’ milk', 'prefers “proper” coffee and ‘real’ milk'],
      ['loves «Le Monde» and 6" subs', 'loves «Le Monde» and 6" subs'],
      ['🎉 signed the deal', '🎉 signed the deal'],
      ['"🎉 signed the deal"', '🎉 signed the deal'],
      ['★ top referrer', '★ top referrer'],
    ])('note %s', async (typed, stored) => {
      await run('/client add "Quote Corp" alias:qc');
      const reply = await run(`/client note qc ${typed}`);
      expect(reply.ok, reply.text).toBe(true);
      expect((await notes('Quote Corp')).at(-1)).toBe(stored);
    });

    it("finds o'brien typed without quotes", async () => {
      await run(`/client add "O'Brien & Sons"`);
      const reply = await run("/client log o'brien call talked about the van");
      expect(reply.ok, reply.text).toBe(true);
      expect(reply.text).toContain("O'Brien & Sons");
    });

    it('does not merge a quoted argument after a client prefix into the name', async () => {
      await run('/client add "Merge Corp"');
      const reply = await run('/client note merge "Corp" is what they call head office');
      expect(reply.ok, reply.text).toBe(true);
      expect((await notes('Merge Corp')).at(-1)).toBe('"Corp" is what they call head office');
    });

    it('keeps a log summary with quotes and apostrophes', async () => {
      await run('/client add "Summary Co"');
      const reply = await run(`/client log "Summary Co" call Jane's "quick" question about the “Q3” invoice`);
      expect(reply.ok, reply.text).toBe(true);
      const row = await h.opened.store.db.interaction.findFirstOrThrow({ where: { client: { name: 'Summary Co' } } });
      expect(row.summary).toBe(`Jane's "quick" question about the “Q3” invoice`);
    });
  });

  describe('nothing is known twice, and anything can be corrected', () => {
    it('a date, a family member, a contact and a like added twice are already known', async () => {
      await run('/client add "Twice Ltd" alias:twice');
      expect((await run('/client family twice son Leo birthday:"May 2"')).ok).toBe(true);
      expect((await run('/client family twice son Leo birthday:"May 2"')).text).toMatch(/already known/);
      expect((await run('/client date twice birthday "March 14"')).ok).toBe(true);
      expect((await run('/client date twice birthday "14 Mar"')).text).toMatch(/Already known/);
      expect((await run('/client contact twice "Jane Doe" role:CFO')).ok).toBe(true);
      expect((await run('/client contact twice "jane doe"')).text).toMatch(/already known/);
      expect((await run('/client likes twice wine pinot noir')).ok).toBe(true);
      expect((await run('/client likes twice wine Pinot Noir')).text).toMatch(/Already known/);
      const client = await h.opened.store.db.client.findFirstOrThrow({ where: { name: 'Twice Ltd' }, include: { dates: true, family: true, contacts: true, likes: true } });
      expect([client.dates.length, client.family.length, client.contacts.length, client.likes.length]).toEqual([2, 1, 1, 1]);
    });

    it("Leo's birthday nudges once", async () => {
      await run('/client add "Leo Family" alias:leofam');
      await run('/client family leofam son Leo birthday:"Nov 25"');
      await run('/client family leofam son Leo birthday:"Nov 25"');
      await run('/client date leofam child-birthday "Nov 25" for:Leo');
      const due = text(await run('/client due all'));
      expect(due.match(/Leo's birthday/g) ?? []).toHaveLength(1);
    });

    it('corrects a contact, a family birthday and a date, and removes each kind of detail', async () => {
      await run('/client add "Fix Co" alias:fix');
      await run('/client contact fix "Jane Doe" role:CFO');
      expect((await run('/client contact fix "Jane Doe" role:CEO phone:"+1 555 0100"')).text).toBe('Updated Jane Doe at Fix Co: role CEO, phone +1 555 0100.');
      expect((await run('/client contact fix "Jane Doe" rename:"Jane Smith"')).ok).toBe(true);
      await run('/client date fix anniversary 2015-06-20');
      expect((await run('/client date fix anniversary 2015-06-21')).text).toMatch(/^Corrected wedding anniversary for Fix Co: 21 June 2015/);
      await run('/client family fix daughter Lily birthday:"May 2"');
      await run('/client likes fix wine pinot noir');
      expect((await run('/client remove fix contact "Jane Smith"')).text).toBe('Removed Jane Smith from Fix Co.');
      expect((await run('/client remove fix date anniversary')).ok).toBe(true);
      expect((await run('/client remove fix family Lily')).text).toBe('Removed Lily (daughter) from Fix Co, with their dates.');
      expect((await run('/client remove fix like pinot noir')).ok).toBe(true);
      const client = await h.opened.store.db.client.findFirstOrThrow({ where: { name: 'Fix Co' }, include: { dates: true, family: true, contacts: true, likes: true } });
      expect([client.dates.length, client.family.length, client.contacts.length, client.likes.length]).toEqual([0, 0, 0, 0]);
    });

    it('refuses to remove what is not there, naming what is', async () => {
      await run('/client add "Remove Co" alias:rmco');
      await run('/client likes rmco coffee flat white');
      const reply = await run('/client remove rmco like espresso');
      expect(reply).toMatchObject({ ok: false, code: 'remove.unknown' });
      expect(reply.text).toContain('coffee: flat white');
    });
  });

  describe('past-facing and future-facing dates', () => {
    it('when:"March 14" on log in November is the last March 14', async () => {
      await run('/client add "March Co"');
      const reply = await run('/client log "March Co" meeting when:"March 14" kickoff');
      expect(reply.ok, reply.text).toBe(true);
      expect(reply.text).toContain('Sat 14 Mar 2026');
    });

    it('when:Saturday is last Saturday', async () => {
      await run('/client add "Weekend Co"');
      const reply = await run('/client log "Weekend Co" call-out when:Saturday quick chat');
      expect(reply.text).toContain('Sat 21 Nov 2026');
    });

    it('snooze "March 14" in November is next March', async () => {
      await run('/client add "Snooze Co"');
      await run('/client log "Snooze Co" email-in wants a call');
      const due = await run('/client due all');
      const id = /\[(n-[a-z0-9]+)\][^\n]*Snooze Co/.exec(text(due))?.[1];
      expect(id).toBeDefined();
      expect((await run(`/client snooze ${id} "March 14"`)).text).toContain('Sun 14 Mar');
    });

    it.each([
      ['anniversary 2027-06-20', 'date.in-future'],
      ['client-since 2030-01-15', 'date.in-future'],
      ['birthday 2027-03-14', 'date.in-future'],
    ])('refuses a %s that has not happened yet', async (rest, code) => {
      await run('/client add "Future Co" alias:futco');
      expect(await run(`/client date futco ${rest}`)).toMatchObject({ ok: false, code });
    });
  });

  describe('lists and near misses', () => {
    it('an empty filtered list says so, not "No clients yet"', async () => {
      await run('/client add "Active One"');
      const reply = await run('/client list status:former');
      expect(reply.text).toBe('No former clients.');
    });

    it.each([
      ['/client log acme-near cal hi', 'Did you mean call?'],
      ['/client likes acme-near wnie pinot noir', 'Did you mean wine?'],
      ['/client settings timezon Europe/London', 'Did you mean timezone?'],
      ['/client log acme-near meeting mood:hapy great', 'Did you mean happy?'],
      ['/client date acme-near birthdy "March 14"', 'Did you mean birthday?'],
    ])('%s suggests the near word', async (line, hint) => {
      await run('/client add "Acme Near" alias:acme-near');
      const reply = await run(line);
      expect(reply.ok).toBe(false);
      expect(reply.text).toContain(hint);
    });

    it('a one- or two-letter miss suggests no unrelated client', async () => {
      await run('/client add "Ab Testing"');
      const reply = await run('/client show zq');
      expect(reply.text).not.toMatch(/Did you mean/);
    });
  });

  describe('documented examples that must work', () => {
    it('/client add Globex owner:@sam in the console names Sam the owner', async () => {
      const reply = await h.run('/client add Globex owner:@sam', { now: NOV, mentionsByName: true });
      expect(reply.ok, reply.text).toBe(true);
      expect(reply.text).toContain('owned by sam');
    });
  });
});
