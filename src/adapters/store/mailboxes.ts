// The Mailboxes port on Prisma: one Mailbox row per configured mailbox, holding where reading
// stopped (last UID and UIDVALIDITY of the inbox and the Sent folder) and how watching goes. No
// credentials: those stay in the mail configuration and the environment.
import type { FolderCursor, MailboxState, Mailboxes, MailFolderRole } from '../../core/ports/mailboxes.js';
import type { Db } from './database.js';
import type { Scope, Tx } from './scope.js';
import { isUniqueViolation } from './unique.js';

interface MailboxRow {
  id: string;
  workspaceId: string;
  address: string;
  host: string;
  lastUid: number | null;
  uidValidity: string | null;
  sentLastUid: number | null;
  sentUidValidity: string | null;
  checkedAt: Date | null;
  connected: boolean;
  lastError: string | null;
  failures: number;
  failingSince: Date | null;
  noticeSentAt: Date | null;
}

const cursor = (uidValidity: string | null, lastUid: number | null): FolderCursor | null =>
  uidValidity === null || lastUid === null ? null : { uidValidity, lastUid };

export function toMailboxState(row: MailboxRow): MailboxState {
  const { lastUid, uidValidity, sentLastUid, sentUidValidity, ...rest } = row;
  return { ...rest, cursors: { inbox: cursor(uidValidity, lastUid), sent: cursor(sentUidValidity, sentLastUid) } };
}

const FIELDS: Record<MailFolderRole, { uid: 'lastUid' | 'sentLastUid'; validity: 'uidValidity' | 'sentUidValidity' }> = {
  inbox: { uid: 'lastUid', validity: 'uidValidity' },
  sent: { uid: 'sentLastUid', validity: 'sentUidValidity' },
};

/** A reason short enough for a status line; the watcher writes it, so it holds no secret. */
const short = (reason: string) => (reason.length > 300 ? `${reason.slice(0, 299)}…` : reason);

export function createMailboxes(db: Db): Mailboxes {
  const get = async (id: string) => {
    const row = await db.mailbox.findUnique({ where: { id } });
    return row === null ? null : toMailboxState(row);
  };
  return {
    async ensure({ workspaceId, address, host }) {
      const key = { workspaceId_address: { workspaceId, address: address.toLowerCase() } };
      const found = await db.mailbox.findUnique({ where: key });
      if (found) {
        // The same address moved to another server: its UIDs mean nothing there.
        if (found.host === host) return toMailboxState(found);
        return toMailboxState(await db.mailbox.update({ where: key, data: { host, lastUid: null, uidValidity: null, sentLastUid: null, sentUidValidity: null } }));
      }
      try {
        return toMailboxState(await db.mailbox.create({ data: { workspaceId, address: address.toLowerCase(), host } }));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return toMailboxState((await db.mailbox.findUnique({ where: key }))!);
      }
    },
    get,
    async saveCursor(id, role, next) {
      const f = FIELDS[role];
      // Forward only within one UIDVALIDITY; a new UIDVALIDITY starts over.
      await db.mailbox.updateMany({
        where: { id, OR: [{ [f.validity]: null }, { [f.validity]: { not: next.uidValidity } }, { [f.uid]: null }, { [f.uid]: { lt: next.lastUid } }] },
        data: { [f.validity]: next.uidValidity, [f.uid]: next.lastUid },
      });
    },
    async synced(id, at) {
      await db.mailbox.updateMany({ where: { id }, data: { connected: true, checkedAt: at, lastError: null, failures: 0, failingSince: null, noticeSentAt: null } });
    },
    async disconnected(id) {
      await db.mailbox.updateMany({ where: { id }, data: { connected: false } });
    },
    async failed(id, reason, at) {
      await db.mailbox.updateMany({ where: { id }, data: { connected: false, lastError: short(reason), failures: { increment: 1 } } });
      await db.mailbox.updateMany({ where: { id, failingSince: null }, data: { failingSince: at } });
      const state = await get(id);
      if (state === null) throw new Error(`mailbox ${id} does not exist`);
      return state;
    },
    async noticeSent(id, at) {
      const { count } = await db.mailbox.updateMany({ where: { id, noticeSentAt: null }, data: { noticeSentAt: at } });
      return count === 1;
    },
  };
}

/** The workspace's mailboxes, for the WorkspaceStore (`/client mail status`). */
export async function mailboxStates(scope: Scope): Promise<MailboxState[]> {
  const db: Tx = scope.db;
  const rows = await db.mailbox.findMany({ where: { workspaceId: scope.workspaceId }, orderBy: { address: 'asc' } });
  return rows.map(toMailboxState);
}
