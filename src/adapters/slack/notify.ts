import type { MemberNotifier } from '../../core/ports/index.js';
import { paceKey } from './deps.js';
import type { PublisherDeps } from './publisher.js';

/**
 * Direct messages from the app: chat.postMessage to a user id lands in the app's Messages tab
 * (needs only chat:write). Paced like channel posts, and one failure does not stop the others.
 */
export function createMemberNotifier(deps: PublisherDeps): MemberNotifier {
  return {
    async notifyMembers({ workspaceExternalId, platformUserIds, text }) {
      const client = await deps.clientFor(workspaceExternalId);
      if (!client) return 0;
      let reached = 0;
      for (const user of new Set(platformUserIds)) {
        try {
          await deps.pacer.run(paceKey(workspaceExternalId, user), () => client.chat.postMessage({ channel: user, text }));
          reached++;
        } catch (error) {
          deps.logger.warn({ team: workspaceExternalId, code: (error as { data?: { error?: string } }).data?.error ?? 'unknown' }, 'could not message a member directly');
        }
      }
      return reached;
    },
  };
}
