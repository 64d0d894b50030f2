// The committed migrations must produce exactly prisma/models.prisma, for each provider.
// When this fails: npm run db:new-migration -- <name>, then commit both new folders.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { diffMigrations, PROVIDERS, readModels } from '../../../src/adapters/store/migrations.js';
import { readPgliteDataDir } from '../../support/pglite-data-dir.js';

describe.each(PROVIDERS)('migrations of %s', (provider) => {
  // PostgreSQL diffs replay the migrations on a PGlite shadow, as `npm run db:new-migration` does;
  // each starts from a copy of one initialised data folder (made by the global setup) instead of
  // running initdb again.
  let shadowDataDir: Blob | undefined;
  beforeAll(() => {
    if (provider === 'postgresql') shadowDataDir = readPgliteDataDir(inject('pgliteDataDir'));
  });
  const diff = (models?: string) => diffMigrations(provider, { ...(models ? { models } : {}), ...(shadowDataDir ? { shadowDataDir } : {}) });

  it('match the model (no drift)', async () => {
    const result = await diff();
    expect(result.sql).toContain('empty migration');
    expect(result.empty).toBe(true);
  });

  it('would notice a field added to the model', async () => {
    const result = await diff(readModels().replace(/model Client \{\n/, 'model Client {\n  nickname String?\n'));
    expect(result.empty).toBe(false);
    expect(result.sql).toMatch(/nickname/);
  });
});
