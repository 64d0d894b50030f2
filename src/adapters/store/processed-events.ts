// The ProcessedEvents port on Prisma: the row's primary key makes the claim atomic on both providers.
import type { Platform } from '../../core/model/index.js';
import type { ProcessedEvents } from '../../core/ports/processed-events.js';
import type { Db } from './database.js';
import { isUniqueViolation } from './unique.js';

const rowId = (platform: Platform, eventId: string) => `${platform}:${eventId}`;

export function createProcessedEvents(db: Db): ProcessedEvents {
  return {
    async claim(platform, eventId, at) {
      try {
        await db.processedEvent.create({ data: { id: rowId(platform, eventId), processedAt: at } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async release(platform, eventId) {
      await db.processedEvent.deleteMany({ where: { id: rowId(platform, eventId) } });
    },

    async forgetBefore(cutoff) {
      const gone = await db.processedEvent.deleteMany({ where: { processedAt: { lt: cutoff } } });
      return gone.count;
    },
  };
}
