// The mail watcher: reads the headers of new mail in each configured mailbox's inbox and Sent folder
// over IMAP (imapflow), and hands each message to the core's recordMessage. It translates and keeps
// connections; what a message means, retry timing and what the team is told are the core's.
import { ImapFlow } from 'imapflow';
import type { Core } from '../../core/core.js';
import { readMail, type MailHeaders } from '../../core/mail/read-mail.js';
import { failureNoticeMessage, retryDelayMs, shouldTellFailure } from '../../core/mail/mailbox-health.js';
import type { Digest, Workspace } from '../../core/model/index.js';
import type { Clock, FolderCursor, Logger, MailboxState, Mailboxes, MailFolderRole, Store } from '../../core/ports/index.js';
import { FETCH_QUERY, mailHeaders } from './headers.js';
import { credentialsOf, type MailboxSettings } from './mail-config.js';

export interface MailWatcherDeps {
  readonly core: Pick<Core, 'recordMessage'>;
  readonly store: Pick<Store, 'findWorkspace'>;
  readonly mailboxes: Mailboxes;
  readonly settings: readonly MailboxSettings[];
  readonly clock: Clock;
  readonly logger: Logger;
  readonly random: () => number;
  /** Posts a notice to the workspace's digest channel; resolves when it is posted (or given up). */
  readonly notify: (workspace: Workspace, message: Digest, key: string) => Promise<void>;
  /** How often every mailbox is synced besides IDLE's news (default a minute). */
  readonly pollMs?: number;
  /** Longest wait for the server to answer while connecting (default 30 s). */
  readonly connectTimeoutMs?: number;
}

/** What one sync round did, for logs and tests. */
export interface SyncReport {
  readonly read: number;
  readonly recorded: number;
  readonly opened: number;
  readonly closed: number;
  readonly skipped: number;
  readonly failed: readonly string[];
}

export interface MailWatcher {
  /** One round over every mailbox not waiting out a backoff: read what is new, record it in date order. */
  syncOnce(): Promise<SyncReport>;
  /** Syncs now, then on IDLE's news of new inbox mail and every pollMs. */
  start(): void;
  /** Waits for a round in progress, then logs out of every mailbox. */
  stop(): Promise<void>;
  /** The last known state of each mailbox this watcher has reached (for the operator's metrics). */
  states(): readonly MailboxState[];
}

interface Runner {
  readonly settings: MailboxSettings;
  workspace: Workspace | null;
  state: MailboxState | null;
  client: ImapFlow | null;
  sentPath: string | null;
  /** Not before this time (ms) after a failure. */
  retryAt: number;
}

interface Seen {
  readonly runner: Runner;
  readonly role: MailFolderRole;
  readonly headers: MailHeaders;
}

export function createMailWatcher(deps: MailWatcherDeps): MailWatcher {
  const { logger, clock } = deps;
  const runners: Runner[] = deps.settings.map((settings) => ({ settings, workspace: null, state: null, client: null, sentPath: null, retryAt: 0 }));
  let running: Promise<SyncReport> | null = null;
  let again = false;
  let stopped = true;
  let timer: NodeJS.Timeout | null = null;
  let soon: NodeJS.Timeout | null = null;

  async function connect(runner: Runner): Promise<ImapFlow> {
    if (runner.client?.usable) return runner.client;
    const s = runner.settings;
    const client = new ImapFlow({
      host: s.host,
      port: s.port,
      secure: s.tls,
      auth: { user: s.user, ...credentialsOf(s) },
      logger: false,
      connectionTimeout: deps.connectTimeoutMs ?? 30_000,
      greetingTimeout: deps.connectTimeoutMs ?? 30_000,
      // IDLE a second after the last command (imapflow's default waits 15 s), so news of inbox mail
      // arrives soon after a round.
      autoIdleDelay: 1_000,
    });
    // Errors also reject the command that met them; this keeps a dropped socket from crashing the process.
    client.on('error', (error: unknown) => logger.warn({ mailbox: runner.state?.id, code: codeOf(error) }, 'mail connection error'));
    client.on('close', () => {
      if (runner.client === client) runner.client = null;
      if (runner.state) deps.mailboxes.disconnected(runner.state.id).catch(() => undefined);
      if (!stopped) later(1_000);
    });
    // IDLE (or imapflow's NOOP polling where the server lacks it) reports new inbox mail here.
    client.on('exists', () => later(200));
    await client.connect();
    runner.client = client;
    runner.sentPath = s.sent ?? (await client.list()).find((m) => m.specialUse === '\\Sent')?.path ?? null;
    return client;
  }

  /** New messages of one folder since its cursor, and the cursor after them. */
  async function readFolder(runner: Runner, client: ImapFlow, role: MailFolderRole, path: string): Promise<{ seen: Seen[]; cursor: FolderCursor }> {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      const box = client.mailbox;
      if (box === false) throw new Error(`folder ${path} is not open`);
      const uidValidity = String(box.uidValidity);
      const known = runner.state!.cursors[role];
      const resume = known !== null && known.uidValidity === uidValidity ? known.lastUid : null;
      // UIDNEXT as of opening the folder: a folder kept open for IDLE learns of new mail without it.
      const newest = box.uidNext - 1;
      const seen: Seen[] = [];
      if (resume !== null && box.exists === 0) return { seen, cursor: known! };
      let range: string | number[];
      if (resume !== null) range = `${resume + 1}:*`;
      else {
        // First sight of this folder (or a new UIDVALIDITY): only recent mail; older mail is taken as handled.
        const since = new Date(clock.now().getTime() - runner.settings.firstSyncDays * 86_400_000);
        const found = await client.search({ since }, { uid: true });
        range = found === false || found === undefined ? [] : found;
      }
      let last = resume ?? newest;
      if (Array.isArray(range) && range.length === 0) return { seen, cursor: { uidValidity, lastUid: Math.max(last, 0) } };
      for await (const message of client.fetch(range, FETCH_QUERY, { uid: true })) {
        // "n:*" always returns the newest message, even one already read.
        if (resume !== null && message.uid <= resume) continue;
        seen.push({ runner, role, headers: await mailHeaders(message) });
        last = Math.max(last, message.uid);
      }
      return { seen, cursor: { uidValidity, lastUid: Math.max(last, 0) } };
    } finally {
      lock.release();
    }
  }

  async function prepare(runner: Runner): Promise<boolean> {
    if (runner.workspace === null) {
      const { platform, externalId } = runner.settings.workspace;
      runner.workspace = await deps.store.findWorkspace(platform, externalId);
      if (runner.workspace === null) {
        logger.warn({ platform }, 'a configured mailbox belongs to a workspace Rapport does not know yet; skipped');
        return false;
      }
    }
    runner.state ??= await deps.mailboxes.ensure({ workspaceId: runner.workspace.id, address: runner.settings.address, host: runner.settings.host });
    return true;
  }

  async function fail(runner: Runner, error: unknown): Promise<void> {
    const reason = describe(error, runner.settings);
    const now = clock.now();
    const client = runner.client;
    runner.client = null;
    client?.close();
    if (runner.state === null) return;
    const state = await deps.mailboxes.failed(runner.state.id, reason, now);
    runner.state = state;
    runner.retryAt = now.getTime() + retryDelayMs(state.failures, deps.random());
    // The reason names the login; the status line shows it to staff, the log keeps only the code.
    logger.warn({ mailbox: state.id, failures: state.failures, code: codeOf(error) }, 'mailbox sync failed; retrying later');
    if (runner.workspace && shouldTellFailure(state) && (await deps.mailboxes.noticeSent(state.id, now))) {
      const key = `mail:${state.id}:${(state.failingSince ?? now).toISOString()}`;
      await deps.notify(runner.workspace, failureNoticeMessage(runner.workspace, state, now), key).catch((e: unknown) => logger.warn({ code: codeOf(e) }, 'the mail failure notice could not be posted'));
    }
  }

  async function round(): Promise<SyncReport> {
    const now = clock.now().getTime();
    const seen: Seen[] = [];
    const cursors: { runner: Runner; role: MailFolderRole; cursor: FolderCursor }[] = [];
    const failed: string[] = [];
    const done: Runner[] = [];
    for (const runner of runners) {
      if (runner.retryAt > now) continue;
      try {
        if (!(await prepare(runner))) continue;
        const client = await connect(runner);
        const folders: [MailFolderRole, string][] = [];
        if (runner.sentPath) folders.push(['sent', runner.sentPath]);
        // The inbox last, so that it stays selected and IDLE watches it.
        folders.push(['inbox', runner.settings.inbox]);
        const mine: Seen[] = [];
        for (const [role, path] of folders) {
          const read = await readFolder(runner, client, role, path);
          mine.push(...read.seen);
          cursors.push({ runner, role, cursor: read.cursor });
        }
        seen.push(...mine);
        done.push(runner);
      } catch (error) {
        cursors.splice(0, cursors.length, ...cursors.filter((c) => c.runner !== runner));
        failed.push(runner.settings.address);
        await fail(runner, error);
      }
    }
    // One timeline across every mailbox: a reply is recorded after the message it answers, however
    // the folders were read, so it can close it; a reply older than a message never closes it.
    seen.sort((a, b) => a.headers.receivedAt.getTime() - b.headers.receivedAt.getTime() || (a.role === b.role ? 0 : a.role === 'inbox' ? -1 : 1));
    let recorded = 0;
    let opened = 0;
    let closed = 0;
    let skipped = 0;
    for (const item of seen) {
      const read = readMail(item.headers, item.role, { team: item.runner.settings.team, dropSubjects: item.runner.settings.dropSubjects });
      if (!read.ok) {
        skipped++;
        continue;
      }
      const outcome = await deps.core.recordMessage({ workspace: item.runner.workspace!, now: clock.now() }, read.message);
      if (outcome.status === 'recorded') {
        recorded++;
        opened += outcome.opened;
        closed += outcome.closed;
      } else skipped++;
    }
    // Cursors move only after everything before them is recorded: a crash above reads it again.
    for (const { runner, role, cursor } of cursors) await deps.mailboxes.saveCursor(runner.state!.id, role, cursor);
    for (const runner of done) {
      await deps.mailboxes.synced(runner.state!.id, clock.now());
      runner.state = await deps.mailboxes.get(runner.state!.id);
      runner.retryAt = 0;
    }
    const report = { read: seen.length, recorded, opened, closed, skipped, failed };
    if (seen.length > 0 || failed.length > 0) logger.info(report, 'mail sync round');
    return report;
  }

  function syncOnce(): Promise<SyncReport> {
    if (running) {
      again = true;
      return running;
    }
    running = round().finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        later(0);
      }
    });
    return running;
  }

  function later(ms: number): void {
    if (stopped || soon) return;
    soon = setTimeout(() => {
      soon = null;
      syncOnce().catch((error: unknown) => logger.error({ err: error }, 'mail sync round failed'));
    }, ms);
  }

  return {
    syncOnce,
    start() {
      stopped = false;
      later(0);
      timer = setInterval(() => later(0), deps.pollMs ?? 60_000);
    },
    states() {
      return runners.flatMap((runner) => (runner.state ? [runner.state] : []));
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      if (soon) clearTimeout(soon);
      soon = null;
      await running?.catch(() => undefined);
      for (const runner of runners) {
        const client = runner.client;
        runner.client = null;
        if (client) await client.logout().catch(() => client.close());
        if (runner.state) await deps.mailboxes.disconnected(runner.state.id);
      }
    },
  };
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** A reason fit for the status line and the digest channel: never the password, token or a message. */
function describe(error: unknown, s: MailboxSettings): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { authenticationFailed?: boolean; code?: string; serverResponseCode?: string };
  if (e.authenticationFailed || e.serverResponseCode === 'AUTHENTICATIONFAILED') return `login refused for ${s.user}: check the ${'pass' in s.auth ? 'password (Gmail needs an app password; Microsoft 365 an OAuth2 token)' : 'access token'}`;
  switch (e.code) {
    case 'ECONNREFUSED':
      return `connection refused by ${s.host}:${s.port}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host ${s.host} not found`;
    case 'ETIMEDOUT':
    case 'CONNECT_TIMEOUT':
    case 'GREETING_TIMEOUT':
      return `no answer from ${s.host}:${s.port}`;
    case 'NoConnection':
    case 'EConnectionClosed':
    case 'ECONNRESET':
    case 'EPIPE':
      return `connection to ${s.host}:${s.port} lost`;
    case 'TokenFileUnreadable':
      return 'the access token file cannot be read or is empty';
    default:
      if (typeof e.code === 'string' && /^[A-Za-z_]{2,40}$/.test(e.code)) return `${e.code} from ${s.host}:${s.port}`;
      return `IMAP error from ${s.host}:${s.port}`;
  }
}
