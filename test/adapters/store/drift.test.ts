// The committed migrations must produce exactly prisma/models.prisma, for each provider.
// When this fails: npm run db:new-migration -- <name>, then commit both new folders.
import { describe, expect, it } from 'vitest';
import { diffMigrations, PROVIDERS, readModels } from '../../../src/adapters/store/migrations.js';

describe.each(PROVIDERS)('migrations of %s', (provider) => {
  it('match the model (no drift)', async () => {
    const result = await diffMigrations(provider);
    expect(result.sql).toContain('empty migration');
    expect(result.empty).toBe(true);
  });

  it('would notice a field added to the model', async () => {
    const models = readModels().replace(/model Client \{\n/, 'model Client {\n  nickname String?\n');
    const result = await diffMigrations(provider, { models });
    expect(result.empty).toBe(false);
    expect(result.sql).toMatch(/nickname/);
  });
});
