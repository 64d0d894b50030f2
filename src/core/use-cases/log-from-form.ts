import type { InteractionKind, Mood, Reply } from '../model/index.js';
import type { CommandContext, CoreDeps } from './context.js';

/** A log entry from a form (Slack modal, Discord modal): already structured, client picked by id. */
export interface LogForm {
  readonly clientId: string;
  readonly kind: InteractionKind;
  readonly direction?: 'in' | 'out';
  readonly mood?: Mood;
  readonly summary: string;
  /** Free text such as "yesterday 3pm"; absent means now. */
  readonly when?: string;
}

export async function logFromForm(_deps: CoreDeps, _ctx: CommandContext, _form: LogForm): Promise<Reply> {
  throw new Error('not implemented yet');
}
