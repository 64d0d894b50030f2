// The delivery ledger port on Prisma: one Delivery row per (workspace, channel, kind, local date).
// A row is claimed before the post and marked after it, so that restarts and replicas agree on what
// was sent. The unique key makes the claim atomic on both SQLite and PostgreSQL: whoever inserts
// the row owns the delivery; everyone else reads the row and stands back.
import { z } from 'zod';
import type { ClaimOptions, DeliveryLedger, SlotKey } from '../../core/ports/delivery-ledger.js';
import type { Db } from './database.js';
import { isUniqueViolation } from './unique.js';

const DeliveryState = z.enum(['claimed', 'posted', 'skipped', 'failed']);
const DeliveryRow = z.object({
  id: z.string(),
  state: DeliveryState,
  attempts: z.number().int(),
  claimedBy: z.string().nullable(),
  claimedAt: z.date().nullable(),
});
type DeliveryRow = z.infer<typeof DeliveryRow>;

/** Why a skipped row was skipped: `missed` is known not posted; `unconfirmed` may have been posted. */
type SkipNote = 'missed' | 'unconfirmed';
const DigestKind = z.enum(['morning', 'sweep']);

const SELECT = { id: true, state: true, attempts: true, claimedBy: true, claimedAt: true } as const;

export function createDeliveryLedger(db: Db): DeliveryLedger {
  async function existing(slot: SlotKey): Promise<DeliveryRow> {
    const row = await db.delivery.findUnique({
      where: { workspaceId_channel_kind_localDate: { ...slot } },
      select: SELECT,
    });
    if (!row) throw new Error(`delivery row vanished after a unique violation: ${slot.kind} ${slot.localDate} of ${slot.workspaceId}/${slot.channel}`);
    return DeliveryRow.parse(row);
  }

  /** Whether a claimed row may be taken over: released, expired, or this instance's from a past life. */
  function abandoned(row: DeliveryRow, options: ClaimOptions): boolean {
    if (row.claimedBy === null || row.claimedAt === null) return true;
    if (row.claimedAt.getTime() <= options.now.getTime() - options.leaseMs) return true;
    return row.claimedBy === options.instanceId && !options.inFlight(row.id);
  }

  return {
    async claim(slot, options) {
      try {
        const row = await db.delivery.create({
          data: { ...slot, state: 'claimed', attempts: 1, claimedBy: options.instanceId, claimedAt: options.now, late: options.late },
          select: { id: true },
        });
        return { outcome: 'claimed', id: row.id, attempts: 1, resumed: false };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const row = await existing(slot);
      if (row.state !== 'claimed') return { outcome: 'done', state: row.state };
      if (!abandoned(row, options)) return { outcome: 'busy', claimedBy: row.claimedBy };
      // Compare-and-set on the claim we read: of two takers, exactly one update matches.
      const taken = await db.delivery.updateMany({
        where: { id: row.id, state: 'claimed', claimedBy: row.claimedBy, claimedAt: row.claimedAt },
        data: { claimedBy: options.instanceId, claimedAt: options.now, attempts: { increment: 1 }, late: options.late },
      });
      if (taken.count !== 1) return { outcome: 'busy', claimedBy: null };
      // A claim with an owner may have reached the platform before its process died: outcome unknown.
      // A released claim (retryable errors) is known not to have been posted.
      return { outcome: 'claimed', id: row.id, attempts: row.attempts + 1, resumed: row.claimedBy !== null };
    },

    async renew(id, input) {
      const renewed = await db.delivery.updateMany({
        where: { id, state: 'claimed', claimedBy: input.instanceId },
        data: { claimedAt: input.now },
      });
      return renewed.count === 1;
    },

    async markPosted(id, input) {
      await db.delivery.update({ where: { id }, data: { state: 'posted', postedAt: input.now, messageRef: input.messageRef } });
    },

    async release(id, input) {
      await db.delivery.updateMany({
        where: { id, state: 'claimed', claimedBy: input.instanceId },
        data: { claimedBy: null, claimedAt: null, note: input.reason.slice(0, 500) },
      });
    },

    async markFailed(id, input) {
      await db.delivery.update({ where: { id }, data: { state: 'failed', note: input.reason.slice(0, 500) } });
    },

    async recordSkipped(slot, input) {
      try {
        await db.delivery.create({ data: { ...slot, state: 'skipped', note: 'missed' satisfies SkipNote }, select: { id: true } });
        return true;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const row = await existing(slot);
      if (row.state !== 'claimed') return false;
      const live = row.claimedAt !== null && row.claimedAt.getTime() > input.now.getTime() - input.leaseMs;
      if (live) return false;
      // Released after retryable errors: known not posted. Abandoned mid-post: it may have been posted.
      const note: SkipNote = row.claimedBy === null ? 'missed' : 'unconfirmed';
      const done = await db.delivery.updateMany({
        where: { id: row.id, state: 'claimed', claimedBy: row.claimedBy, claimedAt: row.claimedAt },
        data: { state: 'skipped', note },
      });
      return done.count === 1;
    },

    async servedSince(workspaceId) {
      const first = await db.delivery.findFirst({ where: { workspaceId }, orderBy: { localDate: 'asc' }, select: { localDate: true } });
      return first?.localDate ?? null;
    },

    async settledSince(sinceDate) {
      const rows = await db.delivery.findMany({
        where: { localDate: { gte: sinceDate }, state: { in: ['posted', 'skipped', 'failed'] } },
        select: { workspaceId: true, channel: true, kind: true, localDate: true },
      });
      return rows.map((r) => ({ workspaceId: r.workspaceId, channel: r.channel, kind: DigestKind.parse(r.kind), localDate: r.localDate }));
    },

    async unreportedMisses(workspaceId, channel) {
      const rows = await db.delivery.findMany({
        where: { workspaceId, channel, state: 'skipped', note: 'missed' satisfies SkipNote, messageRef: null },
        orderBy: { localDate: 'asc' },
        select: { id: true, kind: true, localDate: true },
      });
      return rows.map((r) => ({ id: r.id, kind: DigestKind.parse(r.kind), localDate: r.localDate }));
    },

    async markReported(ids, reportedIn) {
      if (ids.length === 0) return;
      await db.delivery.updateMany({ where: { id: { in: [...ids] } }, data: { messageRef: `reported-in:${reportedIn}` } });
    },
  };
}
