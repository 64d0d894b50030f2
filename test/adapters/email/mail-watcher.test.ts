// The mail watcher against a real IMAP server (Dovecot on 127.0.0.1) and the real core and store:
// client mail opens "awaiting reply" items, the team's replies close them, machine-sent mail and
// strangers open nothing, and restarts, outages and a wrong password lose or repeat nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailWatcher, type MailWatcher } from '../../../src/adapters/email/index.js';
import type { MailboxSettings } from '../../../src/adapters/email/mail-config.js';
import { createCore } from '../../../src/core/core.js';
import type { Digest } from '../../../src/core/model/index.js';
import { forEachDatabase } from '../../support/databases.js';
import { useHarness } from '../../support/core-harness.js';
import { rawMail, startDovecot, type Dovecot } from '../../support/dovecot.js';
import { until } from '../../support/process-helpers.js';
import { connect, createServer, type Socket } from 'node:net';

// Tuesday 10 March 2026; London is on GMT, so local times read as UTC.
const AT = (hhmm: string, day = '2026-03-10') => new Date(`${day}T${hhmm}:00Z`);
const PASSWORD = 'secret';
const USERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'].map((u) => `${u}@team.example`);

forEachDatabase((db) => {
  const h = useHarness(db);
  let dovecot: Dovecot;
  let clock = AT('09:00');
  const watchers: MailWatcher[] = [];
  const notices: { text: string; key: string }[] = [];

  beforeAll(async () => {
    dovecot = await startDovecot(Object.fromEntries(USERS.map((u) => [u, PASSWORD])));
  });
  afterAll(async () => {
    for (const w of watchers) await w.stop();
    await dovecot.stop();
  });

  const settingsFor = (user: string, extra: Partial<MailboxSettings> = {}): MailboxSettings => ({
    workspace: { platform: 'console', externalId: 'test' },
    address: user,
    host: '127.0.0.1',
    port: dovecot.port,
    tls: false,
    user,
    auth: { pass: PASSWORD },
    inbox: 'INBOX',
    sent: null,
    team: { addresses: [user], domains: ['team.example'] },
    dropSubjects: false,
    firstSyncDays: 7,
    ...extra,
  });

  function watcher(user: string, extra: Partial<MailboxSettings> = {}, pollMs = 60_000): MailWatcher {
    const w = createMailWatcher({
      core: createCore({ store: h.opened.store, logger: h.logger }),
      store: h.opened.store,
      mailboxes: h.opened.store.mailboxes,
      settings: [settingsFor(user, extra)],
      clock: { now: () => clock },
      logger: h.logger,
      random: () => 0.5,
      pollMs,
      connectTimeoutMs: 2_000,
      notify: async (_workspace, message: Digest, key) => void notices.push({ text: [message.title, ...message.notices].join('\n'), key }),
    });
    watchers.push(w);
    return w;
  }

  async function client(name: string, email: string) {
    const slug = name.toLowerCase().replace(/\W+/g, '');
    await h.run(`/client add "${name}" alias:${slug}`);
    await h.run(`/client contact ${slug} "Jane Doe" email:${email}`);
  }

  const inbound = (user: string, from: string, id: string, subject: string, at: Date, headers: Record<string, string | undefined> = {}) =>
    dovecot.append(user, 'INBOX', rawMail({ From: `Jane Doe <${from}>`, To: user, Subject: subject, 'Message-ID': id, Date: at.toUTCString(), ...headers }), { date: at });
  const sent = (user: string, to: string, id: string, subject: string, at: Date, headers: Record<string, string | undefined> = {}) =>
    dovecot.append(user, 'Sent', rawMail({ From: user, To: to, Subject: subject, 'Message-ID': id, Date: at.toUTCString(), ...headers }), { date: at, seen: true });
  const openItems = (clientName: string) => h.opened.store.db.followUp.findMany({ where: { kind: 'reply', state: { in: ['open', 'snoozed'] }, client: { name: clientName } } });
  const sweep = async (at: Date) => {
    const store = h.opened.store.workspace(h.workspace.id);
    return createCore({ store: h.opened.store, logger: h.logger }).planDigest({ store, now: at, kind: 'sweep' });
  };
  const itemsOf = (digest: Digest) => digest.sections.flatMap((s) => s.items);

  it('with no mailbox watched, /client mail status says where mailboxes are set up', async () => {
    const reply = await h.run('/client mail status');
    expect(reply).toMatchObject({ ok: true, text: expect.stringContaining('No mailbox is watched for this workspace') });
  });

  it('a client email at 09:10 left unanswered is in that day’s end-of-day sweep with the client, contact and subject', async () => {
    await client('Acme Corp', 'jane@acme.example');
    await inbound(USERS[0]!, 'jane@acme.example', '<q1@acme.example>', 'Renewal terms for April', AT('09:10'));
    clock = AT('09:15');
    const report = await watcher(USERS[0]!).syncOnce();
    expect(report).toMatchObject({ read: 1, recorded: 1, opened: 1, failed: [] });
    expect(await openItems('Acme Corp')).toHaveLength(1);
    const [item] = itemsOf(await sweep(AT('16:45')));
    expect(item).toMatchObject({ clientName: 'Acme Corp' });
    expect(item!.title).toContain("Acme Corp's email");
    expect(item!.context.join('\n')).toContain('Renewal terms for April');
    expect(item!.context.join('\n')).toContain('Jane Doe');
  });

  it('answered from the Sent folder at 15:00 in its thread, it is closed and not in the sweep', async () => {
    await client('Beta Ltd', 'jane@beta.example');
    const user = USERS[1]!;
    await inbound(user, 'jane@beta.example', '<q2@beta.example>', 'Invoice question', AT('09:10'));
    await sent(user, 'jane@beta.example', '<r2@team.example>', 'Re: Invoice question', AT('15:00'), { 'In-Reply-To': '<q2@beta.example>', References: '<q2@beta.example>' });
    clock = AT('15:05');
    const report = await watcher(user).syncOnce();
    expect(report).toMatchObject({ read: 2, recorded: 2, opened: 1, closed: 1 });
    expect(await openItems('Beta Ltd')).toHaveLength(0);
    expect(itemsOf(await sweep(AT('16:45'))).filter((i) => i.clientName === 'Beta Ltd')).toEqual([]);
  });

  it('a reply with a mangled subject but the right In-Reply-To closes it; a subject-only reply closes too', async () => {
    await client('Gamma Inc', 'jane@gamma.example');
    const user = USERS[2]!;
    const w = watcher(user);
    await inbound(user, 'jane@gamma.example', '<q3@gamma.example>', 'Delivery date?', AT('10:00'));
    await inbound(user, 'jane@gamma.example', '<q3b@gamma.example>', 'Training slots', AT('10:05'));
    clock = AT('10:10');
    await w.syncOnce();
    expect(await openItems('Gamma Inc')).toHaveLength(2);
    await sent(user, 'jane@gamma.example', '<r3@team.example>', 'AW: [EXT] Fw: delivery', AT('11:00'), { 'In-Reply-To': '<q3@gamma.example>' });
    // A mail program that dropped the thread headers: the subject, between the same two people, still matches.
    await sent(user, 'Jane Doe <jane@gamma.example>', '<r3b@team.example>', 'RE: Training slots', AT('11:05'));
    clock = AT('11:10');
    expect(await w.syncOnce()).toMatchObject({ read: 2, closed: 2 });
    expect(await openItems('Gamma Inc')).toHaveLength(0);
  });

  it('an older message in Sent does not close a newer inbound one, even in the same thread', async () => {
    await client('Delta Co', 'jane@delta.example');
    const user = USERS[3]!;
    await sent(user, 'jane@delta.example', '<r4@team.example>', 'Your order', AT('08:00'));
    await inbound(user, 'jane@delta.example', '<q4@delta.example>', 'Re: Your order', AT('12:00'), { 'In-Reply-To': '<r4@team.example>', References: '<r4@team.example>' });
    clock = AT('12:05');
    expect(await watcher(user).syncOnce()).toMatchObject({ read: 2, recorded: 2, opened: 1, closed: 0 });
    expect(await openItems('Delta Co')).toHaveLength(1);
  });

  it('mail from strangers, auto-replies, bulk mail, mailing lists and bounces opens nothing', async () => {
    await client('Epsilon', 'jane@epsilon.example');
    const user = USERS[4]!;
    await inbound(user, 'someone@stranger.example', '<s1@stranger.example>', 'Hello there', AT('09:00'));
    await inbound(user, 'jane@epsilon.example', '<s2@epsilon.example>', 'Out of office', AT('09:01'), { 'Auto-Submitted': 'auto-replied' });
    await inbound(user, 'jane@epsilon.example', '<s3@epsilon.example>', 'Our newsletter', AT('09:02'), { Precedence: 'bulk' });
    await inbound(user, 'jane@epsilon.example', '<s4@epsilon.example>', 'List post', AT('09:03'), { 'List-Id': 'Friends <friends.epsilon.example>' });
    await dovecot.append(
      user,
      'INBOX',
      rawMail({ From: 'MAILER-DAEMON@epsilon.example', To: user, Subject: 'Undelivered Mail Returned to Sender', 'Message-ID': '<s5@epsilon.example>', 'Content-Type': 'multipart/report; report-type=delivery-status; boundary="b"' }, '--b\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--b--\r\n'),
      { date: AT('09:04') },
    );
    await inbound(user, 'jane@epsilon.example', '<s6@epsilon.example>', 'Vacation', AT('09:05'), { 'X-Autoreply': 'yes' });
    clock = AT('09:10');
    const before = await h.rowCounts();
    const report = await watcher(user).syncOnce();
    expect(report).toMatchObject({ read: 6, recorded: 0, opened: 0, skipped: 6 });
    expect(await h.rowCounts()).toEqual(before);
  });

  it('a restart reads on from where it stopped: nothing re-opened or duplicated', async () => {
    await client('Zeta', 'jane@zeta.example');
    const user = USERS[5]!;
    await inbound(user, 'jane@zeta.example', '<q6@zeta.example>', 'First', AT('09:00'));
    clock = AT('09:05');
    const first = watcher(user);
    await first.syncOnce();
    const [item] = await openItems('Zeta');
    await h.run('/client done ' + item!.id, { now: AT('09:30') }).catch(() => undefined);
    await first.stop();
    const after = await h.rowCounts();
    await inbound(user, 'jane@zeta.example', '<q6b@zeta.example>', 'Second', AT('10:00'));
    clock = AT('10:05');
    const report = await watcher(user).syncOnce();
    // Only the new message is read: the stored cursor said where the last run stopped.
    expect(report).toMatchObject({ read: 1, recorded: 1 });
    expect(await h.rowCounts()).toMatchObject({ interaction: after.interaction + 1, followUp: after.followUp + 1 });
    const rows = await h.opened.store.db.interaction.findMany({ where: { client: { name: 'Zeta' } } });
    expect(rows.map((r) => r.externalRef).sort()).toEqual(['<q6@zeta.example>', '<q6b@zeta.example>']);
    const state = (await h.opened.store.workspace(h.workspace.id).mailboxStates()).find((m) => m.address === user)!;
    expect(state.cursors.inbox).toMatchObject({ lastUid: 2 });
  });

  it('new inbox mail is picked up while watching, through IDLE', async () => {
    await client('Eta', 'jane@eta.example');
    const user = USERS[6]!;
    clock = AT('11:00');
    const w = watcher(user, {}, 3_600_000);
    w.start();
    await until(async () => ((await h.opened.store.workspace(h.workspace.id).mailboxStates()).find((m) => m.address === user)?.connected ? true : undefined), 5_000, 20);
    await inbound(user, 'jane@eta.example', '<q7@eta.example>', 'Are you there?', AT('11:01'));
    await until(async () => ((await openItems('Eta')).length === 1 ? true : undefined), 5_000, 20);
    await w.stop();
  });

  it('a wrong password gives one clear status error, retries with backoff, and tells the digest channel once', async () => {
    const user = USERS[7]!;
    clock = AT('12:00');
    const w = watcher(user, { auth: { pass: 'wrong' } });
    for (let i = 0; i < 4; i++) {
      expect((await w.syncOnce()).failed).toEqual([user]);
      // Inside the backoff nothing is tried.
      expect((await w.syncOnce()).failed).toEqual([]);
      clock = new Date(clock.getTime() + 20 * 60_000);
    }
    const reply = await h.run('/client mail status', { now: clock });
    const line = reply.ok ? reply.sections!.flatMap((s) => s.lines).find((l) => l.startsWith(user)) : undefined;
    expect(line).toContain('failing (4 attempts in a row)');
    expect(line).toContain(`last error: login refused for ${user}`);
    expect(line).not.toContain('wrong');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain(`cannot read the mailbox ${user}`);
    expect(h.logText()).not.toContain('"wrong"');
  });
});

describe('an IMAP server stopped in the middle of a sync', () => {
  forEachDatabase((db) => {
    const h = useHarness(db, { workspaceName: 'outage' });
    let dovecot: Dovecot;
    const user = 'support@team.example';
    beforeAll(async () => {
      dovecot = await startDovecot({ [user]: PASSWORD });
    });
    afterAll(() => dovecot.stop());

    it('loses nothing: after the restart every message is recorded once', async () => {
      await h.run('/client add "Theta" alias:theta');
      await h.run('/client contact theta "Jane Doe" email:jane@theta.example');
      const count = 30;
      const c = await dovecot.client(user);
      for (let i = 0; i < count; i++) {
        const at = new Date(AT('08:00').getTime() + i * 60_000);
        await c.append('INBOX', rawMail({ From: 'jane@theta.example', To: user, Subject: `Question ${i}`, 'Message-ID': `<t${i}@theta.example>`, Date: at.toUTCString() }), [], at);
      }
      await c.logout();
      let clock = AT('10:00');
      // Between the watcher and the server, a relay that stops the real server the moment the
      // answer to the first FETCH starts to stream, passing on only part of it.
      let halted = false;
      const relay = await startRelay(dovecot.port, async (chunk, pass, cut) => {
        const text = chunk.toString('latin1');
        if (halted || !text.includes(' FETCH (')) return pass(chunk);
        halted = true;
        pass(chunk.subarray(0, text.indexOf(' FETCH (') + 200));
        await dovecot.halt();
        cut();
      });
      const core = createCore({ store: h.opened.store, logger: h.logger });
      const w = createMailWatcher({
        core,
        store: h.opened.store,
        mailboxes: h.opened.store.mailboxes,
        settings: [
          { workspace: { platform: 'console', externalId: 'outage' }, address: user, host: '127.0.0.1', port: relay.port, tls: false, user, auth: { pass: PASSWORD }, inbox: 'INBOX', sent: null, team: { addresses: [user], domains: [] }, dropSubjects: false, firstSyncDays: 7 },
        ],
        clock: { now: () => clock },
        logger: h.logger,
        random: () => 0.5,
        notify: async () => undefined,
        connectTimeoutMs: 2_000,
      });
      expect(await w.syncOnce()).toMatchObject({ recorded: 0, failed: [user] });
      expect(halted).toBe(true);
      clock = new Date(clock.getTime() + 60 * 60_000);
      // Still down: the next round fails to connect and records nothing.
      expect(await w.syncOnce()).toMatchObject({ recorded: 0, failed: [user] });
      await dovecot.start();
      clock = new Date(clock.getTime() + 60 * 60_000);
      const report = await w.syncOnce();
      expect(report).toMatchObject({ read: count, failed: [] });
      await w.stop();
      await relay.close();
      const rows = await h.opened.store.db.interaction.findMany({ where: { client: { name: 'Theta' } } });
      expect(rows).toHaveLength(count);
      expect(new Set(rows.map((r) => r.externalRef)).size).toBe(count);
      expect(await h.opened.store.db.followUp.count({ where: { client: { name: 'Theta' }, kind: 'reply' } })).toBe(count);
    });
  });
});

/** A TCP relay to a local port whose server-to-client data goes through `onData`, which may cut every connection. */
async function startRelay(target: number, onData: (chunk: Buffer, pass: (b: Buffer) => void, cut: () => void) => Promise<void> | void) {
  const sockets = new Set<Socket>();
  const cut = () => {
    for (const s of sockets) s.destroy();
  };
  const server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => (sockets.delete(s), client.destroy(), upstream.destroy()));
      s.on('error', () => undefined);
    }
    client.pipe(upstream);
    let queue = Promise.resolve();
    upstream.on('data', (chunk: Buffer) => {
      queue = queue.then(() => onData(chunk, (b) => void client.write(b), cut));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise<void>((resolve) => (cut(), server.close(() => resolve()))),
  };
}
