import type { FamilyMember, Gift, Like } from '../model/index.js';
import type { GiftCatalog, GiftIdea } from './gift-catalog.js';

export type GiftReason = { readonly like: string } | { readonly child: string; readonly relation: string };

export interface GiftSuggestion {
  readonly ideaId: string;
  /** "a bottle of good Burgundy pinot noir (about $40)". */
  readonly text: string;
  /** Why it fits: a like of theirs, a child in the family, or nothing (the safe fallback). */
  readonly because: GiftReason | null;
}

/** The workspace currency is not modelled yet; budgets are plain numbers shown with this sign. */
export const CURRENCY = '$';

const CHILD_RELATIONS = ['child', 'son', 'daughter', 'kid'];

export function isChild(member: FamilyMember): boolean {
  return CHILD_RELATIONS.includes(member.relation.toLowerCase());
}

function fill(template: string, like: string, child: string): string {
  return template.replaceAll('{like}', like).replaceAll('{child}', child);
}

function givenRecently(idea: GiftIdea, rendered: string, gifts: readonly Gift[]): boolean {
  return gifts.some((g) => {
    const d = g.description.toLowerCase();
    return d === rendered.toLowerCase() || idea.keywords.some((k) => k.length > 0 && d.includes(k.toLowerCase()));
  });
}

/**
 * Ideas drawn from what the client loves, within the budget, never repeating a recent gift (the
 * caller passes the gifts of the last 12 months). Deterministic: likes in the order they were
 * recorded, catalog entries in catalog order (a team's own entries come first, and the catalog
 * lists the more generous idea of a kind before the modest one, so the budget picks between them).
 */
export function suggestGifts(input: {
  readonly likes: readonly Like[];
  readonly family: readonly FamilyMember[];
  readonly recentGifts: readonly Gift[];
  readonly budget: number;
  readonly catalog: GiftCatalog;
  readonly limit?: number;
}): GiftSuggestion[] {
  const out: GiftSuggestion[] = [];
  const seen = new Set<string>();
  const consider = (idea: GiftIdea, like: string, child: string, because: GiftReason | null) => {
    if (seen.has(idea.id) || idea.cost > input.budget) return;
    const rendered = fill(idea.idea, like, child);
    if (givenRecently(idea, rendered, input.recentGifts)) return;
    seen.add(idea.id);
    out.push({ ideaId: idea.id, text: `${rendered} (about ${CURRENCY}${idea.cost})`, because });
  };
  const ordered = input.catalog;
  for (const like of input.likes) {
    const value = like.value.toLowerCase();
    for (const idea of ordered) {
      if (idea.for !== like.category) continue;
      if (idea.match && !idea.match.some((m) => value.includes(m.toLowerCase()))) continue;
      consider(idea, like.value, '', { like: like.value });
      if (seen.has(idea.id)) break; // one idea per like keeps the list varied
    }
  }
  const child = input.family.find(isChild);
  if (child) {
    for (const idea of ordered.filter((i) => i.for === 'children')) consider(idea, '', child.name, { child: child.name, relation: child.relation });
  }
  if (out.length === 0) {
    for (const idea of ordered.filter((i) => i.for === 'any')) consider(idea, '', '', null);
  }
  return out.slice(0, input.limit ?? 2);
}

/**
 * One idea as a colleague would put it: the first leads with what they love, the rest are
 * offered as alternatives. `closing` finishes the first line ("would land well").
 */
export function ideaLine(firstName: string, idea: GiftSuggestion, index: number, closing: string): string {
  const because = idea.because;
  if (because && 'like' in because) {
    return index === 0 ? `${firstName} loves ${because.like}: ${idea.text} ${closing}.` : `Or, since ${firstName} loves ${because.like}: ${idea.text}.`;
  }
  if (because && 'child' in because) return `${index === 0 ? 'For' : 'Or, for'} ${because.child} (their ${because.relation}): ${idea.text}.`;
  return `${index === 0 ? 'Idea' : 'Or'}: ${idea.text}.`;
}
