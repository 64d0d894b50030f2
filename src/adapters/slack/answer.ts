import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware, webApi } from '@slack/bolt';
import type { Reply } from '../../core/model/index.js';
import { paceKey, type SlackDeps } from './deps.js';
import type { ModalOrigin } from './modals.js';
import { renderReply } from './render-reply.js';
import { slackFetch } from './outgoing.js';

/**
 * Delivers a reply where the conversation began: through the response URL of the command or
 * message it came from (which honours ephemeral vs. in-channel), else to the channel when the core
 * said the team should see it, else as a direct message from the app.
 */
export async function answer(deps: SlackDeps, client: webApi.WebClient, origin: ModalOrigin, who: { readonly teamId: string; readonly userId: string }, reply: Reply): Promise<void> {
  const rendered = renderReply(reply);
  const url = origin.responseUrl;
  if (url) {
    await deps.pacer.run(paceKey(who.teamId, origin.channel ?? who.userId), () => postToResponseUrl(url, { ...rendered, replace_original: false }));
    return;
  }
  const channel = reply.visibility === 'channel' && origin.channel ? origin.channel : who.userId;
  await deps.pacer.run(paceKey(who.teamId, channel), () => client.chat.postMessage({ channel, text: rendered.text, blocks: rendered.blocks }));
}

const send = slackFetch();

export async function postToResponseUrl(url: string, body: object): Promise<void> {
  const res = await send(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`response_url answered ${res.status}`);
}

/** What a person sees when Rapport fails for a reason that is not theirs (database down, Slack unreachable). */
export const COULD_NOT_FINISH = 'Rapport could not finish that just now; the error is logged. Please try again in a minute.';

export interface FaultBody {
  readonly type?: string;
  readonly command?: string;
  readonly response_url?: string;
  readonly user_id?: string;
  readonly team_id?: string;
  readonly channel_id?: string;
  readonly channel?: { readonly id?: string };
  readonly user?: { readonly id?: string };
  readonly team?: { readonly id?: string } | null;
  readonly view?: { readonly state?: { readonly values?: Record<string, unknown> } };
}

/**
 * Global middleware, outermost: a listener (or a middleware after this one) that throws still
 * answers the person, with the plain apology. A command or a button answers on its response URL;
 * a form keeps its input and shows the apology on its first field; otherwise a direct message.
 * Events have nobody waiting for an answer and are only logged. One wrapper for every listener,
 * so none of them needs its own try.
 */
export function answerFaults(deps: Pick<SlackDeps, 'logger' | 'pacer'>): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    try {
      await args.next();
    } catch (error) {
      const body = args.body as FaultBody;
      const kind = body.type ?? (body.command ? 'slash_command' : 'unknown');
      deps.logger.error({ err: error, kind, teamId: body.team?.id ?? body.team_id }, 'slack request failed; answering with an apology');
      await apologise(deps, args, body).catch((failure: unknown) => deps.logger.warn({ err: failure, kind }, 'could not deliver the apology either'));
    }
  };
}

/** Tells the person their request failed for a reason that is not theirs, wherever they can see it, in its channel's turn. */
export async function apologise(deps: Pick<SlackDeps, 'pacer'>, args: AnyMiddlewareArgs & AllMiddlewareArgs, body: FaultBody): Promise<void> {
  if (body.type === 'event_callback') return;
  const ack = 'ack' in args && typeof args.ack === 'function' ? (args.ack as (response?: object) => Promise<void>) : undefined;
  if (body.type === 'view_submission') {
    const field = Object.keys(body.view?.state?.values ?? {})[0];
    // Unacknowledged: the apology goes on the form, which keeps what the person typed.
    if (ack && field && (await ack({ response_action: 'errors', errors: { [field]: COULD_NOT_FINISH } }).then(() => true, () => false))) return;
  } else if (ack) {
    // Only unacknowledged requests take this; Bolt refuses a second ack, which is fine.
    await ack(body.type === 'block_suggestion' ? { options: [] } : undefined).catch(() => undefined);
  }
  if (body.type === 'block_suggestion') return;
  // After the acknowledgement above: the apology takes its channel's turn like any other post.
  await tellPrivately(deps, args, body, COULD_NOT_FINISH);
}

/**
 * A short notice only the person sees (an apology, the busy reply), in its channel's turn like every
 * other post: on the request's response URL, else as a direct message from the app.
 */
export async function tellPrivately(deps: Pick<SlackDeps, 'pacer'>, args: AnyMiddlewareArgs & AllMiddlewareArgs, body: FaultBody, text: string): Promise<void> {
  const team = body.team?.id ?? body.team_id ?? '';
  const user = body.user?.id ?? body.user_id;
  const url = body.response_url;
  if (url) {
    await deps.pacer.run(paceKey(team, body.channel?.id ?? body.channel_id ?? user ?? ''), () => postToResponseUrl(url, { response_type: 'ephemeral', replace_original: false, text }));
    return;
  }
  if (user) await deps.pacer.run(paceKey(team, user), () => args.client.chat.postMessage({ channel: user, text }));
}

/**
 * OAuth mode reads the team's token from the database before any listener runs, so with the
 * database down Bolt fails the authorisation and no middleware is reached. Its error handler calls
 * this: when the cause was not "not installed", a command or a button still gets the apology on its
 * response URL (no token is needed for that); a form is closed by Bolt's own acknowledgement.
 */
export async function apologiseForAuthorization(error: unknown, body: unknown, notInstalled: (cause: unknown) => boolean): Promise<boolean> {
  if ((error as { code?: unknown }).code !== 'slack_bolt_authorization_error') return false;
  for (let cause: unknown = error; cause; cause = (cause as { original?: unknown }).original) if (notInstalled(cause)) return false;
  const url = (body as FaultBody | undefined)?.response_url;
  if (!url) return false;
  await postToResponseUrl(url, { response_type: 'ephemeral', replace_original: false, text: COULD_NOT_FINISH });
  return true;
}
