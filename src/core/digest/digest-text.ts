import type { Digest } from '../model/index.js';

/** Owner ids to the names people know them by (a display name; the renderer adds the "@"). */
export type OwnerNames = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

export function ownerName(names: OwnerNames, ownerId: string | null): string | null {
  if (ownerId === null) return null;
  const name = names instanceof Map ? names.get(ownerId) : (names as Readonly<Record<string, string>>)[ownerId];
  return name ?? null;
}

/** The digest as plain text, for the console adapter and the golden files. */
export function digestToText(digest: Digest, names: OwnerNames = {}): string {
  const out: string[] = [digest.title];
  for (const notice of digest.notices) out.push(`Note: ${notice}`);
  for (const section of digest.sections) {
    out.push('', `${section.heading.toUpperCase()}`);
    for (const item of section.items) {
      out.push(`• ${item.title}  [${item.nudgeId}]`);
      for (const line of item.context) out.push(`    ${line}`);
      if (item.ownerId === null) out.push(`    Owner: nobody yet (/client edit ${item.clientName.includes(' ') ? `"${item.clientName}"` : item.clientName} owner:@someone)`);
      else out.push(`    Owner: @${ownerName(names, item.ownerId) ?? 'unknown member'}`);
    }
  }
  if (digest.overflow) out.push('', `…and ${digest.overflow.count} more: ${digest.overflow.command}`);
  if (digest.sections.length > 0) out.push('', 'Done or snooze any item: /client done <id>, /client snooze <id> 1d|1w|<date>');
  return `${out.join('\n')}\n`;
}
