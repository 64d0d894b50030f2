/**
 * A freshly initialised PGlite data folder, for diffs that need a PostgreSQL shadow database.
 * PGlite's initdb costs tens of seconds on a busy machine, so the global setup makes it once and
 * keeps it in the system's temp folder, keyed by the installed PGlite version; later runs on the
 * machine reuse it, and each diff starts from a copy (loadDataDir).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '../..');

/** The path of the kept data folder (a tar file), made first if missing. */
export async function ensurePgliteDataDir(): Promise<string> {
  const { version } = JSON.parse(readFileSync(join(repo, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  const kept = join(tmpdir(), `rapport-pglite-${version}-initdb.tar`);
  if (existsSync(kept)) return kept;
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = new PGlite();
  await pglite.waitReady;
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const tmp = `${kept}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, kept);
  return kept;
}

export function readPgliteDataDir(path: string): Blob {
  return new Blob([readFileSync(path)]);
}
