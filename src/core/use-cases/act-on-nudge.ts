import type { Reply } from '../model/index.js';
import type { CommandContext, CoreDeps } from './context.js';

export type NudgeAction =
  | { readonly nudgeId: string; readonly action: 'done' }
  | { readonly nudgeId: string; readonly action: 'snooze'; readonly span: '1d' | '1w' | { readonly until: Date } };

/** Done or Snooze on one nudge, from a button or a command; records who did it. */
export async function actOnNudge(_deps: CoreDeps, _ctx: CommandContext, _action: NudgeAction): Promise<Reply> {
  throw new Error('not implemented yet');
}
