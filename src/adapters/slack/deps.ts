import type { CommandContext, Core } from '../../core/core.js';
import type { Clock, Logger, Store } from '../../core/ports/index.js';
import type { ChannelPacer } from './pacer.js';
import type { AfterAck } from './work.js';

/** What every Slack listener needs; built once by the factory. */
export interface SlackDeps {
  /** What Rapport decides: every command, button and form goes through it. */
  readonly core: Core;
  /** Where the adapter finds (and first creates) the workspace of a Slack team. */
  readonly store: Store;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly pacer: ChannelPacer;
  /** Where listeners put their core work once they have acknowledged: bounded, and refused politely when full. */
  readonly work: AfterAck;
  /** The IANA zone a workspace starts with when Rapport first meets its team (RAPPORT_TIME_ZONE). */
  readonly defaultTimeZone?: string;
}

export interface Caller {
  readonly teamId: string;
  readonly teamName?: string | undefined;
  readonly userId: string;
  readonly userName?: string | undefined;
  readonly channel?: string | undefined;
}

/** Who is asking, translated into the core's terms; `now` comes from the injected clock. */
export async function contextFor(deps: SlackDeps, caller: Caller): Promise<CommandContext> {
  const workspace = await deps.store.ensureWorkspace({
    platform: 'slack',
    externalId: caller.teamId,
    name: caller.teamName ?? caller.teamId,
    ...(deps.defaultTimeZone ? { timeZone: deps.defaultTimeZone } : {}),
  });
  return {
    workspace,
    actor: { platformUserId: caller.userId, displayName: caller.userName ?? caller.userId },
    now: deps.clock.now(),
    ...(caller.channel ? { channel: caller.channel } : {}),
  };
}

/** Slack escapes &, < and > in slash-command text; mentions (<@U1|name>, <#C1|name>) arrive unescaped. */
export function unescapeCommandText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Pacing is per channel of a team: Slack's limit of about one post a second applies there. */
export function paceKey(teamId: string, channel: string): string {
  return `${teamId}/${channel}`;
}
