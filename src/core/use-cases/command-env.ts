import type { Reply } from '../model/index.js';
import { DEFAULT_GIFT_CATALOG } from '../care/gift-catalog.js';
import type { CommandEnv } from '../commands/command.js';
import { CommandFailure, type Failure } from '../commands/outcome.js';
import type { CommandContext, CoreDeps } from './context.js';

/**
 * Gives a use case a CommandEnv inside one transaction. A CommandFailure rolls everything back and
 * becomes a one-line error reply; anything else is a fault: logged, rolled back, and answered plainly.
 */
export async function runInCommandEnv(deps: CoreDeps, ctx: CommandContext, body: (env: CommandEnv) => Promise<Reply>, usage?: string): Promise<Reply> {
  try {
    return await deps.store.workspace(ctx.workspace.id).transaction(async (store) => {
      const actor = await store.ensureMember(ctx.actor.platformUserId, ctx.actor.displayName);
      return body({
        store,
        workspace: ctx.workspace,
        actor,
        now: ctx.now,
        logger: deps.logger,
        giftCatalog: deps.giftCatalog ?? DEFAULT_GIFT_CATALOG,
        via: ctx.via ?? 'command',
        mentionsByName: ctx.mentionsByName ?? false,
        ...(deps.calendar ? { calendar: deps.calendar } : {}),
        ...(ctx.channel ? { channel: ctx.channel } : {}),
      });
    });
  } catch (error) {
    if (error instanceof CommandFailure) return errorReply(error.failure, usage);
    deps.logger.error({ err: error, workspaceId: ctx.workspace.id }, 'command failed');
    return { ok: false, code: 'internal', text: 'Something went wrong on our side and nothing was saved. Please try again in a moment.', visibility: 'private' };
  }
}

export function errorReply(failure: Failure, usage: string | undefined): Reply {
  return {
    ok: false,
    code: failure.code,
    text: failure.message,
    visibility: 'private',
    ...(failure.field ? { field: failure.field } : {}),
    ...(usage ? { sections: [{ title: 'Usage', lines: [usage] }] } : {}),
    ...(failure.suggestions ? { suggestions: failure.suggestions } : {}),
  };
}
