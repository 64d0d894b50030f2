/** A platform mention as Slack and Discord send it: <@U123>, <@!123>, or <@U123|name>. */
export function mentionOf(text: string): { readonly id: string; readonly name: string | null } | null {
  const m = /^<@!?([A-Za-z0-9_.-]+)(?:\|([^>]+))?>$/.exec(text.trim());
  return m ? { id: m[1]!, name: m[2] ?? null } : null;
}
