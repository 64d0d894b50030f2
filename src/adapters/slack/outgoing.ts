import type { webApi } from '@slack/bolt';

/**
 * The one door every request Rapport makes to Slack goes through: the Web API client (posts,
 * updates, direct messages, views), Bolt's respond() and the response URLs all use this fetch.
 * It makes special mentions in a message's plain `text` inert, whatever put them there (a client
 * named "<!channel>", an action value, a digest line): blocks are escaped where they are rendered,
 * but Slack also reads `text`, the notification and fallback line, and pings the whole channel.
 */
export function slackFetch(inner: webApi.FetchFunction = (url, init) => globalThis.fetch(url, init)): webApi.FetchFunction {
  return (url, init) => {
    if (typeof init?.body !== 'string') return inner(url, init);
    const body = inertBody(init.body, contentType(init.headers));
    return inner(url, body === init.body ? init : { ...init, body });
  };
}

/** Slack pings for <!here>, <!channel>, <!everyone> and <!subteam^ID>; escaped, they show as typed. */
export function inertSpecialMentions(text: string): string {
  return text.replace(/<(!(?:here|channel|everyone|subteam\^)[^<>]*)>/gi, '&lt;$1&gt;');
}

function contentType(headers: Record<string, string> | undefined): string {
  const entry = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type');
  return entry?.[1].split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The body with its top-level `text` made inert; the very same string when nothing changes. */
export function inertBody(body: string, type: string): string {
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(body);
    const text = form.get('text');
    if (text === null || inertSpecialMentions(text) === text) return body;
    form.set('text', inertSpecialMentions(text));
    return form.toString();
  }
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return body;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return body;
    const text = (parsed as { text?: unknown }).text;
    if (typeof text !== 'string' || inertSpecialMentions(text) === text) return body;
    return JSON.stringify({ ...parsed, text: inertSpecialMentions(text) });
  }
  return body;
}
