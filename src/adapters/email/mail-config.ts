// The mail configuration file (RAPPORT_MAIL_CONFIG): which mailboxes to watch for which workspace.
// Credentials are never in the file nor in the database: the file names the environment variable
// that holds each password or OAuth2 access token, and they are read once, at start-up.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { TeamAddresses } from '../../core/mail/read-mail.js';
import type { Platform } from '../../core/model/index.js';

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'expected the name of an environment variable, such as MAIL_SUPPORT_PASSWORD');
const email = z.string().trim().toLowerCase().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'expected an email address');

const MailboxEntry = z
  .object({
    workspace: z.string().regex(/^(slack|discord|console):[^\s:]+$/, 'expected platform:id, such as slack:T0123ABCD or discord:123456789012345678'),
    address: email,
    host: z.string().trim().min(1),
    port: z.number().int().min(1).max(65535).optional(),
    tls: z.boolean().default(true),
    user: z.string().trim().min(1).optional(),
    passwordEnv: envName.optional(),
    accessTokenEnv: envName.optional(),
    /** A file holding an OAuth2 access token, read again at every connection so a refresher outside Rapport can renew it. */
    accessTokenFile: z.string().trim().min(1).optional(),
    inbox: z.string().trim().min(1).default('INBOX'),
    /** The Sent folder; found by its \Sent flag when absent. */
    sent: z.string().trim().min(1).optional(),
    teamAddresses: z.array(email).default([]),
    teamDomains: z.array(z.string().trim().toLowerCase().regex(/^@?[a-z0-9.-]+\.[a-z]{2,}$/, 'expected a domain such as example.com')).default([]),
    dropSubjects: z.boolean().default(false),
    /** On first sight of a folder, how far back to read (older mail is taken as handled). */
    firstSyncDays: z.number().int().min(0).max(3650).default(7),
  })
  .strict()
  .refine((m) => [m.passwordEnv, m.accessTokenEnv, m.accessTokenFile].filter(Boolean).length === 1, { message: 'needs exactly one of passwordEnv, accessTokenEnv or accessTokenFile' });

const MailConfigFile = z
  .object({
    mailboxes: z.array(MailboxEntry).min(1),
    /** How often every mailbox is synced, besides IDLE's news of new inbox mail. */
    pollSeconds: z.number().int().min(5).max(3600).default(60),
  })
  .strict();

/** One mailbox, ready to connect: its secret read from the environment. */
export interface MailboxSettings {
  readonly workspace: { readonly platform: Platform; readonly externalId: string };
  readonly address: string;
  readonly host: string;
  readonly port: number;
  readonly tls: boolean;
  readonly user: string;
  readonly auth: { readonly pass: string } | { readonly accessToken: string } | { readonly accessTokenFile: string };
  readonly inbox: string;
  readonly sent: string | null;
  readonly team: TeamAddresses;
  readonly dropSubjects: boolean;
  readonly firstSyncDays: number;
}

export interface MailConfig {
  readonly mailboxes: readonly MailboxSettings[];
  readonly pollMs: number;
}

export type MailConfigResult = { ok: true; config: MailConfig | null } | { ok: false; message: string };

/** Reads and checks the file; a bad entry or a missing secret yields one line naming where. */
export function loadMailConfig(path: string | undefined, env: Readonly<Record<string, string | undefined>>): MailConfigResult {
  if (path === undefined) return { ok: true, config: null };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { ok: false, message: `Configuration error: RAPPORT_MAIL_CONFIG could not be read as JSON (${path}): ${error instanceof Error ? error.message.split('\n')[0] : 'unreadable'}` };
  }
  const parsed = MailConfigFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the file';
    return { ok: false, message: `Configuration error: RAPPORT_MAIL_CONFIG ${where} ${issue.message.replace(/^Invalid input: /, '')}` };
  }
  const mailboxes: MailboxSettings[] = [];
  for (const [i, m] of parsed.data.mailboxes.entries()) {
    let auth: MailboxSettings['auth'];
    if (m.accessTokenFile) {
      if (readToken(m.accessTokenFile) === null) return { ok: false, message: `Configuration error: RAPPORT_MAIL_CONFIG mailboxes.${i} (${m.address}) names accessTokenFile ${m.accessTokenFile}, which cannot be read or is empty` };
      auth = { accessTokenFile: m.accessTokenFile };
    } else {
      const name = (m.passwordEnv ?? m.accessTokenEnv)!;
      const secret = env[name]?.trim();
      if (!secret) return { ok: false, message: `Configuration error: RAPPORT_MAIL_CONFIG mailboxes.${i} (${m.address}) names ${name}, which is not set` };
      auth = m.passwordEnv ? { pass: secret } : { accessToken: secret };
    }
    const [platform, ...rest] = m.workspace.split(':');
    mailboxes.push({
      workspace: { platform: platform as Platform, externalId: rest.join(':') },
      address: m.address,
      host: m.host,
      port: m.port ?? (m.tls ? 993 : 143),
      tls: m.tls,
      user: m.user ?? m.address,
      auth,
      inbox: m.inbox,
      sent: m.sent ?? null,
      team: { addresses: [m.address, ...m.teamAddresses], domains: m.teamDomains.map((d) => d.replace(/^@/, '')) },
      dropSubjects: m.dropSubjects,
      firstSyncDays: m.firstSyncDays,
    });
  }
  return { ok: true, config: { mailboxes, pollMs: parsed.data.pollSeconds * 1000 } };
}

function readToken(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** The credentials to log in with now: a token file is read again at each connection. */
export function credentialsOf(settings: Pick<MailboxSettings, 'auth' | 'address'>): { pass: string } | { accessToken: string } {
  const { auth } = settings;
  if (!('accessTokenFile' in auth)) return auth;
  const token = readToken(auth.accessTokenFile);
  if (token === null) throw Object.assign(new Error('the access token file cannot be read'), { code: 'TokenFileUnreadable' });
  return { accessToken: token };
}
