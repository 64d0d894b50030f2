// A real IMAP server for tests: Debian's Dovecot, run from a throw-away configuration and maildir in
// a temporary folder on 127.0.0.1 (recipe in the shared IMAP testing notes). No system service is
// involved; stop() kills the master process by its pid and removes the folder.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort, until } from './process-helpers.js';
import { connect } from 'node:net';

export const DOVECOT = '/usr/sbin/dovecot';

export interface Dovecot {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly dir: string;
  /** Stops the server (connections are cut, new ones refused); the mail stays for start(). */
  halt(): Promise<void>;
  /** Starts it again on the same port with the same mail. */
  start(): Promise<void>;
  /** Stops it for good and removes its folder. */
  stop(): Promise<void>;
  /** An IMAP client logged in as this user (for putting mail in place as a mail server would). */
  client(user: string): Promise<ImapFlow>;
  /** Puts one raw RFC 5322 message into a folder (created when missing); resolves with its UID. */
  append(user: string, folder: string, raw: string, options?: { readonly date?: Date; readonly seen?: boolean }): Promise<number>;
}

/** Starts Dovecot with these users (address → password). */
export async function startDovecot(users: Readonly<Record<string, string>>): Promise<Dovecot> {
  if (!existsSync(DOVECOT)) throw new Error(`Dovecot is not installed (${DOVECOT}): the mail tests run a real IMAP server on 127.0.0.1. Install Debian's dovecot-imapd (apt-get install dovecot-imapd); .ci/run does.`);
  const dir = mkdtempSync(join(tmpdir(), 'rapport-dovecot-'));
  // Dovecot's auth and mail processes run as its own users and must reach the folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const mail = join(dir, 'mail');
  mkdirSync(mail);
  mkdirSync(join(dir, 'run'));
  writeFileSync(join(dir, 'users'), Object.entries(users).map(([u, p]) => `${u}:{PLAIN}${p}`).join('\n') + '\n');
  const root = userInfo().uid === 0;
  // As root, Dovecot drops to its own users, which must own the mail; otherwise it runs as us.
  const owner = root ? 'uid=dovecot gid=dovecot' : `uid=${userInfo().uid} gid=${userInfo().gid}`;
  if (root) {
    const ids = execFileSync('id', ['-u', 'dovecot']).toString().trim();
    const gid = execFileSync('id', ['-g', 'dovecot']).toString().trim();
    chownSync(mail, Number(ids), Number(gid));
  }
  const conf = [
    `base_dir = ${join(dir, 'run')}`,
    `state_dir = ${join(dir, 'run')}`,
    `log_path = ${join(dir, 'dovecot.log')}`,
    `protocols = imap`,
    `listen = 127.0.0.1`,
    `ssl = no`,
    `disable_plaintext_auth = no`,
    `auth_mechanisms = plain login`,
    // Tests try wrong passwords on purpose; the default 2 s penalty would only slow them down.
    `auth_failure_delay = 0`,
    `mail_location = maildir:${mail}/%u`,
    `default_login_user = ${root ? 'dovenull' : userInfo().username}`,
    `default_internal_user = ${root ? 'dovecot' : userInfo().username}`,
    `first_valid_uid = 1`,
    `first_valid_gid = 1`,
    `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${join(dir, 'users')}\n}`,
    `userdb {\n  driver = static\n  args = ${owner} home=${mail}/%u\n}`,
    `service imap-login {\n  chroot =\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
    `service anvil {\n  chroot =\n  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n}`,
    `namespace inbox {\n  inbox = yes\n  separator = /\n  mailbox Sent {\n    special_use = \\Sent\n    auto = create\n  }\n}`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'dovecot.conf'), conf);

  const pidFile = join(dir, 'run', 'master.pid');
  const start = async () => {
    // Dovecot daemonises; detached with no stdio so nothing here waits on it.
    const child = spawn(DOVECOT, ['-c', join(dir, 'dovecot.conf')], { detached: true, stdio: 'ignore' });
    child.unref();
    await until(async () => ((await accepts(port)) ? true : undefined), 10_000, 20);
  };
  const halt = async () => {
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    // A sudden stop, as a crashed or unplugged server: the master and its children at once, with
    // no goodbye to the clients (a polite shutdown also takes seconds).
    const children = processesUnder(pid);
    for (const p of [pid, ...children]) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(pidFile, { force: true });
    await until(async () => ([pid, ...children].some(alive) || (await accepts(port)) ? undefined : true), 10_000, 20);
  };
  await start();
  const client = async (user: string) => {
    const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: users[user]! }, logger: false });
    await c.connect();
    return c;
  };
  return {
    host: '127.0.0.1',
    port,
    dir,
    start,
    halt,
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
    client,
    async append(user, folder, raw, options = {}) {
      const c = await client(user);
      try {
        if (folder !== 'INBOX') await c.mailboxCreate(folder).catch(() => undefined);
        const result = await c.append(folder, raw, options.seen ? ['\\Seen'] : [], options.date);
        if (!result || typeof result.uid !== 'number') throw new Error('the server did not return a UID');
        return result.uid;
      } finally {
        await c.logout();
      }
    },
  };
}

function processesUnder(pid: number): number[] {
  try {
    const direct = execFileSync('pgrep', ['-P', String(pid)]).toString().trim().split('\n').filter(Boolean).map(Number);
    return direct.flatMap((c) => [c, ...processesUnder(c)]);
  } catch {
    return [];
  }
}

/** Running, not a zombie waiting for its parent (the daemon's parent is init) to reap it. */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** A raw email as a mail server stores it: headers, a blank line, a short body. */
export function rawMail(headers: Readonly<Record<string, string | undefined>>, body = 'Hello,\r\n\r\nA question about the renewal.\r\n'): string {
  const lines = Object.entries(headers).flatMap(([k, v]) => (v === undefined ? [] : [`${k}: ${v}`]));
  return [...lines, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', body].join('\r\n');
}
