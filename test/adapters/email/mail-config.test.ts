// The mail configuration file: mailboxes set up outside chat, secrets named, never written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { credentialsOf, loadMailConfig } from '../../../src/adapters/email/mail-config.js';
import { loadConfig } from '../../../src/config.js';
import { entryArgs } from '../../support/entry-build.js';

const dir = mkdtempSync(join(tmpdir(), 'rapport-mail-config-'));
const file = (content: unknown) => {
  const path = join(dir, `${Math.abs(JSON.stringify(content).length)}-${Object.keys(content as object).length}-${Date.now()}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const support = { workspace: 'slack:T0123ABCD', address: 'Support@Acme.example', host: 'imap.acme.example', passwordEnv: 'MAIL_SUPPORT_PASSWORD', teamDomains: ['acme.example'] };

describe('RAPPORT_MAIL_CONFIG', () => {
  it('reads a mailbox with TLS on port 993 by default, the password from the variable it names', () => {
    const result = loadMailConfig(file({ mailboxes: [support] }), { MAIL_SUPPORT_PASSWORD: 'app-password' });
    expect(result).toEqual({
      ok: true,
      config: {
        pollMs: 60_000,
        mailboxes: [
          {
            workspace: { platform: 'slack', externalId: 'T0123ABCD' },
            address: 'support@acme.example',
            host: 'imap.acme.example',
            port: 993,
            tls: true,
            user: 'support@acme.example',
            auth: { pass: 'app-password' },
            inbox: 'INBOX',
            sent: null,
            team: { addresses: ['support@acme.example'], domains: ['acme.example'] },
            dropSubjects: false,
            firstSyncDays: 7,
          },
        ],
      },
    });
  });

  it('takes an OAuth2 access token instead of a password', () => {
    const { passwordEnv: _, ...rest } = support;
    const result = loadMailConfig(file({ mailboxes: [{ ...rest, accessTokenEnv: 'MAIL_TOKEN', sent: '[Gmail]/Sent Mail', dropSubjects: true }] }), { MAIL_TOKEN: 'ya29.token' });
    expect(result.ok && result.config?.mailboxes[0]).toMatchObject({ auth: { accessToken: 'ya29.token' }, sent: '[Gmail]/Sent Mail', dropSubjects: true });
  });

  it('reads an OAuth2 token file again at every connection, so a refresher outside Rapport can renew it', () => {
    const { passwordEnv: _, ...rest } = support;
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, 'first-token\n');
    const result = loadMailConfig(file({ mailboxes: [{ ...rest, accessTokenFile: tokenFile }] }), {});
    if (!result.ok || result.config === null) throw new Error('expected a configuration');
    const mailbox = result.config.mailboxes[0]!;
    expect(mailbox.auth).toEqual({ accessTokenFile: tokenFile });
    expect(credentialsOf(mailbox)).toEqual({ accessToken: 'first-token' });
    writeFileSync(tokenFile, 'renewed-token');
    expect(credentialsOf(mailbox)).toEqual({ accessToken: 'renewed-token' });
    expect(loadMailConfig(file({ mailboxes: [{ ...rest, accessTokenFile: join(dir, 'missing') }] }), {})).toMatchObject({ ok: false, message: expect.stringContaining('cannot be read or is empty') });
  });

  it.each([
    [{ mailboxes: [{ ...support, workspace: 'T0123' }] }, {}, 'mailboxes.0.workspace expected platform:id'],
    [{ mailboxes: [{ ...support, password: 'hunter2' }] }, {}, 'Unrecognized key'],
    [{ mailboxes: [{ ...support, accessTokenEnv: 'X' }] }, {}, 'needs exactly one of passwordEnv, accessTokenEnv or accessTokenFile'],
    [{ mailboxes: [support] }, {}, 'mailboxes.0 (support@acme.example) names MAIL_SUPPORT_PASSWORD, which is not set'],
    [{ mailboxes: [] }, {}, 'mailboxes'],
  ])('refuses a bad file in one line: %j', (content, env, message) => {
    const result = loadMailConfig(file(content), env);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(message);
      expect(result.message).not.toContain('\n');
      expect(result.message).not.toContain('hunter2');
    }
  });

  it('refuses a file that is not JSON, and is off when the variable is not set', () => {
    expect(loadMailConfig(file('{ not json'), {})).toMatchObject({ ok: false, message: expect.stringContaining('could not be read as JSON') });
    expect(loadMailConfig(undefined, {})).toEqual({ ok: true, config: null });
    expect(loadConfig({ RAPPORT_MAIL_CONFIG: '/etc/rapport/mail.json' })).toMatchObject({ ok: true, config: { RAPPORT_MAIL_CONFIG: '/etc/rapport/mail.json' } });
  });

  it('a mailbox whose secret is not set stops the real entry point at start-up with one line, creating nothing', () => {
    const path = file({ mailboxes: [support] });
    const db = join(dir, 'never.db');
    const run = spawnSync(process.execPath, entryArgs('src/main.ts'), {
      cwd: join(import.meta.dirname, '../../..'),
      input: '/client list\n',
      encoding: 'utf8',
      env: { PATH: process.env.PATH, RAPPORT_MAIL_CONFIG: path, DATABASE_URL: `file:${db}` },
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('Configuration error: RAPPORT_MAIL_CONFIG mailboxes.0 (support@acme.example) names MAIL_SUPPORT_PASSWORD, which is not set');
    expect(existsSync(db)).toBe(false);
  });
});
