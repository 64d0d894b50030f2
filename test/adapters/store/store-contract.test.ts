// The Store port's contract, on every available database (SQLite always, PostgreSQL when configured).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../src/adapters/store/index.js';
import { DEFAULT_POLICY } from '../../../src/core/model/index.js';
import type { WorkspaceStore } from '../../../src/core/ports/store.js';
import { forEachDatabase } from '../../support/databases.js';
import { days, newClient, newFollowUp, newInteraction, seedFullClient, T0 } from './fixtures.js';

forEachDatabase((database) => {
  let opened: OpenedStore;
  let ws: WorkspaceStore;
  let n = 0;

  beforeAll(async () => {
    opened = await openStore({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await opened.close();
  });
  // A fresh workspace per test keeps tests independent without recreating the database.
  beforeEach(async () => {
    n += 1;
    const workspace = await opened.store.ensureWorkspace({ platform: 'slack', externalId: `T${n}`, name: `Team ${n}` });
    ws = opened.store.workspace(workspace.id);
  });

  describe('workspaces', () => {
    it('ensureWorkspace finds the same tenant again and keeps its settings', async () => {
      const first = await opened.store.ensureWorkspace({ platform: 'discord', externalId: 'G1', name: 'Guild', timeZone: 'Europe/Paris' });
      expect(first.timeZone).toBe('Europe/Paris');
      expect(first.businessDays).toEqual([1, 2, 3, 4, 5]);
      expect(first.policy).toEqual(DEFAULT_POLICY);
      const store = opened.store.workspace(first.id);
      const updated = await store.updateWorkspace({ businessDays: [1, 2, 3], policy: { ...DEFAULT_POLICY, dateLeadDays: 10 }, digestChannel: 'C1' });
      expect(updated.businessDays).toEqual([1, 2, 3]);
      expect(updated.policy.dateLeadDays).toBe(10);
      const again = await opened.store.ensureWorkspace({ platform: 'discord', externalId: 'G1', name: 'Renamed' });
      expect(again).toEqual(updated);
      expect(await opened.store.findWorkspace('discord', 'G1')).toEqual(updated);
      expect(await opened.store.findWorkspace('discord', 'nope')).toBeNull();
      expect((await opened.store.listWorkspaces()).map((w) => w.id)).toContain(first.id);
    });

    it('deleteWorkspace erases the workspace and its rows', async () => {
      const { client } = await seedFullClient(ws, 'Doomed');
      await opened.store.deleteWorkspace(ws.workspaceId);
      expect(await opened.store.listWorkspaces()).not.toContainEqual(expect.objectContaining({ id: ws.workspaceId }));
      expect(await ws.getClient(client.id)).toBeNull();
      expect(await opened.store.db.interaction.count({ where: { workspaceId: ws.workspaceId } })).toBe(0);
    });
  });

  describe('members and clients', () => {
    it('ensureMember is idempotent and refreshes the display name', async () => {
      const a = await ws.ensureMember('U1', 'Ann');
      const b = await ws.ensureMember('U1', 'Ann B.');
      expect(b).toEqual({ ...a, displayName: 'Ann B.' });
      expect(await ws.findMember('U1')).toEqual(b);
      expect(await ws.getMembers([a.id, 'missing'])).toEqual([b]);
    });

    it('creates clients with aliases, lists, filters and updates them', async () => {
      const owner = await ws.ensureMember('U1', 'Ann');
      const acme = await ws.createClient(newClient('Acme', { ownerId: owner.id, tier: 'top', aliases: [{ alias: 'ACME Corp', normalized: 'acme corp' }] }));
      await ws.createClient(newClient('Beta'));
      expect(acme).toMatchObject({ name: 'Acme', aliases: ['ACME Corp'], tier: 'top', ownerId: owner.id, lastInteractionAt: null, createdAt: T0 });
      expect(await ws.clientDirectory()).toEqual([
        { id: acme.id, name: 'Acme', aliases: ['ACME Corp'] },
        expect.objectContaining({ name: 'Beta', aliases: [] }),
      ]);
      expect((await ws.listClients({ tier: 'top' })).map((c) => c.name)).toEqual(['Acme']);
      expect((await ws.listClients({ ownerId: owner.id })).map((c) => c.name)).toEqual(['Acme']);
      const updated = await ws.updateClient(acme.id, { status: 'paused', addAliases: [{ alias: 'Acme Ltd', normalized: 'acme ltd' }] });
      expect(updated.status).toBe('paused');
      expect(updated.aliases).toEqual(['ACME Corp', 'Acme Ltd']);
      expect(await ws.getClient(acme.id)).toEqual(updated);
    });

    it('touchClient keeps the later of the stored and the given time, per field', async () => {
      const c = await ws.createClient(newClient('Acme'));
      await ws.touchClient(c.id, { lastInteractionAt: days(5) });
      await ws.touchClient(c.id, { lastInteractionAt: days(2), lastGestureAt: days(1) });
      await ws.touchClient(c.id, { lastAdviceAt: days(3) });
      expect(await ws.getClient(c.id)).toMatchObject({ lastInteractionAt: days(5), lastGestureAt: days(1), lastAdviceAt: days(3) });
      await ws.touchClient(c.id, { lastInteractionAt: days(9) });
      expect((await ws.getClient(c.id))?.lastInteractionAt).toEqual(days(9));
    });

    it('recordInteraction does not move lastInteractionAt by itself', async () => {
      const c = await ws.createClient(newClient('Acme'));
      const i = await ws.recordInteraction(newInteraction(c.id, { mood: 'happy', externalRef: '<m1@x>' }));
      expect((await ws.getClient(c.id))?.lastInteractionAt).toBeNull();
      expect(await ws.findInteractionByRef('<m1@x>')).toEqual(i);
      expect(await ws.findInteractionByRef('<other>')).toBeNull();
    });
  });

  describe('profile', () => {
    it('returns everything about the client, interactions newest first and limited', async () => {
      const seeded = await seedFullClient(ws, 'Acme');
      await ws.recordInteraction(newInteraction(seeded.client.id, { occurredAt: days(3), summary: 'newest' }));
      const profile = await ws.getProfile(seeded.client.id, { interactionLimit: 1 });
      expect(profile).toMatchObject({
        client: { id: seeded.client.id },
        owner: seeded.member,
        contacts: [{ ...seeded.contact, emails: ['acme@example.com'] }],
        family: [seeded.family],
        likes: [seeded.like],
        notes: [seeded.note],
        dates: [seeded.date],
        followUps: [seeded.followUp],
        gifts: [seeded.gift],
      });
      expect(profile?.interactions.map((i) => i.summary)).toEqual(['newest']);
      expect((await ws.getProfile(seeded.client.id))?.interactions).toHaveLength(2);
      expect(await ws.getProfile('missing')).toBeNull();
      expect(await ws.findContactByEmail('ACME@example.com ')).toEqual(seeded.contact);
    });
  });

  describe('follow-ups and acks', () => {
    it('opens, snoozes, updates and closes the follow-ups named by id', async () => {
      const c = await ws.createClient(newClient('Acme'));
      const reply = await ws.openFollowUp(newFollowUp(c.id));
      const later = await ws.openFollowUp(newFollowUp(c.id, { kind: 'check-in', snoozedUntil: days(7) }));
      const complaint = await ws.openFollowUp(newFollowUp(c.id, { kind: 'complaint' }));
      expect(reply.state).toBe('open');
      expect(later.state).toBe('snoozed');
      expect(await ws.listOpenFollowUps(c.id)).toHaveLength(3);
      const snoozed = await ws.updateFollowUp(reply.id, { state: 'snoozed', snoozedUntil: days(1) });
      expect(snoozed).toMatchObject({ state: 'snoozed', snoozedUntil: days(1) });
      expect(await ws.closeFollowUps({ clientId: c.id, ids: [reply.id, later.id], closedAt: days(2), closedById: null })).toBe(2);
      expect(await ws.getFollowUp(reply.id)).toMatchObject({ state: 'done', closedAt: days(2) });
      expect((await ws.listOpenFollowUps()).map((f) => f.id)).toEqual([complaint.id]);
    });

    it('saves one ack per nudge id, the last one wins', async () => {
      await ws.saveNudgeAck({ nudgeId: 'n1', action: 'snoozed', until: days(1), actorId: 'U1', at: T0 });
      await ws.saveNudgeAck({ nudgeId: 'n1', action: 'done', until: null, actorId: 'U2', at: days(1) });
      await ws.saveNudgeAck({ nudgeId: 'n2', action: 'done', until: null, actorId: null, at: T0 });
      expect(await ws.getNudgeAcks(['n1', 'n3'])).toEqual([{ nudgeId: 'n1', action: 'done', until: null, actorId: 'U2', at: days(1) }]);
      expect(await ws.getNudgeAcks([])).toEqual([]);
    });
  });

  describe('erasure and transactions', () => {
    it('forgetClient erases the client and everything about it, and only that', async () => {
      const gone = await seedFullClient(ws, 'Gone');
      const kept = await seedFullClient(ws, 'Kept');
      await ws.saveNudgeAck({ nudgeId: `keep-in-touch:${gone.client.id}`, action: 'done', until: null, actorId: null, at: T0 });
      await ws.forgetClient(gone.client.id);
      expect(await ws.getClient(gone.client.id)).toBeNull();
      const db = opened.store.db;
      const where = { clientId: gone.client.id };
      const counts = await Promise.all([
        db.clientAlias.count({ where }), db.contact.count({ where }), db.contactEmail.count({ where: { contactId: gone.contact.id } }),
        db.familyMember.count({ where }), db.like.count({ where }), db.note.count({ where }), db.importantDate.count({ where }),
        db.interaction.count({ where }), db.followUp.count({ where }), db.gift.count({ where }),
      ]);
      expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      expect(await ws.findContactByEmail('gone@example.com')).toBeNull();
      const keptProfile = await ws.getProfile(kept.client.id);
      expect(keptProfile?.contacts).toHaveLength(1);
      expect(keptProfile?.interactions).toHaveLength(1);
      // Acks are per nudge id, not per client: they stay.
      expect(await ws.getNudgeAcks([`keep-in-touch:${gone.client.id}`])).toHaveLength(1);
      expect(await ws.getMembers([gone.member.id])).toEqual([gone.member]);
    });

    it('rolls back every write when fn throws, and nested calls join the outer transaction', async () => {
      await expect(
        ws.transaction(async (tx) => {
          const c = await tx.createClient(newClient('Acme'));
          await tx.transaction(async (inner) => {
            await inner.recordInteraction(newInteraction(c.id));
          });
          await tx.openFollowUp(newFollowUp(c.id));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await ws.listClients()).toEqual([]);
      expect(await opened.store.db.interaction.count({ where: { workspaceId: ws.workspaceId } })).toBe(0);
      expect(await ws.listOpenFollowUps()).toEqual([]);
    });

    it('commits every write when fn succeeds', async () => {
      const id = await ws.transaction(async (tx) => {
        const c = await tx.createClient(newClient('Acme'));
        await tx.touchClient(c.id, { lastInteractionAt: days(1) });
        return c.id;
      });
      expect((await ws.getClient(id))?.lastInteractionAt).toEqual(days(1));
    });
  });

  it('rejects a stored row outside the vocabulary', async () => {
    const c = await ws.createClient(newClient('Acme'));
    await opened.store.db.interaction.create({
      data: { workspaceId: ws.workspaceId, clientId: c.id, kind: 'telepathy', direction: 'in', summary: '?', occurredAt: T0, createdAt: T0 },
    });
    await expect(ws.getProfile(c.id)).rejects.toThrow(/Interaction.kind/);
  });
});
