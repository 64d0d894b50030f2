import type { Reply } from '../model/index.js';
import type { CommandContext, CoreDeps } from './context.js';

/**
 * Runs one `/client` line (the text after "/client"): parse, validate, decide, and commit its
 * effects in one transaction. Never throws for bad input: the reply carries a one-line error.
 */
export async function handleCommand(_deps: CoreDeps, _ctx: CommandContext, _text: string): Promise<Reply> {
  throw new Error('not implemented yet');
}
