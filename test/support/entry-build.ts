/**
 * Entry points for tests that spawn a real process (main.ts, scripts, the scheduler child).
 *
 *   spawn(process.execPath, [...entryArgs('src/main.ts'), '--demo'], { cwd: repo, … })
 *
 * Each entry is bundled once per test run with esbuild (packages stay external, as `node` resolves
 * them from the repository's node_modules) into a folder inside the repository, so the bundle finds
 * prisma/ and node_modules/ exactly as the source does. Every later spawn starts plain `node` on
 * that file instead of compiling the whole source tree again through tsx's loader. The folder is
 * made by the global setup and removed when the run ends; outside vitest, `tsx` is used.
 */
import { existsSync, renameSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSync } from 'esbuild';
import { inject } from 'vitest';

export const repo = join(import.meta.dirname, '../..');

function buildDir(): string | undefined {
  try {
    return inject('entryBuildDir');
  } catch {
    return undefined;
  }
}

/**
 * Node arguments that run `entry` (a path relative to the repository): the run's bundle of it,
 * built on first use (atomically, since several test files may ask at once).
 */
export function entryArgs(entry: string): string[] {
  const dir = buildDir();
  if (dir === undefined) return ['--import', 'tsx', join(repo, entry)];
  const out = join(dir, relative(repo, join(repo, entry)).replace(/[/\\]/g, '__').replace(/\.ts$/, '.mjs'));
  if (!existsSync(out)) {
    const tmp = `${out}.${process.pid}.tmp`;
    buildSync({
      entryPoints: [join(repo, entry)],
      outfile: tmp,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
    });
    renameSync(tmp, out);
  }
  return [out];
}
