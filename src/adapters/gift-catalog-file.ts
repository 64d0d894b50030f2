import { readFileSync } from 'node:fs';
import { mergeGiftCatalog, parseGiftIdeas, type GiftCatalog } from '../core/care/gift-catalog.js';

/** Reads a team's extra gift ideas (RAPPORT_GIFT_CATALOG) and puts them ahead of the built-in ones. */
export function loadGiftCatalog(path: string | undefined): { ok: true; catalog: GiftCatalog } | { ok: false; message: string } {
  if (path === undefined) return { ok: true, catalog: mergeGiftCatalog() };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { ok: false, message: `Configuration error: RAPPORT_GIFT_CATALOG could not be read as JSON (${path}): ${error instanceof Error ? error.message.split('\n')[0] : 'unreadable'}` };
  }
  const parsed = parseGiftIdeas(raw);
  if (!parsed.ok) return { ok: false, message: `Configuration error: RAPPORT_GIFT_CATALOG ${parsed.message}` };
  return { ok: true, catalog: mergeGiftCatalog(parsed.ideas) };
}
