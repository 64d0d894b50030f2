import type { Workspace } from '../model/index.js';
import type { MemberNotifier, Store } from '../ports/index.js';

/** What owners read when digests cannot be posted: what happened, and the one thing that fixes it. */
export function blockedDeliveryText(workspace: Pick<Workspace, 'name' | 'digestChannel'>, reason: string): string {
  const channel = workspace.digestChannel ? `<#${workspace.digestChannel}>` : 'the digest channel';
  return [
    `Rapport could not post today's client digest for ${workspace.name} to ${channel} (${reason}), so digests are paused rather than retried forever.`,
    `To fix it, invite Rapport to the channel (/invite @Rapport) or choose another with /client settings channel #name; digests resume on the next slot.`,
  ].join(' ');
}

/**
 * Tells the owners of the workspace's active clients, once, that delivery is blocked. The scheduler
 * calls this only when it first marks the workspace blocked, so nobody is told twice.
 */
export async function tellOwnersDeliveryBlocked(input: { store: Pick<Store, 'workspace'>; notifier: MemberNotifier; workspace: Workspace; reason: string }): Promise<number> {
  const ws = input.store.workspace(input.workspace.id);
  const clients = await ws.listClients({ status: 'active' });
  const ownerIds = [...new Set(clients.flatMap((c) => (c.ownerId ? [c.ownerId] : [])))];
  const owners = await ws.getMembers(ownerIds);
  if (owners.length === 0) return 0;
  return input.notifier.notifyMembers({
    workspaceExternalId: input.workspace.externalId,
    platformUserIds: owners.map((o) => o.platformUserId).sort(),
    text: blockedDeliveryText(input.workspace, input.reason),
  });
}
