import { z } from 'zod';
import { LIKE_CATEGORIES } from '../model/index.js';
import defaults from './gift-catalog.json' with { type: 'json' };

/**
 * Gift ideas kept as data, so a team can add its own (a local roaster, the office's box seats)
 * without touching the rules. The core never reads files: the default list is bundled, and a
 * team's extra entries come in as a parameter, already read by the composition root.
 */
export const GiftIdea = z.object({
  id: z.string().min(1),
  /** A like category, "children" (a child in the family) or "any" (a safe fallback). */
  for: z.enum([...LIKE_CATEGORIES, 'children', 'any']),
  /** Words one of which the like's value must contain (lower-case); absent means any value. */
  match: z.array(z.string()).optional(),
  /** "{like}" becomes the like's value, "{child}" the child's name. */
  idea: z.string().min(1),
  cost: z.number().int().min(0),
  /** A recent gift whose description contains one of these is not repeated. */
  keywords: z.array(z.string()),
});
export type GiftIdea = z.infer<typeof GiftIdea>;
export type GiftCatalog = readonly GiftIdea[];

export const DEFAULT_GIFT_CATALOG: GiftCatalog = z.array(GiftIdea).parse(defaults);

/** Validates a team's extra entries at the boundary; reports the first problem as a value. */
export function parseGiftIdeas(input: unknown): { ok: true; ideas: GiftIdea[] } | { ok: false; message: string } {
  const parsed = z.array(GiftIdea).safeParse(input);
  if (parsed.success) return { ok: true, ideas: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `gift catalog: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`.trim() };
}

/** The default catalog with a team's entries: an entry with a known id replaces it, new ids are added first. */
export function mergeGiftCatalog(extra: GiftCatalog = [], base: GiftCatalog = DEFAULT_GIFT_CATALOG): GiftCatalog {
  const extraIds = new Set(extra.map((e) => e.id));
  return [...extra, ...base.filter((e) => !extraIds.has(e.id))];
}
