import { InteractionKind, Mood, type Reply } from '../model/index.js';
import { parseMoment } from '../commands/dates.js';
import { defaultDirection } from '../commands/kinds.js';
import { validateText } from '../commands/options.js';
import { must, refuse } from '../commands/outcome.js';
import { recordInteraction } from '../commands/record-interaction.js';
import type { CommandContext, CoreDeps } from './context.js';
import { runInCommandEnv } from './handle-command.js';

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

/** The same checks and effects as `/client log`, for a form whose fields arrive separately. */
export function logFromForm(deps: CoreDeps, ctx: CommandContext, form: LogForm): Promise<Reply> {
  return runInCommandEnv(deps, ctx, async (env) => {
    const client = await env.store.getClient(form.clientId);
    if (client === null) refuse('client.unknown', 'That client no longer exists.');
    if (!InteractionKind.safeParse(form.kind).success) refuse('kind.unknown', `"${form.kind}" is not a kind of interaction.`);
    if (form.mood !== undefined && !Mood.safeParse(form.mood).success) refuse('mood.unknown', `"${form.mood}" is not a mood.`);
    const summary = must(validateText(form.summary, 'a few words on what happened'));
    const occurredAt = form.when?.trim() ? must(parseMoment(form.when, env.now, env.workspace.timeZone)) : env.now;
    if (occurredAt.getTime() > env.now.getTime() + 60_000) refuse('when.future', 'That time is in the future; log things once they have happened.');
    const direction = form.direction ?? defaultDirection(form.kind);
    return recordInteraction(env, { client: client!, kind: form.kind, direction, mood: form.mood ?? null, summary, contactName: null, occurredAt, source: 'modal' });
  });
}
