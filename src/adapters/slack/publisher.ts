import { webApi } from '@slack/bolt';
import type { Digest } from '../../core/model/index.js';
import type { DigestPublisher, PublishResult } from '../../core/ports/index.js';
import { paceKey, type SlackDeps } from './deps.js';
import { PacedOut } from './pacer.js';
import { renderDigest } from './render-digest.js';

/** The message metadata event type that carries a digest's delivery key. */
export const DIGEST_EVENT_TYPE = 'rapport_digest';

/** How far back to look for an earlier attempt whose outcome was unknown. */
const LOOK_BACK_MS = 2 * 86_400_000;
/** Pages of channel history read for an earlier attempt. */
const HISTORY_PAGES = 5;
/** The longest a digest waits for its channel's turn; a longer queue hands the wait back to the scheduler. */
export const PUBLISH_MAX_WAIT_MS = 30_000;

/** Slack errors after which posting again cannot succeed until a person acts. */
const GONE = new Set([
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'invalid_auth',
  'not_authed',
  'missing_scope',
  'team_access_not_granted',
  'no_permission',
  'restricted_action',
  'ekm_access_denied',
]);

export interface PublisherDeps extends SlackDeps {
  /** The Web API client for a team (its installation's bot token), or null when not installed. */
  readonly clientFor: (teamId: string) => Promise<webApi.WebClient | null>;
  /** The Web API client's timeout for one call (it makes no retries of its own). */
  readonly requestTimeoutMs: number;
}

/**
 * Posts digests with their delivery key in the message metadata. Before posting it looks for that
 * key in the channel's recent history, so an attempt whose outcome was lost (a timeout after Slack
 * accepted the post) is reported as already posted instead of posted twice. Posts to one channel
 * go out at most one a second. One attempt is bounded: a wait for the channel's turn of at most
 * PUBLISH_MAX_WAIT_MS, then at most HISTORY_PAGES history reads and one post, each within the
 * client's timeout and none retried here.
 */
export function createDigestPublisher(deps: PublisherDeps): DigestPublisher {
  return {
    maxAttemptMs: PUBLISH_MAX_WAIT_MS + (HISTORY_PAGES + 1) * deps.requestTimeoutMs,
    async publish({ workspaceExternalId, channel, digest, deliveryKey }): Promise<PublishResult> {
      const client = await deps.clientFor(workspaceExternalId);
      if (!client) return { status: 'gone', reason: `Rapport is not installed in Slack team ${workspaceExternalId}` };
      try {
        return await deps.pacer.run(paceKey(workspaceExternalId, channel), async () => {
          const earlier = await findEarlier(deps, client, channel, deliveryKey);
          if (earlier) return { status: 'already-posted', messageRef: messageRef(channel, earlier) };
          const slackUserIds = await ownerSlackIds(deps, workspaceExternalId, digest);
          const rendered = renderDigest({ digest, slackUserIds });
          const res = await client.chat.postMessage({
            channel,
            text: rendered.text,
            blocks: rendered.blocks,
            unfurl_links: false,
            metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { delivery_key: deliveryKey } },
          });
          return { status: 'posted', messageRef: messageRef(res.channel ?? channel, res.ts ?? '') };
        }, { maxWaitMs: PUBLISH_MAX_WAIT_MS });
      } catch (error) {
        if (error instanceof PacedOut) return { status: 'retryable', reason: 'paced', retryAfterMs: error.waitMs };
        return classify(error);
      }
    },
  };
}

export function messageRef(channel: string, ts: string): string {
  return `${channel}:${ts}`;
}

async function findEarlier(deps: SlackDeps, client: webApi.WebClient, channel: string, deliveryKey: string): Promise<string | null> {
  const oldest = (deps.clock.now().getTime() - LOOK_BACK_MS) / 1000;
  try {
    let cursor: string | undefined;
    for (let page = 0; page < HISTORY_PAGES; page += 1) {
      const res = await client.conversations.history({ channel, oldest: oldest.toFixed(6), limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
      for (const m of res.messages ?? []) {
        const meta = m.metadata as { event_type?: string; event_payload?: { delivery_key?: unknown } } | undefined;
        if (meta?.event_type === DIGEST_EVENT_TYPE && meta.event_payload?.delivery_key === deliveryKey && m.ts) return m.ts;
      }
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!res.has_more || !cursor) break;
    }
    return null;
  } catch (error) {
    // Not being able to read history must not stop the digest; the ledger still guards repeats.
    const code = slackError(error);
    if (code !== undefined && code !== 'missing_scope' && GONE.has(code)) throw error;
    deps.logger.warn({ channel, err: error }, 'could not read channel history before posting a digest');
    return null;
  }
}

async function ownerSlackIds(deps: SlackDeps, teamId: string, digest: Digest): Promise<Map<string, string>> {
  const ids = [...new Set(digest.sections.flatMap((s) => s.items.map((i) => i.ownerId)).filter((x): x is string => x !== null))];
  if (ids.length === 0) return new Map();
  const workspace = await deps.store.findWorkspace('slack', teamId);
  if (!workspace) return new Map();
  const members = await deps.store.workspace(workspace.id).getMembers(ids);
  return new Map(members.map((m) => [m.id, m.platformUserId]));
}

function slackError(error: unknown): string | undefined {
  const e = error as { code?: string; data?: { error?: string } };
  return e.code === 'slack_webapi_platform_error' ? e.data?.error : undefined;
}

/** Maps a Web API failure onto the port's outcomes: stop (gone) or try again later (retryable). */
export function classify(error: unknown): PublishResult {
  const e = error as { code?: string; retryAfter?: number; statusCode?: number; message?: string };
  const platform = slackError(error);
  if (platform && GONE.has(platform)) return { status: 'gone', reason: platform };
  // The client rejects rate-limited calls at once (rejectRateLimitedCalls): the scheduler waits.
  if (e.code === webApi.ErrorCode.RateLimitedError) return { status: 'retryable', reason: 'rate_limited', retryAfterMs: (e.retryAfter ?? 1) * 1000 };
  return { status: 'retryable', reason: platform ?? e.message ?? String(error) };
}
