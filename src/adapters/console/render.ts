import type { Reply } from '../../core/model/index.js';

/** Swaps platform mentions (<@id>) for @names the terminal user can read. */
export function resolveMentions(text: string, names: ReadonlyMap<string, string>): string {
  return text.replace(/<@!?([^>|]+)(\|[^>]*)?>/g, (_, id: string) => `@${names.get(id) ?? id}`);
}

/** A reply as terminal text: the first line, then titled sections, then any file and suggestions. */
export function renderReply(reply: Reply, names: ReadonlyMap<string, string>): string {
  const out: string[] = [reply.ok ? reply.text : `✗ ${reply.text}`];
  for (const section of reply.sections ?? []) {
    out.push('');
    if (section.title) out.push(`${section.title}:`);
    for (const line of section.lines) out.push(`  ${line.replace(/\n/g, '\n  ')}`);
  }
  if (reply.attachment) out.push('', reply.attachment.content);
  if (!reply.ok && reply.suggestions && reply.suggestions.length > 0) out.push('', 'Try:', ...reply.suggestions.map((s) => `  ${s}`));
  return resolveMentions(out.join('\n'), names);
}
