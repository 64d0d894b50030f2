// Writes the SQLite and PostgreSQL variants of prisma/models.prisma and generates a client for each.
// Prisma fixes the provider in the schema, so one model source yields two schemas; both are derived
// here and never edited by hand. PRISMA_SCHEMA_ENGINE_BINARY points at a stub because `generate`
// does not need the Rust schema engine, and these machines cannot download it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PROVIDERS = ['sqlite', 'postgresql'];

export function schemaFor(provider, models) {
  return `// Generated from prisma/models.prisma by scripts/prisma-generate.mjs. Do not edit.
generator client {
  provider            = "prisma-client"
  output              = "../../src/adapters/store/generated/${provider}"
  moduleFormat        = "esm"
  importFileExtension = "js"
  runtime             = "nodejs"
}

datasource db {
  provider = "${provider}"
}

${models}`;
}

function main() {
  // A production install (npm ci --omit=dev) runs from compiled code whose clients were generated at build time.
  if ((process.env.npm_config_omit ?? '').includes('dev') || !existsSync(join(root, 'prisma/models.prisma'))) {
    console.log('production install: skipping Prisma client generation');
    return;
  }
  let prismaCli;
  try {
    prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  } catch {
    console.log('prisma CLI not installed (production install): skipping client generation');
    return;
  }
  const models = readFileSync(join(root, 'prisma/models.prisma'), 'utf8');
  for (const provider of PROVIDERS) {
    const dir = join(root, 'prisma', provider);
    mkdirSync(dir, { recursive: true });
    const schemaPath = join(dir, 'schema.prisma');
    writeFileSync(schemaPath, schemaFor(provider, models));
    const stub = existsSync('/bin/false') ? '/bin/false' : process.execPath;
    const run = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', schemaPath], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    });
    if (run.status !== 0) {
      console.error(`prisma generate failed for ${provider}`);
      process.exit(run.status ?? 1);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
