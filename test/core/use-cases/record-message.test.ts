// Messages with nobody typing them (a mailbox, a support channel) open and close "awaiting reply"
// items through the core's recordMessage, on the real store.
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core.js';
import type { MessageEvent } from '../../../src/core/use-cases/record-message.js';
import { forEachDatabase } from '../../support/databases.js';
import { useHarness } from '../../support/core-harness.js';

const T = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00Z`);

forEachDatabase((db) => {
  const h = useHarness(db);
  const core = () => createCore({ store: h.opened.store, logger: h.logger });
  const record = (message: Partial<MessageEvent> & Pick<MessageEvent, 'externalId' | 'occurredAt'>) =>
    core().recordMessage({ workspace: h.workspace, now: message.occurredAt }, { direction: 'in', channel: 'email', summary: 'Renewal terms?', source: 'mail', ...message });
  const open = async (client: string) =>
    h.opened.store.db.followUp.findMany({ where: { kind: 'reply', state: { in: ['open', 'snoozed'] }, client: { name: client } } });

  async function client(name: string, email: string) {
    const slug = name.toLowerCase().replace(/\W+/g, '');
    await h.run(`/client add "${name}" alias:${slug}`);
    await h.run(`/client contact ${slug} "Jane ${name}" email:${email}`);
  }

  describe('inbound', () => {
    it('an email from a known contact opens an awaiting-reply item with its channel and thread', async () => {
      await client('Mail One', 'jane@one.example');
      const outcome = await record({ party: { by: 'email', address: 'Jane@One.example' }, externalId: '<m1@one>', threadIds: ['<m1@one>'], occurredAt: T('09:00') });
      expect(outcome).toMatchObject({ status: 'recorded', opened: 1, closed: 0 });
      const [item] = await open('Mail One');
      expect(item).toMatchObject({ channel: 'email', threadIds: '["<m1@one>"]', summary: 'Renewal terms?', source: 'mail', externalRef: '<m1@one>' });
    });

    it('the same message twice is recorded once', async () => {
      expect(await record({ party: { by: 'email', address: 'jane@one.example' }, externalId: '<m1@one>', occurredAt: T('09:00') })).toEqual({ status: 'duplicate' });
      expect(await open('Mail One')).toHaveLength(1);
    });

    it('mail from an unknown sender writes nothing', async () => {
      const before = await h.rowCounts();
      expect(await record({ party: { by: 'email', address: 'stranger@nowhere.example' }, externalId: '<x@nowhere>', occurredAt: T('09:00') })).toEqual({ status: 'unmatched' });
      expect(await h.rowCounts()).toEqual(before);
    });
  });

  describe('outbound', () => {
    it('a reply in another thread leaves the item open; one in its thread closes it', async () => {
      await client('Mail Two', 'jane@two.example');
      await record({ party: { by: 'email', address: 'jane@two.example' }, externalId: '<a@two>', threadIds: ['<a@two>'], occurredAt: T('09:00') });
      const elsewhere = await record({ direction: 'out', party: { by: 'email', address: 'jane@two.example' }, externalId: '<b@us>', threadIds: ['<other@two>'], occurredAt: T('10:00') });
      expect(elsewhere).toMatchObject({ status: 'recorded', closed: 0 });
      expect(await open('Mail Two')).toHaveLength(1);
      const answered = await record({ direction: 'out', party: { by: 'email', address: 'jane@two.example' }, externalId: '<c@us>', threadIds: ['<c@us>', '<a@two>'], occurredAt: T('11:00') });
      expect(answered).toMatchObject({ status: 'recorded', closed: 1 });
      expect(await open('Mail Two')).toHaveLength(0);
    });

    it('a reply sent before the message came in does not close it', async () => {
      await client('Mail Three', 'jane@three.example');
      await record({ party: { by: 'email', address: 'jane@three.example' }, externalId: '<a@three>', occurredAt: T('12:00') });
      const earlier = await record({ direction: 'out', party: { by: 'email', address: 'jane@three.example' }, externalId: '<b@us3>', occurredAt: T('08:00') });
      expect(earlier).toMatchObject({ status: 'recorded', closed: 0 });
      expect(await open('Mail Three')).toHaveLength(1);
    });

    it('a reply that names nobody finds its item by thread, across clients', async () => {
      await client('Forum Four', 'jane@four.example');
      await record({ channel: 'forum-post', party: { by: 'email', address: 'jane@four.example' }, externalId: 'post-1', threadIds: ['thread-9'], occurredAt: T('09:00'), source: 'mail' });
      const reply = await record({ direction: 'out', channel: 'forum-post', externalId: 'post-2', threadIds: ['thread-9'], occurredAt: T('09:30'), source: 'mail', sender: { platformUserId: 'staff-1', displayName: 'Staff' } });
      expect(reply).toMatchObject({ status: 'recorded', closed: 1 });
      expect(await open('Forum Four')).toHaveLength(0);
      const row = await h.opened.store.db.interaction.findFirstOrThrow({ where: { externalRef: 'post-2' }, include: { loggedBy: true } });
      expect(row).toMatchObject({ kind: 'message', direction: 'out' });
      expect(row.loggedBy?.displayName).toBe('Staff');
    });

    it('a member linked to a client is that client', async () => {
      await h.run('/client add "Ana Member" member:<@M42>');
      expect(await record({ channel: 'chat', party: { by: 'member', platformUserId: 'M42' }, externalId: 'chat-1', occurredAt: T('09:00'), source: 'mail' })).toMatchObject({ status: 'recorded', opened: 1 });
      expect(await open('Ana Member')).toHaveLength(1);
    });
  });
});
