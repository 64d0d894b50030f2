import { createHash } from 'node:crypto';

/**
 * A nudge's id: short enough to type ("/client done n-3k9x2a1"), the same on every run for one
 * trigger, and different for the next trigger (the next birthday, the next unanswered email).
 */
export function nudgeId(rule: string, subject: string, occurrence: string): string {
  const digest = createHash('sha256').update(`${rule}\u0000${subject}\u0000${occurrence}`).digest();
  // 40 bits in base 36 is 7–8 characters: collisions within one workspace are vanishingly rare.
  const n = digest.readUIntBE(0, 5);
  return `n-${n.toString(36).padStart(8, '0')}`;
}
