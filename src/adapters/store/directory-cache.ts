// The client directory (every client's name and aliases) of recently used workspaces, kept in this
// process. A command that has to match a prefix or a near miss, and every keystroke of a client
// picker, reads it; with the cache that is one indexed read of the workspace's directory stamp
// instead of every client and alias row. The stamp changes, in the same transaction, whenever a
// client is added, renamed, aliased or removed (by any replica), and takes a value never used
// before, so a cached directory is served only while it is exactly what the database holds.
import { randomUUID } from 'node:crypto';
import type { ClientName } from '../../core/ports/store.js';
import type { Scope } from './scope.js';

export class DirectoryCache {
  private readonly entries = new Map<string, { readonly stamp: string; readonly directory: readonly ClientName[] }>();

  /** capacity: workspaces kept; the least recently used goes first. */
  constructor(private readonly capacity = 256) {}

  get(workspaceId: string, stamp: string): readonly ClientName[] | undefined {
    const entry = this.entries.get(workspaceId);
    if (entry === undefined || entry.stamp !== stamp) return undefined;
    this.entries.delete(workspaceId);
    this.entries.set(workspaceId, entry);
    return entry.directory;
  }

  set(workspaceId: string, stamp: string, directory: readonly ClientName[]): void {
    this.entries.delete(workspaceId);
    this.entries.set(workspaceId, { stamp, directory });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** The directory through the scope's cache when it has one; `read` fetches it from the database. */
export async function cachedDirectory(scope: Scope, read: () => Promise<ClientName[]>): Promise<ClientName[]> {
  const cache = scope.directoryCache;
  if (cache === undefined) return read();
  const row = await scope.db.workspace.findUnique({ where: { id: scope.workspaceId }, select: { directoryStamp: true } });
  if (row === null) return [];
  const hit = cache.get(scope.workspaceId, row.directoryStamp);
  if (hit !== undefined) return [...hit];
  // Read after the stamp: if a change lands in between, the content is newer than the stamp it is
  // kept under, and the next read (which sees the new stamp) reads again.
  const directory = await read();
  cache.set(scope.workspaceId, row.directoryStamp, directory);
  return [...directory];
}

/** Marks the directory changed; call it in the transaction that adds, renames, aliases or removes a client. */
export async function directoryChanged(scope: Scope): Promise<void> {
  await scope.db.workspace.updateMany({ where: { id: scope.workspaceId }, data: { directoryStamp: randomUUID() } });
}
