/**
 * Runs `/client` lines through the real core on a real store, the way an adapter would.
 *
 *   forEachDatabase((db) => {
 *     const h = useHarness(db);            // opens the store before the tests, closes it after
 *     it('…', async () => { const reply = await h.run('/client add Acme'); … });
 *   });
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import { openStore, type OpenedStore } from '../../src/adapters/store/index.js';
import { corePortLogger, createLogger } from '../../src/adapters/logging/logger.js';
import type { Reply, Workspace } from '../../src/core/model/index.js';
import type { Logger } from '../../src/core/ports/index.js';
import type { GiftCatalog } from '../../src/core/care/gift-catalog.js';
import { createCore } from '../../src/core/core.js';
import type { TestDatabase } from './databases.js';

export const DEFAULT_NOW = new Date('2026-03-10T15:00:00Z'); // a Tuesday afternoon in London

const TABLES = ['workspace', 'member', 'client', 'clientAlias', 'contact', 'contactEmail', 'familyMember', 'like', 'note', 'importantDate', 'interaction', 'followUp', 'gift', 'nudgeAck'] as const;
export type RowCounts = Record<(typeof TABLES)[number], number>;

export interface Harness {
  readonly opened: OpenedStore;
  readonly workspace: Workspace;
  /** Everything the logger wrote, as raw JSON lines. */
  readonly logText: () => string;
  /** The logger the harness gives the core, writing into logText. */
  readonly logger: Logger;
  run(line: string, options?: { now?: Date; actor?: { platformUserId: string; displayName: string }; mentionsByName?: boolean }): Promise<Reply>;
  /** Row counts of every table, to prove that a failed command wrote nothing. */
  rowCounts(): Promise<RowCounts>;
}

export function useHarness(db: TestDatabase, options: { workspaceName?: string; timeZone?: string; giftCatalog?: GiftCatalog } = {}): Harness {
  let opened: OpenedStore | undefined;
  let workspace: Workspace | undefined;
  let log = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      log += chunk.toString();
      done();
    },
  });
  const logger = corePortLogger(createLogger({ level: 'trace', destination: sink }));
  beforeAll(async () => {
    opened = await openStore({ databaseUrl: db.url, logger });
    workspace = await opened.store.ensureWorkspace({ platform: 'console', externalId: options.workspaceName ?? 'test', name: options.workspaceName ?? 'Test team', timeZone: options.timeZone ?? 'Europe/London' });
  });
  afterAll(async () => {
    await opened?.close();
  });
  const get = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the harness is ready only inside tests');
    return value;
  };
  return {
    get opened() {
      return get(opened);
    },
    get workspace() {
      return get(workspace);
    },
    logText: () => log,
    logger,
    async run(line, runOptions = {}) {
      const { store } = get(opened);
      const current = await store.workspace(get(workspace).id).getWorkspace();
      const core = createCore({ store, logger, ...(options.giftCatalog ? { giftCatalog: options.giftCatalog } : {}) });
      return core.runLine({ workspace: current, actor: runOptions.actor ?? { platformUserId: 'U_SAM', displayName: 'Sam' }, now: runOptions.now ?? DEFAULT_NOW, ...(runOptions.mentionsByName ? { mentionsByName: true } : {}) }, line);
    },
    async rowCounts() {
      const prisma = get(opened).store.db as unknown as Record<string, { count(): Promise<number> }>;
      const counts = await Promise.all(TABLES.map(async (table) => [table, await prisma[table]!.count()] as const));
      return Object.fromEntries(counts) as RowCounts;
    },
  };
}
