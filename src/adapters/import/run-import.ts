import type { Core } from '../../core/core.js';
import type { Reply, Workspace } from '../../core/model/index.js';
import type { Store, WorkspaceStore } from '../../core/ports/index.js';
import type { ImportRecord, RowProblem } from './record.js';

export type RowResult = { readonly line: number; readonly client: string; readonly status: 'created' | 'updated' | 'unchanged' } | { readonly line: number; readonly client: string; readonly status: 'rejected'; readonly reason: string };

export interface ImportOptions {
  /** Builds the core over a store; each row gets one whose workspace is bound to the row's transaction. */
  readonly core: (store: Store) => Core;
  readonly store: Store;
  readonly workspace: Workspace;
  readonly now: Date;
  readonly records: readonly ImportRecord[];
  /** Plan only: everything runs in one transaction that is rolled back at the end. */
  readonly dryRun: boolean;
  readonly onRow?: (result: RowResult) => void;
  /** Rows per transaction; BATCH_ROWS unless a test wants small batches. */
  readonly batchRows?: number;
}

const ACTOR = { platformUserId: 'import', displayName: 'Import' } as const;

class RowRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
class DryRunRollback extends Error {}

/** Rows written per transaction: commits (each a few fsyncs on SQLite) are most of a row's cost, yet a batch holds the write lock only briefly. */
export const BATCH_ROWS = 50;

/** Thrown to roll a batch back when one of its rows is rejected; the batch is then redone row by row. */
class BatchHasRejection extends Error {}

/**
 * Sends each record to the core. Rows go in batches of BATCH_ROWS, one transaction each; when a row
 * of a batch is rejected, the whole batch is rolled back and redone one transaction per row, so a
 * rejected row leaves nothing half-written and does not stop the others. Matching an existing client
 * (a contact's email first, then the client's name) happens here; every write is a core command
 * with typed values. Results are reported only once their rows are committed.
 */
export async function importRecords(options: ImportOptions): Promise<RowResult[]> {
  const { store, workspace, records, dryRun } = options;
  const results: RowResult[] = [];
  const root = store.workspace(workspace.id);
  /** Runs one row in the transaction `tx`: its result, or rejected with the core's reason. */
  const attempt = async (tx: WorkspaceStore, record: ImportRecord): Promise<RowResult> => {
    try {
      const status = await importRow(options, bound(store, tx), tx, record);
      return { line: record.line, client: record.client, status };
    } catch (error) {
      if (!(error instanceof RowRejected)) throw error;
      return { line: record.line, client: record.client, status: 'rejected', reason: error.reason };
    }
  };
  const report = (batch: readonly RowResult[]) => {
    results.push(...batch);
    for (const r of batch) options.onRow?.(r);
  };
  if (dryRun) {
    // One transaction for the whole file, rolled back at the end: nothing here is ever committed.
    try {
      await root.transaction(async (tx) => {
        for (const record of records) report([await tx.transaction((row) => attempt(row, record))]);
        throw new DryRunRollback();
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    return results;
  }
  const size = Math.max(1, options.batchRows ?? BATCH_ROWS);
  for (let i = 0; i < records.length; i += size) {
    const batch = records.slice(i, i + size);
    let done: RowResult[] | null = null;
    try {
      done = await root.transaction(async (tx) => {
        const out: RowResult[] = [];
        for (const record of batch) {
          const result = await attempt(tx, record);
          if (result.status === 'rejected') throw new BatchHasRejection();
          out.push(result);
        }
        return out;
      });
    } catch (error) {
      if (!(error instanceof BatchHasRejection)) throw error;
    }
    if (done === null) {
      done = [];
      for (const record of batch) {
        const result = await root.transaction(async (tx) => {
          const r = await attempt(tx, record);
          // A rejected row's own writes are undone with its transaction.
          if (r.status === 'rejected') throw new RowRejected(r.reason);
          return r;
        }).catch((error: unknown) => {
          if (error instanceof RowRejected) return { line: record.line, client: record.client, status: 'rejected' as const, reason: error.reason };
          throw error;
        });
        done.push(result);
      }
    }
    report(done);
  }
  return results;
}

/** The store as the core sees it, with this workspace bound to the row's transaction. */
function bound(store: Store, tx: WorkspaceStore): Store {
  return new Proxy(store, { get: (target, key, receiver) => (key === 'workspace' ? () => tx : Reflect.get(target, key, receiver)) });
}

async function importRow(options: ImportOptions, store: Store, tx: WorkspaceStore, record: ImportRecord): Promise<'created' | 'updated' | 'unchanged'> {
  const core = options.core(store);
  const ctx = { workspace: options.workspace, actor: ACTOR, now: options.now, via: 'import', mentionsByName: options.workspace.platform === 'console' } as const;
  const run = async (command: string, values: Parameters<Core['run']>[2]): Promise<Reply> => {
    const reply = await core.run(ctx, command, values);
    if (!reply.ok) throw new RowRejected(`${command}: ${reply.text}`);
    return reply;
  };
  let clientId = await matchClient(tx, record);
  let changed = false;
  const created = clientId === null;
  if (clientId === null) {
    await run('add', { name: record.client, tier: record.tier, ...(record.owner !== undefined ? { owner: { by: 'name', name: record.owner } } : {}) });
    clientId = (await tx.clientsNamed([record.client]))[0]?.id ?? null;
    if (clientId === null) throw new Error(`client ${record.client} was added but cannot be found`);
  } else if (record.tier !== undefined) {
    const client = await tx.getClient(clientId);
    if (client !== null && client.tier !== record.tier) {
      await run('edit', { client: { by: 'id', id: clientId }, tier: record.tier });
      changed = true;
    }
  }
  const client = { by: 'id', id: clientId } as const;
  if (record.contact !== undefined || record.emails.length > 0 || record.phone !== undefined) {
    const reply = await run('contact', { client, name: record.contact ?? record.client, email: record.emails, phone: record.phone, role: record.role });
    if (reply.changed !== false) changed = true;
  }
  for (const [kind, date] of [['birthday', record.birthday], ['wedding-anniversary', record.anniversary]] as const) {
    if (date === undefined) continue;
    const reply = await run('date', { client, kind, date });
    if (reply.changed !== false) changed = true;
  }
  if (record.notes !== undefined) {
    // The note command always adds: a note already kept word for word is not added again.
    const profile = await tx.getProfile(clientId, { interactionLimit: 0 });
    if (!(profile?.notes ?? []).some((n) => n.text === record.notes)) {
      await run('note', { client, text: record.notes });
      changed = true;
    }
  }
  return created ? 'created' : changed ? 'updated' : 'unchanged';
}

/** The existing client a record means: the client of a contact with one of its emails, else the client of that name. */
async function matchClient(tx: WorkspaceStore, record: ImportRecord): Promise<string | null> {
  for (const email of record.emails) {
    const contact = await tx.findContactByEmail(email);
    if (contact !== null) return contact.clientId;
  }
  const named = await tx.clientsNamed([record.client]);
  return named[0]?.id ?? null;
}

/** Counts of a run, for the summary line. */
export function summarize(results: readonly RowResult[], readProblems: readonly RowProblem[]): Record<'created' | 'updated' | 'unchanged' | 'rejected', number> {
  const count = (status: RowResult['status']) => results.filter((r) => r.status === status).length;
  return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected') + readProblems.length };
}
