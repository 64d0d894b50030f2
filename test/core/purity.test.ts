import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The core is pure and platform-neutral: it imports no adapter, database, chat platform or
 * scheduler, and reads neither the environment nor the system clock. ESLint enforces the same;
 * this test states it where the suite's readers look.
 */
const root = join(import.meta.dirname, '../../src/core');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });

const FORBIDDEN: [string, RegExp][] = [
  ['an adapter', /from\s+['"][^'"]*adapters\//],
  ['Prisma', /from\s+['"]@prisma\//],
  ['Slack', /from\s+['"]@slack\//],
  ['discord.js', /from\s+['"]discord\.js['"]/],
  ['node-cron', /from\s+['"]node-cron['"]/],
  ['the environment', /process\.env/],
  ['the system clock', /Date\.now\(|new Date\(\s*\)|DateTime\.now\(|DateTime\.local\(\s*\)/],
  ['randomness', /Math\.random\(|randomUUID\(/],
];

describe('src/core', () => {
  const sources = files(root);
  it('has source files to check', () => expect(sources.length).toBeGreaterThan(20));
  for (const [what, pattern] of FORBIDDEN) {
    it(`does not touch ${what}`, () => {
      const offenders = sources.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
      expect(offenders).toEqual([]);
    });
  }
});
