import { createHash } from 'node:crypto';
import { DiscordAPIError, RateLimitError, Routes, type REST } from 'discord.js';
import type { Digest } from '../../core/model/index.js';
import type { DigestPublisher, Logger, MemberNotifier, PublishResult, Store } from '../../core/ports/index.js';
import { PLATFORM } from './guilds.js';
import { REST_MAX_WAIT_MS } from './rest-limits.js';
import { digestButtons } from './digest-buttons.js';
import { renderDiscordDigest } from './render-digest.js';

/** Discord error codes after which posting again cannot succeed until a person acts. */
const GONE = new Map<number, string>([
  [10003, 'unknown channel'],
  [10004, 'unknown server'],
  [50001, 'missing access to the channel'],
  [50013, 'missing permissions in the channel'],
  [50008, 'cannot post in this kind of channel'],
]);

export interface OutletDeps {
  readonly rest: REST;
  /** One REST call's timeout; the REST client retries nothing (see adapter.ts). */
  readonly requestTimeoutMs: number;
  readonly store: Pick<Store, 'findWorkspace' | 'workspace'>;
  readonly logger: Logger;
}

/** Discord's nonce is at most 25 characters: the delivery key's hash, the same on every retry. */
export function nonceOf(deliveryKey: string): string {
  return createHash('sha256').update(deliveryKey).digest('base64url').slice(0, 25);
}

/**
 * Posts digests with the delivery key's hash as the message nonce and `enforce_nonce`, so a retry
 * of a post whose answer was lost returns the first message instead of posting again (Discord keeps
 * nonces for a few minutes; the delivery ledger guards longer). The channel must belong to the
 * workspace's own server: a channel id from another server gets nothing. One attempt is two REST
 * calls, each within its timeout plus at most REST_MAX_WAIT_MS of rate-limit pacing.
 */
export function createDigestPublisher(deps: OutletDeps): DigestPublisher {
  return {
    maxAttemptMs: 2 * (deps.requestTimeoutMs + REST_MAX_WAIT_MS),
    async publish({ workspaceExternalId, channel, digest, deliveryKey }): Promise<PublishResult> {
      try {
        const found = (await deps.rest.get(Routes.channel(channel))) as { guild_id?: string };
        if (found.guild_id !== workspaceExternalId) return { status: 'gone', reason: `channel ${channel} is not in this server` };
        const owners = await ownerMentions(deps, workspaceExternalId, digest);
        const rendered = renderDiscordDigest(digest, owners, workspaceExternalId);
        const message = (await deps.rest.post(Routes.channelMessages(channel), {
          body: { content: rendered.content, embeds: rendered.embeds, components: digestButtons(digest, rendered), nonce: nonceOf(deliveryKey), enforce_nonce: true, allowed_mentions: { parse: [] } },
        })) as { id: string };
        return { status: 'posted', messageRef: `${channel}:${message.id}` };
      } catch (error) {
        return classify(error);
      }
    },
  };
}

/** Direct messages from the bot (owners told that digests are blocked); one failure does not stop the others. */
export function createMemberNotifier(deps: OutletDeps): MemberNotifier {
  return {
    async notifyMembers({ workspaceExternalId, platformUserIds, text }) {
      let reached = 0;
      for (const user of new Set(platformUserIds)) {
        try {
          const dm = (await deps.rest.post(Routes.userChannels(), { body: { recipient_id: user } })) as { id: string };
          await deps.rest.post(Routes.channelMessages(dm.id), { body: { content: text.slice(0, 2000), allowed_mentions: { parse: [] } } });
          reached += 1;
        } catch (error) {
          deps.logger.warn({ guildId: workspaceExternalId, code: error instanceof DiscordAPIError ? error.code : 'unknown' }, 'could not message a member directly');
        }
      }
      return reached;
    },
  };
}

async function ownerMentions(deps: OutletDeps, guildId: string, digest: Digest): Promise<Map<string, string>> {
  const ids = [...new Set(digest.sections.flatMap((s) => s.items.map((i) => i.ownerId)).filter((x): x is string => x !== null))];
  if (ids.length === 0) return new Map();
  const workspace = await deps.store.findWorkspace(PLATFORM, guildId);
  if (!workspace) return new Map();
  const members = await deps.store.workspace(workspace.id).getMembers(ids);
  return new Map(members.map((m) => [m.id, `<@${m.platformUserId}>`]));
}

/** Maps a REST failure onto the port's outcomes: stop (gone) or try again later (retryable). */
export function classify(error: unknown): PublishResult {
  if (error instanceof DiscordAPIError) {
    const gone = typeof error.code === 'number' ? GONE.get(error.code) : undefined;
    if (gone) return { status: 'gone', reason: gone };
    if (error.status === 401) return { status: 'gone', reason: 'the bot token was refused' };
    if (error.status === 404) return { status: 'gone', reason: 'channel not found' };
    return { status: 'retryable', reason: `discord ${error.status} ${error.code}` };
  }
  if (error instanceof RateLimitError) return { status: 'retryable', reason: 'rate_limited', retryAfterMs: error.retryAfter };
  return { status: 'retryable', reason: error instanceof Error ? error.message : String(error) };
}
