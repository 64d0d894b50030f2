// The ProcessedRequests port on the processed-event table: one row per handled delivery id, so a
// replay is refused by the primary key on every replica at once.
import type { ProcessedRequests } from '../../core/ports/processed-requests.js';
import type { Db } from './database.js';

export interface ProcessedRequestsOptions {
  /** How long an id is remembered; longer than the platform's validity window for a delivery. */
  readonly rememberMs: number;
  /** Ids start with this; only these are forgotten after rememberMs. */
  readonly prefix: string;
}

export function prismaProcessedRequests(db: Pick<Db, 'processedEvent'>, options: ProcessedRequestsOptions): ProcessedRequests {
  let prunedAt = 0;
  return {
    async claim(id, at) {
      if (!id.startsWith(options.prefix)) throw new Error(`processed-request ids start with ${options.prefix}`);
      try {
        await db.processedEvent.create({ data: { id, processedAt: at } });
      } catch (error) {
        if ((error as { code?: unknown }).code === 'P2002') return false;
        throw error;
      }
      if (at.getTime() - prunedAt > options.rememberMs) {
        prunedAt = at.getTime();
        await db.processedEvent.deleteMany({ where: { id: { startsWith: options.prefix }, processedAt: { lt: new Date(at.getTime() - options.rememberMs) } } });
      }
      return true;
    },
  };
}
