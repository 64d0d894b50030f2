import { describe, expect, it } from 'vitest';
import { DEFAULT_GIFT_CATALOG, mergeGiftCatalog, parseGiftIdeas } from '../../../src/core/care/gift-catalog.js';
import { suggestGifts } from '../../../src/core/care/gifts.js';
import { family, like } from '../support/snapshot.js';

describe('gift catalog', () => {
  it('ships ideas for every like category plus children and a fallback', () => {
    const kinds = new Set(DEFAULT_GIFT_CATALOG.map((g) => g.for));
    for (const k of ['coffee', 'wine', 'team', 'children', 'any']) expect(kinds).toContain(k);
  });

  it('a team entry with a known id replaces the default', () => {
    const merged = mergeGiftCatalog([{ id: 'pinot-bottle', for: 'wine', match: ['pinot'], idea: 'a Central Otago pinot', cost: 45, keywords: ['pinot'] }]);
    expect(merged.filter((g) => g.id === 'pinot-bottle')).toHaveLength(1);
    expect(merged[0]!.idea).toBe('a Central Otago pinot');
  });

  it.each([
    { input: [{ id: 'x', for: 'wine', idea: 'a bottle', cost: 10, keywords: [] }], ok: true },
    { input: [{ id: 'x', for: 'yachts', idea: 'a yacht', cost: 10, keywords: [] }], ok: false },
    { input: 'not a list', ok: false },
  ])('validates extra entries at the boundary ($ok)', ({ input, ok }) => {
    expect(parseGiftIdeas(input).ok).toBe(ok);
  });

  it('children get a book', () => {
    const [idea] = suggestGifts({ likes: [], family: [family('f', 'c1', 'son', 'Leo')], recentGifts: [], budget: 60, catalog: DEFAULT_GIFT_CATALOG });
    expect(idea!.text).toBe('a picture book or a novel (about $20)');
    expect(idea!.because).toEqual({ child: 'Leo', relation: 'son' });
  });

  it('no likes and no children: the safe fallback', () => {
    const [idea] = suggestGifts({ likes: [like('c1', 'hobby', 'x')].slice(1), family: [], recentGifts: [], budget: 60, catalog: DEFAULT_GIFT_CATALOG });
    expect(idea!.ideaId).toBe('note-chocolates');
  });
});
