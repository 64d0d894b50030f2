import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCommandsDoc } from '../scripts/docs-commands.js';
import { ConfigSchema } from '../src/config.js';
import { COMMANDS } from '../src/core/commands/registry.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('the docs stay true to the code', () => {
  it('docs/commands.md is what the registry generates (run npm run docs:commands)', () => {
    expect(read('docs/commands.md')).toBe(renderCommandsDoc());
  });

  it('every command has at least one example', () => {
    for (const command of COMMANDS) expect(command.examples.length, command.name).toBeGreaterThan(0);
  });

  it('docs/configuration.md documents every environment variable', () => {
    const doc = read('docs/configuration.md');
    const variables = Object.keys(ConfigSchema.shape);
    expect(variables.length).toBeGreaterThan(5);
    for (const variable of variables) expect(doc, variable).toContain(`\`${variable}\``);
  });
});

describe('docs/import.md', () => {
  it('lists every CSV header the importer reads', async () => {
    const { COLUMN_SYNONYMS, foldHeader } = await import('../src/adapters/import/csv.js');
    const doc = read('docs/import.md');
    const section = doc.slice(doc.indexOf('## CSV columns'), doc.indexOf('## vCard'));
    const listed = new Set([...section.matchAll(/`([^`]+)`/g)].map((m) => foldHeader(m[1]!)));
    for (const name of Object.values(COLUMN_SYNONYMS).flat()) expect(listed.has(name), name).toBe(true);
  });
});
