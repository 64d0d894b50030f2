/** Where reading a folder resumes: valid only while the folder keeps this UIDVALIDITY. */
export interface FolderCursor {
  readonly uidValidity: string;
  readonly lastUid: number;
}

/** The folders of a mailbox the watcher reads: client mail comes in; the team's replies go out. */
export type MailFolderRole = 'inbox' | 'sent';

/** A watched mailbox as the store keeps it: where reading stopped and how it went. No credentials. */
export interface MailboxState {
  readonly id: string;
  readonly workspaceId: string;
  readonly address: string;
  readonly host: string;
  readonly connected: boolean;
  /** The last sync that completed. */
  readonly checkedAt: Date | null;
  readonly lastError: string | null;
  /** Attempts failed in a row. */
  readonly failures: number;
  readonly failingSince: Date | null;
  /** When the digest channel was told about the current run of failures. */
  readonly noticeSentAt: Date | null;
  readonly cursors: Readonly<Record<MailFolderRole, FolderCursor | null>>;
}

/**
 * The mail watcher's memory, kept by the store: one row per configured mailbox. Every method is
 * idempotent, and a cursor only ever moves forward, so a crash between reading and saving at worst
 * reads a few messages again (recordMessage records each Message-ID once).
 */
export interface Mailboxes {
  /** The row of a configured mailbox, created on first sight. */
  ensure(input: { readonly workspaceId: string; readonly address: string; readonly host: string }): Promise<MailboxState>;
  get(mailboxId: string): Promise<MailboxState | null>;
  /** Saves where a folder's reading stopped; a new UIDVALIDITY replaces the old cursor. */
  saveCursor(mailboxId: string, role: MailFolderRole, cursor: FolderCursor): Promise<void>;
  /** A sync completed: connected, error and failures cleared. */
  synced(mailboxId: string, at: Date): Promise<void>;
  /** The connection closed without a fault (shutting down, the server said goodbye). */
  disconnected(mailboxId: string): Promise<void>;
  /** An attempt failed: disconnected, with a short reason; returns the state after. */
  failed(mailboxId: string, reason: string, at: Date): Promise<MailboxState>;
  /** Marks the current run of failures as told; true only for the call that set it. */
  noticeSent(mailboxId: string, at: Date): Promise<boolean>;
}
