// What one email means, decided by the core from its headers: in, out, or nothing at all.
import { describe, expect, it } from 'vitest';
import { HIDDEN_SUBJECT, readMail, subjectKey, type MailHeaders } from '../../../src/core/mail/read-mail.js';
import { failureNotice, retryDelayMs, shouldTellFailure } from '../../../src/core/mail/mailbox-health.js';

const team = { addresses: ['support@team.example'], domains: ['team.example'] };
const mail = (over: Partial<MailHeaders> = {}): MailHeaders => ({
  messageId: '<q1@acme.example>',
  inReplyTo: [],
  references: [],
  from: 'jane@acme.example',
  to: ['support@team.example'],
  cc: [],
  subject: 'Renewal terms',
  receivedAt: new Date('2026-03-10T09:10:00Z'),
  flags: {},
  ...over,
});
const options = { team, dropSubjects: false };

describe('readMail', () => {
  it('a client email in the inbox comes in, with its own id, thread ids and subject', () => {
    const read = readMail(mail(), 'inbox', options);
    expect(read).toEqual({
      ok: true,
      message: {
        direction: 'in',
        channel: 'email',
        occurredAt: new Date('2026-03-10T09:10:00Z'),
        party: { by: 'email', address: 'jane@acme.example' },
        externalId: '<q1@acme.example>',
        threadIds: ['<q1@acme.example>', subjectKey('Renewal terms', 'jane@acme.example')],
        summary: 'Renewal terms',
        source: 'mail',
      },
    });
  });

  it('a message in Sent, or from a team address in an inbox, goes out to the first outside recipient', () => {
    const reply = mail({ from: 'sam@team.example', to: ['support@team.example', 'Jane@Acme.example'], subject: 'Re: Renewal terms', inReplyTo: ['<q1@acme.example>'], messageId: '<r1@team.example>' });
    for (const folder of ['sent', 'inbox'] as const) {
      const read = readMail(reply, folder, options);
      expect(read.ok && read.message).toMatchObject({ direction: 'out', party: { address: 'jane@acme.example' } });
      // The reply shares the question's id and its subject key ("Re:" removed, same person).
      expect(read.ok && read.message.threadIds).toEqual(expect.arrayContaining(['<q1@acme.example>', subjectKey('Renewal terms', 'jane@acme.example')]));
    }
  });

  it.each([
    ['Auto-Submitted', { autoSubmitted: 'auto-replied' }, 'auto-reply'],
    ['X-Autoreply', { autoReply: 'yes' }, 'auto-reply'],
    ['Precedence: bulk', { precedence: 'bulk' }, 'bulk'],
    ['Precedence: list', { precedence: 'List' }, 'bulk'],
    ['List-Id', { listId: '<news.acme.example>' }, 'mailing-list'],
    ['List-Unsubscribe', { listUnsubscribe: '<mailto:u@acme.example>' }, 'mailing-list'],
    ['a delivery-status report', { contentType: 'multipart/report', reportType: 'delivery-status' }, 'bounce'],
    ['an empty Return-Path', { returnPath: '< >' }, 'bounce'],
  ] as const)('%s opens and closes nothing, in either direction', (_name, flags, skip) => {
    expect(readMail(mail({ flags }), 'inbox', options)).toEqual({ ok: false, skip });
    expect(readMail(mail({ flags, from: 'support@team.example' }), 'sent', options)).toEqual({ ok: false, skip });
  });

  it('Auto-Submitted: no is a person writing', () => {
    expect(readMail(mail({ flags: { autoSubmitted: 'no' } }), 'inbox', options).ok).toBe(true);
  });

  it('bounces from MAILER-DAEMON, mail with no sender and notes between colleagues are skipped', () => {
    expect(readMail(mail({ from: 'MAILER-DAEMON@acme.example' }), 'inbox', options)).toEqual({ ok: false, skip: 'bounce' });
    expect(readMail(mail({ from: null }), 'inbox', options)).toEqual({ ok: false, skip: 'no-sender' });
    expect(readMail(mail({ from: 'sam@team.example', to: ['kim@team.example'] }), 'inbox', options)).toEqual({ ok: false, skip: 'internal' });
  });

  it('with dropSubjects the subject is not kept, and the subject key is a hash', () => {
    const read = readMail(mail(), 'inbox', { team, dropSubjects: true });
    expect(read.ok && read.message.summary).toBe(HIDDEN_SUBJECT);
    expect(JSON.stringify(read)).not.toContain('Renewal');
  });

  it('a message without a Message-ID gets a stable id of its own', () => {
    const a = readMail(mail({ messageId: null }), 'inbox', options);
    const b = readMail(mail({ messageId: null }), 'inbox', options);
    expect(a.ok && a.message.externalId).toMatch(/^<sha256-[0-9a-f]{40}@rapport\.invalid>$/);
    expect(a.ok && b.ok && a.message.externalId === b.message.externalId).toBe(true);
  });

  it('the subject key ignores reply prefixes and case, but not the other person', () => {
    expect(subjectKey('RE: AW: Fwd: renewal TERMS', 'jane@acme.example')).toBe(subjectKey('Renewal terms', 'jane@acme.example'));
    expect(subjectKey('Renewal terms', 'bob@acme.example')).not.toBe(subjectKey('Renewal terms', 'jane@acme.example'));
    expect(subjectKey('Re:', 'jane@acme.example')).toBeNull();
  });
});

describe('mailbox health', () => {
  it('retries after 5 s, doubling to at most 15 minutes, spread by the random part', () => {
    expect([1, 2, 3, 4].map((f) => retryDelayMs(f, 0.5))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(30, 0.5)).toBe(900_000);
    expect(retryDelayMs(1, 0)).toBe(3_750);
    expect(retryDelayMs(1, 0.999)).toBeLessThan(6_250);
  });

  it('tells the channel once, after three failures in a row', () => {
    expect(shouldTellFailure({ failures: 2, noticeSentAt: null })).toBe(false);
    expect(shouldTellFailure({ failures: 3, noticeSentAt: null })).toBe(true);
    expect(shouldTellFailure({ failures: 9, noticeSentAt: new Date('2026-03-10T09:00:00Z') })).toBe(false);
  });

  it('the notice says which mailbox, since when, why, and what to do', () => {
    const text = failureNotice({ address: 'support@team.example', lastError: 'login refused', failingSince: new Date('2026-03-10T09:00:00Z') }, 'Europe/London');
    expect(text).toContain('support@team.example since Tue 10 Mar at 09:00 (login refused)');
    expect(text).toContain('/client mail status');
  });
});
