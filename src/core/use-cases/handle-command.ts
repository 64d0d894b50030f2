import type { Reply } from '../model/index.js';
import { nearMisses, readArgs, type RawValue } from '../commands/arguments.js';
import type { CommandDefinition, CommandEnv } from '../commands/command.js';
import { CommandFailure, type Failure } from '../commands/outcome.js';
import { errorReply, runInCommandEnv } from './command-env.js';
import { clientNameCandidates, parseLine } from '../commands/parse-line.js';
import { COMMANDS, findCommand } from '../commands/registry.js';
import { normalizeName } from '../commands/names.js';
import { tokenize } from '../commands/tokenize.js';
import { usageOf } from '../commands/usage.js';
import type { CommandContext, CoreDeps } from './context.js';

/**
 * Runs one `/client` line (the text after "/client"): tokens, then the command's own description
 * reads them into typed arguments, then its executor decides and commits in one transaction. Never
 * throws for bad input: the reply carries a one-line error and the command's usage. Nothing is
 * written when a command fails.
 */
export async function handleCommand(deps: CoreDeps, ctx: CommandContext, text: string): Promise<Reply> {
  const line = text.replace(/^\s*\/client\b/i, '');
  const tokens = tokenize(line);
  if (!tokens.ok) return errorReply(tokens, undefined);
  const [first, ...words] = tokens.value;
  if (first === undefined) return errorReply({ ok: false, code: 'command.empty', message: 'What would you like to do? Try /client help.' }, undefined);
  const command = findCommand(first.text);
  if (command === undefined) {
    const near = nearMisses(first.text, COMMANDS.map((c) => c.name), 2);
    const hint = near.length > 0 ? ` Did you mean ${near.map((n) => `/client ${n}`).join(' or ')}?` : ' Try /client help.';
    return errorReply({ ok: false, code: 'command.unknown', message: `"${first.text.slice(0, 40)}" is not a command.${hint}` }, undefined);
  }
  return runInCommandEnv(deps, ctx, async (env) => {
    // A name typed in full without quotes ("Acme Corp call …") is found by looking up its few possible spans.
    const spans = clientNameCandidates(command.args, line, words);
    const named = spans.length > 0 ? await env.store.clientsNamed(spans) : [];
    const known = new Set(named.flatMap((c) => [c.name, ...c.aliases]).map(normalizeName));
    const parsed = parseLine(command.args, line, words, (key) => known.has(key));
    if (!parsed.ok) return failWith(parsed);
    const span = parsed.value.clientSpan;
    const suggestLine = span ? (name: string) => `/client ${`${line.slice(0, span.start)}${name}${line.slice(span.end)}`.trim()}` : undefined;
    return execute(command, parsed.value.raw, { ...env, ...(suggestLine ? { suggestLine } : {}) });
  }, usageOf(command));
}

/**
 * Runs a command from typed or picked values (a form, Discord's options, an import): the same
 * readers and the same executor as a typed line. Values are raw text per argument, or references
 * already picked ({ by: 'id' } for a client chosen in a form).
 */
export function runCommand(deps: CoreDeps, ctx: CommandContext, name: string, raw: Readonly<Record<string, RawValue | undefined>>): Promise<Reply> {
  const command = findCommand(name);
  if (command === undefined) return Promise.resolve(errorReply({ ok: false, code: 'command.unknown', message: `"${name}" is not a command.` }, undefined));
  return runInCommandEnv(deps, ctx, (env) => execute(command, raw, env), usageOf(command));
}

/**
 * Reads a command's values without the store: what `run` would refuse before looking anything up (a
 * missing field, an unreadable date). A form answers these on its fields before it is acknowledged;
 * null means the values read, and `run` decides the rest.
 */
export function checkCommand(ctx: Pick<CommandContext, 'now' | 'workspace'>, name: string, raw: Readonly<Record<string, RawValue | undefined>>): Reply | null {
  const command = findCommand(name);
  if (command === undefined) return errorReply({ ok: false, code: 'command.unknown', message: `"${name}" is not a command.` }, undefined);
  const args = readArgs(command.args, raw, { now: ctx.now, timeZone: ctx.workspace.timeZone });
  return args.ok ? null : errorReply(args, usageOf(command));
}

async function execute(command: CommandDefinition, raw: Readonly<Record<string, RawValue | undefined>>, env: CommandEnv): Promise<Reply> {
  const args = readArgs(command.args, raw, { now: env.now, timeZone: env.workspace.timeZone });
  if (!args.ok) return failWith(args);
  return command.execute(args.value, env);
}

function failWith(failure: Failure): never {
  throw new CommandFailure(failure);
}
