// Committed migrations: applied at start-up like `prisma migrate deploy` (same folders, same
// `_prisma_migrations` table, so the standard CLI stays compatible), and diffed against the model
// for the drift check and to write the next migration.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { adapterFactory, ensurePostgresSchema, parseDatabaseUrl, type Provider } from './database.js';
import type { withSchemaEngine as WithSchemaEngine } from './schema-engine.js';

export const PROVIDERS: readonly Provider[] = ['sqlite', 'postgresql'];
const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

/** The repository's `prisma` folder, found upward from this file (works from src/ and dist/). */
export function prismaDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'prisma', 'models.prisma'))) return join(dir, 'prisma');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('prisma/models.prisma not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export function migrationsDir(provider: Provider, base = prismaDir()): string {
  return join(base, 'migrations', provider);
}

/** The model file as a complete schema for one provider (the generator block does not matter here). */
export function schemaFor(provider: Provider, models: string): string {
  return `datasource db {\n  provider = "${provider}"\n}\n\n${models}`;
}

export function readModels(base = prismaDir()): string {
  return readFileSync(join(base, 'models.prisma'), 'utf8');
}

/** Loads a provider's migration folders in name (timestamp) order, as the engine expects them. */
export function readMigrations(provider: Provider, dir = migrationsDir(provider)): MigrationList {
  const lockPath = join(dir, 'migration_lock.toml');
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    // Without the lockfile's provider the engine cannot tell which connector replays the history.
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : `provider = "${provider}"\n`,
    },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: readFileSync(join(dir, name, 'migration.sql'), 'utf8') } },
    })),
  };
}

/** Applies the migrations not yet applied to the database at url; returns their names. */
export async function applyMigrations(url: string, options: { readonly migrations?: MigrationList; readonly log?: (line: string) => void } = {}): Promise<string[]> {
  const target = parseDatabaseUrl(url);
  await ensurePostgresSchema(target);
  const migrationsList = options.migrations ?? readMigrations(target.provider);
  if (await alreadyApplied(target, migrationsList)) return [];
  const models = readModelsOrEmpty();
  // Loaded only when something is to be applied: the engine is about 1 s of start-up and tens of MB.
  const { withSchemaEngine } = await import('./schema-engine.js');
  const result = await withSchemaEngine(
    {
      datamodels: [['schema.prisma', schemaFor(target.provider, models)]],
      factory: adapterFactory(target),
      ...(options.log ? { log: options.log } : {}),
    },
    (engine) => engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
  );
  return result.appliedMigrationNames;
}

/**
 * True when every committed migration is recorded as finished in `_prisma_migrations`, with the
 * checksum of the same file (Prisma's: SHA-256 of migration.sql). One query through the driver, so
 * an up-to-date database (every start but the first after an upgrade) never starts the engine. Any
 * doubt (no table yet, a failed or edited migration, an unreadable answer) leaves it to the engine.
 */
async function alreadyApplied(target: ReturnType<typeof parseDatabaseUrl>, list: MigrationList): Promise<boolean> {
  if (target.provider === 'sqlite' && (target.file === ':memory:' || !existsSync(target.file))) return false;
  const adapter = await adapterFactory(target).connect();
  try {
    const result = await adapter.queryRaw({
      sql: 'SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      args: [],
      argTypes: [],
    });
    const applied = new Map(result.rows.map((row) => [String(row[0]), String(row[1])]));
    return list.migrationDirectories.every((dir) => {
      const content = dir.migrationFile.content;
      return content.tag === 'ok' && applied.get(dir.path) === createHash('sha256').update(content.value).digest('hex');
    });
  } catch {
    return false;
  } finally {
    await adapter.dispose();
  }
}

/** Production images may ship without the model file; the engine only needs a datasource then. */
function readModelsOrEmpty(): string {
  try {
    return readModels();
  } catch {
    return '';
  }
}

export interface DiffResult {
  /** True when the migrations already produce the model. */
  readonly empty: boolean;
  /** The SQL of the missing step (the next migration) when not empty. */
  readonly sql: string;
}

/**
 * Diffs the committed migrations (replayed on a throw-away shadow database) against the model.
 * Dev-only: the PostgreSQL shadow is PGlite, a dev dependency imported only here, so start-up never
 * loads it.
 */
export async function diffMigrations(
  provider: Provider,
  options: {
    readonly models?: string;
    readonly migrations?: MigrationList;
    /** PostgreSQL on PGlite: a data folder (dumpDataDir) to start the shadow from instead of running initdb again. */
    readonly shadowDataDir?: Blob;
  } = {},
): Promise<DiffResult> {
  const models = options.models ?? readModels();
  const migrations = options.migrations ?? readMigrations(provider);
  const schema = schemaFor(provider, models);
  const { withSchemaEngine } = await import('./schema-engine.js');
  const run = async (factoryAndShadow: Pick<Parameters<typeof WithSchemaEngine>[0], 'factory' | 'shadow'>) =>
    withSchemaEngine({ datamodels: [['schema.prisma', schema]], ...factoryAndShadow }, (engine) =>
      engine.diff({
        from: { tag: 'migrations', ...migrations },
        to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
        script: true,
        exitCode: true,
        filters: NO_FILTERS,
      }),
    );
  let result;
  if (provider === 'sqlite') {
    // The main connection is never used by a diff; the shadow is in memory.
    result = await run({ factory: adapterFactory({ provider: 'sqlite', file: ':memory:' }) });
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    const pglite = new PGlite(options.shadowDataDir ? { loadDataDir: options.shadowDataDir } : undefined);
    const factory = new PrismaPGlite(pglite);
    try {
      result = await run({ factory, shadow: (): Promise<SqlDriverAdapter> => factory.connectToShadowDb() });
    } finally {
      await pglite.close();
    }
  }
  const sql = result.stdout ?? '';
  return { empty: result.exitCode === 0, sql };
}
