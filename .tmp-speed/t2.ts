const { applyMigrations } = await import('../src/adapters/store/migrations.ts');
const url = process.argv[2]!;
const t2 = performance.now();
const a = await applyMigrations(url);
const t3 = performance.now();
console.log({ firstCallOnMigrated: t3 - t2, applied: a.length });
