// The one thing every query needs: a Prisma handle (the client or an open transaction) and the
// workspace it is bound to. Ownership checks live here so that an id from another workspace can
// never be linked to, read, or changed through this workspace's store.
import type { Prisma } from './generated/sqlite/client.js';
import type { DirectoryCache } from './directory-cache.js';

/** The root client or an interactive transaction: both answer the same model queries. */
export type Tx = Prisma.TransactionClient;

export interface Scope {
  readonly db: Tx;
  readonly workspaceId: string;
  /** Shared by every store of one PrismaStore; absent: the directory is read every time. */
  readonly directoryCache?: DirectoryCache;
}

/** Thrown when a caller passes an id that is not in this workspace: a bug in the caller. */
export class NotInWorkspaceError extends Error {
  constructor(what: string, id: string) {
    super(`${what} ${id} is not in this workspace`);
    this.name = 'NotInWorkspaceError';
  }
}

export async function requireClient(scope: Scope, clientId: string): Promise<void> {
  const found = await scope.db.client.findFirst({ where: { id: clientId, workspaceId: scope.workspaceId }, select: { id: true } });
  if (found === null) throw new NotInWorkspaceError('client', clientId);
}

/** Checks an optional member reference (owner, author, logger) before it is stored. */
export async function requireMember(scope: Scope, memberId: string | null | undefined): Promise<void> {
  if (memberId === null || memberId === undefined) return;
  const found = await scope.db.member.findFirst({ where: { id: memberId, workspaceId: scope.workspaceId }, select: { id: true } });
  if (found === null) throw new NotInWorkspaceError('member', memberId);
}
