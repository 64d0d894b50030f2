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
}

const ACTOR = { platformUserId: 'import', displayName: 'Import' } as const;

class RowRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
class DryRunRollback extends Error {}

/**
 * Sends each record to the core, one transaction per row so that a rejected row leaves nothing
 * half-written and does not stop the others. Matching an existing client (a contact's email first,
 * then the client's name) happens here; every write is a core command with typed values.
 */
export async function importRecords(options: ImportOptions): Promise<RowResult[]> {
  const { store, workspace, records, dryRun } = options;
  const results: RowResult[] = [];
  const root = store.workspace(workspace.id);
  const runAll = async (ws: WorkspaceStore) => {
    for (const record of records) {
      let result: RowResult;
      try {
        const status = await ws.transaction((tx) => importRow(options, bound(store, tx), tx, record));
        result = { line: record.line, client: record.client, status };
      } catch (error) {
        if (!(error instanceof RowRejected)) throw error;
        result = { line: record.line, client: record.client, status: 'rejected', reason: error.reason };
      }
      results.push(result);
      options.onRow?.(result);
    }
  };
  if (!dryRun) {
    await runAll(root);
    return results;
  }
  try {
    await root.transaction(async (tx) => {
      await runAll(tx);
      throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
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
    if (!/is already known/.test(reply.text)) changed = true;
  }
  for (const [kind, date] of [['birthday', record.birthday], ['wedding-anniversary', record.anniversary]] as const) {
    if (date === undefined) continue;
    const reply = await run('date', { client, kind, date });
    if (!/^Already known/.test(reply.text)) changed = true;
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
