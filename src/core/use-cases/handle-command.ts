import { distance } from 'fastest-levenshtein';
import type { Reply } from '../model/index.js';
import type { CommandEnv } from '../commands/command.js';
import { CommandFailure, type Failure } from '../commands/outcome.js';
import { COMMANDS, findCommand } from '../commands/registry.js';
import { tokenize } from '../commands/tokenize.js';
import type { CommandContext, CoreDeps } from './context.js';

/**
 * Runs one `/client` line (the text after "/client"): parse, validate, decide, and commit its
 * effects in one transaction. Never throws for bad input: the reply carries a one-line error and,
 * for a known subcommand, its usage. Nothing is written when a command fails.
 */
export async function handleCommand(deps: CoreDeps, ctx: CommandContext, text: string): Promise<Reply> {
  const tokens = tokenize(text.replace(/^\s*\/client\b/i, ''));
  if (!tokens.ok) return errorReply(tokens, undefined);
  const [first, ...args] = tokens.value;
  if (first === undefined) return errorReply({ ok: false, code: 'command.empty', message: 'What would you like to do? Try /client help.' }, undefined);
  const spec = findCommand(first.text);
  if (spec === undefined) {
    const near = COMMANDS.map((c) => c.name).filter((name) => distance(name, first.text.toLowerCase()) <= 2);
    const hint = near.length > 0 ? ` Did you mean ${near.map((n) => `/client ${n}`).join(' or ')}?` : ' Try /client help.';
    return errorReply({ ok: false, code: 'command.unknown', message: `"${first.text.slice(0, 40)}" is not a command.${hint}` }, undefined);
  }
  return runInCommandEnv(deps, ctx, (env) => spec.run(args, env), spec.usage);
}

/**
 * Gives a use case a CommandEnv inside one transaction. A CommandFailure rolls everything back and
 * becomes a one-line error reply; anything else is a fault: logged, rolled back, and answered plainly.
 */
export async function runInCommandEnv(deps: CoreDeps, ctx: CommandContext, body: (env: CommandEnv) => Promise<Reply>, usage?: string): Promise<Reply> {
  try {
    return await deps.store.workspace(ctx.workspace.id).transaction(async (store) => {
      const actor = await store.ensureMember(ctx.actor.platformUserId, ctx.actor.displayName);
      return body({ store, workspace: ctx.workspace, actor, now: ctx.now, logger: deps.logger, ...(deps.giftCatalog ? { giftCatalog: deps.giftCatalog } : {}), ...(ctx.channel ? { channel: ctx.channel } : {}) });
    });
  } catch (error) {
    if (error instanceof CommandFailure) return errorReply(error.failure, usage);
    deps.logger.error({ err: error, workspaceId: ctx.workspace.id }, 'command failed');
    return { ok: false, code: 'internal', text: 'Something went wrong on our side and nothing was saved. Please try again in a moment.', visibility: 'private' };
  }
}

function errorReply(failure: Failure, usage: string | undefined): Reply {
  return {
    ok: false,
    code: failure.code,
    text: failure.message,
    visibility: 'private',
    ...(usage ? { sections: [{ title: 'Usage', lines: [usage] }] } : {}),
    ...(failure.suggestions ? { suggestions: failure.suggestions } : {}),
  };
}
