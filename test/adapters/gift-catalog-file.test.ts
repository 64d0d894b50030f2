import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGiftCatalog } from '../../src/adapters/gift-catalog-file.js';
import { forEachDatabase } from '../support/databases.js';
import { useHarness } from '../support/core-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'rapport-gifts-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const teamIdeas = file('ideas.json', JSON.stringify([{ id: 'team-wine', for: 'wine', idea: 'a case of {like} from Hill Street Cellars', cost: 20, keywords: ['hill street'] }]));
const loaded = loadGiftCatalog(teamIdeas);

describe('RAPPORT_GIFT_CATALOG', () => {
  it('puts a team\'s ideas ahead of the built-in ones', () => {
    expect(loaded.ok && loaded.catalog[0]?.id).toBe('team-wine');
    expect(loaded.ok && loaded.catalog.length).toBeGreaterThan(1);
  });

  it.each([
    ['not JSON', file('bad.json', '{ nope'), 'could not be read as JSON'],
    ['a missing file', join(dir, 'absent.json'), 'could not be read'],
    ['an idea without a cost', file('nocost.json', JSON.stringify([{ id: 'x', for: 'wine', idea: 'y', keywords: [] }])), 'cost'],
  ])('refuses %s with one message naming the variable', (_what, path, expected) => {
    const result = loadGiftCatalog(path);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/^Configuration error: RAPPORT_GIFT_CATALOG/);
      expect(result.message).toContain(expected);
    }
  });
});

forEachDatabase((db) => {
  const h = useHarness(db, loaded.ok ? { giftCatalog: loaded.catalog } : {});
  it('draws surprise ideas from the team catalog', async () => {
    await h.run('/client add Vintners', { now: new Date('2025-09-01T10:00:00Z') });
    await h.run('/client likes vintners wine pinot noir', { now: new Date('2025-09-01T10:00:00Z') });
    await h.run('/client log vintners call catch-up', { now: new Date('2026-03-09T10:00:00Z') });
    const due = await h.run('/client due all');
    const text = [due.text, ...(due.sections ?? []).flatMap((s) => s.lines)].join('\n');
    expect(text).toContain('Hill Street Cellars');
  });
});
