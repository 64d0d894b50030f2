/** Slack's Block Kit limits that Rapport's renderers stay within. */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  contextText: 3000,
  contextElements: 10,
  headerText: 150,
  buttonText: 75,
  optionText: 75,
  optionValue: 150,
  blockId: 255,
  actionValue: 2000,
  fallbackText: 3000,
} as const;

/** Escapes the three characters mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to at most `max` characters (code units), ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  // Do not leave half of a surrogate pair or half of an escape such as "&amp;".
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/&[a-z]{0,3}$/, '');
  return `${cut}…`;
}

/** Splits text into pieces of at most `max` characters, at line breaks where possible. */
export function chunk(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let at = rest.lastIndexOf('\n', max);
    if (at <= 0) at = max;
    if (/[\uD800-\uDBFF]/.test(rest.charAt(at - 1))) at -= 1;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, '');
  }
  if (rest.length > 0) out.push(rest);
  return out;
}

export function mention(slackUserId: string): string {
  return `<@${slackUserId}>`;
}

/** A mrkdwn text object. */
export function md(text: string): { type: 'mrkdwn'; text: string } {
  return { type: 'mrkdwn', text };
}

export function plain(text: string, max: number): { type: 'plain_text'; text: string; emoji: true } {
  return { type: 'plain_text', text: clip(text, max) || ' ', emoji: true };
}
