import type { webApi } from '@slack/bolt';
import type { Reply } from '../../core/model/index.js';
import { paceKey, type SlackDeps } from './deps.js';
import type { ModalOrigin } from './modals.js';
import { renderReply } from './render-reply.js';

/**
 * Delivers a reply where the conversation began: through the response URL of the command or
 * message it came from (which honours ephemeral vs. in-channel), else to the channel when the core
 * said the team should see it, else as a direct message from the app.
 */
export async function answer(deps: SlackDeps, client: webApi.WebClient, origin: ModalOrigin, who: { readonly teamId: string; readonly userId: string }, reply: Reply): Promise<void> {
  const rendered = renderReply(reply);
  if (origin.responseUrl) {
    await postToResponseUrl(origin.responseUrl, { ...rendered, replace_original: false });
    return;
  }
  const channel = reply.visibility === 'channel' && origin.channel ? origin.channel : who.userId;
  await deps.pacer.run(paceKey(who.teamId, channel), () => client.chat.postMessage({ channel, text: rendered.text, blocks: rendered.blocks }));
}

export async function postToResponseUrl(url: string, body: object): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`response_url answered ${res.status}`);
}
