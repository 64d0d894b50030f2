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
  /** Inside a transaction: ids this transaction has read from this workspace, so needing no ownership check again. */
  readonly known?: KnownIds;
}

/**
 * Client and member ids an open transaction has already read with this workspace's filter. A row
 * read inside the transaction stays in the workspace until the transaction itself removes it (it
 * then forgets the id), so linking to it needs no second query: a `/client log` checks its client
 * and its author once, not twice.
 */
export class KnownIds {
  readonly clients = new Set<string>();
  readonly members = new Set<string>();
}

/** Thrown when a caller passes an id that is not in this workspace: a bug in the caller. */
export class NotInWorkspaceError extends Error {
  constructor(what: string, id: string) {
    super(`${what} ${id} is not in this workspace`);
    this.name = 'NotInWorkspaceError';
  }
}

export async function requireClient(scope: Scope, clientId: string): Promise<void> {
  if (scope.known?.clients.has(clientId)) return;
  const found = await scope.db.client.findFirst({ where: { id: clientId, workspaceId: scope.workspaceId }, select: { id: true } });
  if (found === null) throw new NotInWorkspaceError('client', clientId);
}

/** Checks an optional member reference (owner, author, logger) before it is stored. */
export async function requireMember(scope: Scope, memberId: string | null | undefined): Promise<void> {
  if (memberId === null || memberId === undefined || scope.known?.members.has(memberId)) return;
  const found = await scope.db.member.findFirst({ where: { id: memberId, workspaceId: scope.workspaceId }, select: { id: true } });
  if (found === null) throw new NotInWorkspaceError('member', memberId);
}
