// Applies the committed migrations to DATABASE_URL (default file:./data/rapport.db), like
// `prisma migrate deploy`, and prints what it applied.
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from '../src/adapters/store/database.js';
import { applyMigrations } from '../src/adapters/store/migrations.js';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const { provider } = parseDatabaseUrl(url);
  const applied = await applyMigrations(url);
  if (applied.length === 0) console.log(`${provider}: database is up to date`);
  for (const name of applied) console.log(`${provider}: applied ${name}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
