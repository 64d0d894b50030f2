import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../support/databases.js';
import { DEFAULT_NOW, useHarness } from '../../support/core-harness.js';
import { forgetCode } from '../../../src/core/commands/forget.command.js';
import { COMMANDS } from '../../../src/core/commands/registry.js';
import { LIST_LIMIT } from '../../../src/core/commands/list.command.js';

const text = (r: { text: string; sections?: readonly { lines: readonly string[] }[] }) => [r.text, ...(r.sections ?? []).flatMap((s) => s.lines)].join('\n');

forEachDatabase((db) => {
  const h = useHarness(db);

  describe('add, log, show', () => {
    it('adds a client, logs a call by unique prefix, and shows the call', async () => {
      expect((await h.run('/client add "Acme Corp"')).ok).toBe(true);
      const logged = await h.run('/client log acme call talked about the renewal');
      expect(logged.ok).toBe(true);
      const shown = await h.run('/client show acme');
      expect(shown.ok).toBe(true);
      expect(text(shown)).toContain('talked about the renewal');
    });

    it('matches a multi-word name typed in full without quotes, and an alias', async () => {
      await h.run('/client add "Globex Corporation" alias:globex tier:top');
      expect((await h.run('/client log Globex Corporation meeting kickoff went well')).ok).toBe(true);
      const byAlias = await h.run('/client show globex');
      expect(text(byAlias)).toContain('kickoff went well');
      expect(byAlias.text).toContain('top tier');
    });

    it('refuses a second client with the same name, whatever the case or accents', async () => {
      await h.run('/client add "Café Noir"');
      const again = await h.run('/client add "cafe noir"');
      expect(again).toMatchObject({ ok: false, code: 'client.exists' });
    });

    it('answers a near miss with "did you mean" and a runnable suggestion', async () => {
      const reply = await h.run('/client show acne');
      expect(reply).toMatchObject({ ok: false, code: 'client.unknown' });
      expect(reply.text).toContain('Did you mean "Acme Corp"');
      expect(reply.suggestions).toContain('/client show "Acme Corp"');
    });

    it('offers the add line when logging for an unknown client', async () => {
      const reply = await h.run('/client log Wayne call hello');
      expect(reply).toMatchObject({ ok: false, code: 'client.unknown' });
      expect(reply.suggestions).toContain('/client add Wayne');
    });

    it('asks which client when a prefix is ambiguous', async () => {
      await h.run('/client add "Acme Labs"');
      const reply = await h.run('/client show acme');
      expect(reply).toMatchObject({ ok: false, code: 'client.ambiguous' });
    });
  });

  describe('dates and moments in natural language', () => {
    it.each([
      ['"March 14"', '14 March'],
      ['"14 Mar"', '14 March'],
      ['1980-03-14', '14 March 1980'],
      ['"29 Feb"', '29 February'],
    ])('reads %s as %s', async (typed, shown) => {
      const reply = await h.run(`/client date "Acme Corp" birthday ${typed}`);
      expect(reply.ok).toBe(true);
      expect(reply.text).toContain(shown);
    });

    it('logs "yesterday 3pm" at that local time', async () => {
      await h.run('/client log "Acme Corp" call when:"yesterday 3pm" caught up on the project');
      const shown = await h.run('/client show "Acme Corp"');
      expect(text(shown)).toContain('Mon 9 Mar 2026, 15:00');
    });

    it('refuses to log something in the future', async () => {
      expect(await h.run('/client log "Acme Corp" call when:tomorrow not yet')).toMatchObject({ ok: false, code: 'when.future' });
    });
  });

  describe('personal knowledge', () => {
    it('keeps contacts, family with birthdays, likes and notes, and shows them', async () => {
      await h.run('/client add Initech');
      expect((await h.run('/client contact initech "Bill Lumbergh" role:VP email:bill@initech.example')).ok).toBe(true);
      expect((await h.run('/client family initech daughter Lily birthday:"May 2"')).ok).toBe(true);
      expect((await h.run('/client date initech wedding-anniversary "June 20" for:Lily')).ok).toBe(true);
      expect((await h.run('/client likes initech wine pinot noir')).ok).toBe(true);
      expect((await h.run('/client note initech prefers calls before 10am')).ok).toBe(true);
      const shown = text(await h.run('/client show initech'));
      for (const expected of ['Bill Lumbergh', 'bill@initech.example', 'Lily (daughter)', 'child birthday — Lily: 2 May', 'wine: pinot noir', 'prefers calls before 10am']) {
        expect(shown).toContain(expected);
      }
    });

    it('refuses an email address that already belongs to another contact', async () => {
      expect(await h.run('/client contact "Acme Corp" Bob email:bill@initech.example')).toMatchObject({ ok: false, code: 'email.taken' });
    });
  });

  describe('export and forget', () => {
    it('exports one client as JSON with everything about it', async () => {
      const reply = await h.run('/client export initech');
      expect(reply.attachment?.mimeType).toBe('application/json');
      const doc = JSON.parse(reply.attachment!.content) as { format: string; clients: { client: { name: string }; likes: { value: string }[] }[] };
      expect(doc.format).toBe('rapport.export.v1');
      expect(doc.clients).toHaveLength(1);
      expect(doc.clients[0]!.likes[0]!.value).toBe('pinot noir');
    });

    it('forgets a client only after the confirmation code, and then everything about it', async () => {
      const before = await h.rowCounts();
      const ask = await h.run('/client forget initech');
      expect(ask.ok).toBe(true);
      expect(await h.rowCounts()).toEqual(before);
      expect(await h.run('/client forget initech confirm:000000')).toMatchObject({ ok: false, code: 'forget.wrong-code' });
      const client = (await h.opened.store.workspace(h.workspace.id).clientDirectory()).find((c) => c.name === 'Initech')!;
      expect((await h.run(`/client forget initech confirm:${forgetCode(client.id)}`)).ok).toBe(true);
      const after = await h.rowCounts();
      expect(after.client).toBe(before.client - 1);
      expect(after.contact).toBe(before.contact - 1);
      expect(after.like).toBe(before.like - 1);
      expect(after.familyMember).toBe(before.familyMember - 1);
      expect((await h.run('/client show initech')).ok).toBe(false);
    });
  });

  describe('settings', () => {
    it('changes the digest channel, zone, hours and a rule threshold, and refuses bad values', async () => {
      expect((await h.run('/client settings channel #client-care')).ok).toBe(true);
      expect((await h.run('/client settings timezone America/New_York')).ok).toBe(true);
      expect((await h.run('/client settings hours 08:30-17:00')).ok).toBe(true);
      expect((await h.run('/client settings keepInTouchTopDays 21')).ok).toBe(true);
      const ws = await h.opened.store.workspace(h.workspace.id).getWorkspace();
      expect(ws).toMatchObject({ digestChannel: 'client-care', timeZone: 'America/New_York', businessStart: '08:30', businessEnd: '17:00' });
      expect(ws.policy.keepInTouchTopDays).toBe(21);
      expect(await h.run('/client settings timezone Mars/Olympus')).toMatchObject({ ok: false, code: 'settings.timezone' });
      expect(await h.run('/client settings keepInTouchTopDays -4')).toMatchObject({ ok: false, code: 'settings.invalid' });
      await h.run('/client settings timezone Europe/London');
    });

    it('lifts a delivery block when the digest channel is changed', async () => {
      await h.opened.store.db.workspace.update({ where: { id: h.workspace.id }, data: { deliveryBlockedReason: 'channel_not_found', deliveryBlockedAt: new Date() } });
      expect((await h.run('/client settings channel #new-home')).ok).toBe(true);
      const row = await h.opened.store.db.workspace.findUniqueOrThrow({ where: { id: h.workspace.id } });
      expect(row).toMatchObject({ digestChannel: 'new-home', deliveryBlockedReason: null, deliveryBlockedAt: null });
    });
  });

  describe('due, done and snooze', () => {
    // The same-day rule fires at the end-of-day sweep (16:30 London by default).
    const evening = new Date('2026-03-10T17:00:00Z');
    it('lists an unanswered email after the sweep, and done closes it so it does not come back', async () => {
      await h.run('/client add Umbrella');
      await h.run('/client log umbrella email-in asks for the contract', { now: new Date('2026-03-10T09:30:00Z') });
      const due = await h.run('/client due', { now: evening });
      expect(due.ok).toBe(true);
      const line = text(due);
      const id = /\[(n-[a-z0-9]+)\]/.exec(line.split('\n').find((l) => l.includes('Umbrella')) ?? '')?.[1];
      expect(id).toBeDefined();
      expect((await h.run(`/client done ${id}`, { now: evening })).ok).toBe(true);
      expect(text(await h.run('/client due all', { now: evening }))).not.toContain(id!);
      expect((await h.run(`/client done ${id}`, { now: evening })).text).toContain('already done');
    });

    it('snoozes a nudge until a later day', async () => {
      await h.run('/client log umbrella email-in second question', { now: new Date('2026-03-10T10:00:00Z') });
      const id = /\[(n-[a-z0-9]+)\]/.exec(text(await h.run('/client due all', { now: evening })))?.[1];
      expect(id).toBeDefined();
      expect((await h.run(`/client snooze ${id} 1w`, { now: evening })).ok).toBe(true);
      expect(text(await h.run('/client due all', { now: evening }))).not.toContain(id!);
      const later = text(await h.run('/client due all', { now: new Date(DEFAULT_NOW.getTime() + 8 * 86_400_000) }));
      expect(later).toContain('second question');
    });
  });
});

forEachDatabase((db) => {
  const h = useHarness(db, { workspaceName: 'edit' });
  it('edits owner, tier, status, name and aliases, and refuses a name already taken', async () => {
    await h.run('/client add "Wayne Enterprises"');
    await h.run('/client add Oscorp');
    await h.run('/client show wayne', { actor: { platformUserId: 'U_BRUCE', displayName: 'Bruce' } });
    const edited = await h.run('/client edit wayne owner:<@U_BRUCE> tier:top status:paused alias:wayne name:"Wayne Corp"');
    expect(edited.ok).toBe(true);
    const shown = await h.run('/client show wayne');
    expect(shown.text).toBe('Wayne Corp (wayne): top tier, paused, owner <@U_BRUCE>');
    expect(await h.run('/client edit oscorp name:"Wayne Corp"')).toMatchObject({ ok: false, code: 'client.exists' });
    expect(await h.run('/client edit oscorp')).toMatchObject({ ok: false, code: 'edit.nothing' });
  });
});

forEachDatabase((db) => {
  const h = useHarness(db, { workspaceName: 'help' });
  it('lists every command in one line each, and gives one command its grammar and examples', async () => {
    const all = await h.run('/client help');
    expect(all.sections?.[0]?.lines).toHaveLength(COMMANDS.length);
    const log = await h.run('/client help log');
    expect(log.text).toMatch(/^\/client log <client> <kind>/);
    expect(text(log)).toContain('Kinds: call');
    expect(text(log)).toContain('/client log acme call talked about the renewal');
    expect(await h.run('/client help frobnicate')).toMatchObject({ ok: false, code: 'help.unknown' });
  });
});

forEachDatabase((db) => {
  const h = useHarness(db, { workspaceName: 'many' });
  it('lists at most 50 clients, says how many more, and points to the filters', async () => {
    for (let n = 0; n < LIST_LIMIT + 7; n++) {
      await h.opened.store.workspace(h.workspace.id).createClient({ name: `Client ${String(n).padStart(3, '0')}`, normalizedName: `client ${String(n).padStart(3, '0')}`, aliases: [], ownerId: null, tier: 'standard', status: 'active', platformUserId: null, createdAt: DEFAULT_NOW });
    }
    const listed = await h.run('/client list');
    expect(listed.text).toBe(`${LIST_LIMIT + 7} clients:`);
    const lines = listed.sections![0]!.lines;
    expect(lines).toHaveLength(LIST_LIMIT + 1);
    expect(lines.at(-1)).toBe('…and 7 more. Narrow it with mine, tier:… or status:…, or get them all with /client export.');
    const health = (await h.run('/client health')).sections![0]!.lines;
    expect(health).toHaveLength(31);
    expect(health.at(-1)).toBe(`…and ${LIST_LIMIT + 7 - 30} healthier. /client health <client> for any one of them.`);
  });
});

forEachDatabase((db) => {
  const h = useHarness(db, { workspaceName: 'mentions' });
  it('reads a member mention in every form the platforms send, for owner: and member:', async () => {
    expect((await h.run('/client add "Member One" member:<@U901|ann> owner:<@U902|bob>')).ok).toBe(true);
    expect((await h.run('/client add "Member Two" member:<@!903>')).ok).toBe(true);
    const clients = await h.opened.store.workspace(h.workspace.id).listClients();
    const byName = new Map(clients.map((c) => [c.name, c]));
    expect(byName.get('Member One')?.platformUserId).toBe('U901');
    expect(byName.get('Member Two')?.platformUserId).toBe('903');
    const [owner] = await h.opened.store.workspace(h.workspace.id).getMembers([byName.get('Member One')!.ownerId!]);
    expect(owner).toMatchObject({ platformUserId: 'U902', displayName: 'bob' });
    expect(text(await h.run('/client list'))).toContain('Member One · standard · last contact never');
  });
});
