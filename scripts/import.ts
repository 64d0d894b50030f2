// Imports clients from a CSV or vCard export into a workspace, through the core's commands.
//   npm run import -- <file> [--workspace <platform:id>] [--dry-run]
// Exit codes: 0 every row imported or unchanged; 1 some rows were rejected (the others landed);
// 2 nothing was written (bad arguments, unknown workspace, a file that cannot be read).
import 'dotenv/config';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../src/config.js';
import { openStore } from '../src/adapters/store/index.js';
import { corePortLogger, createLogger } from '../src/adapters/logging/logger.js';
import { createCore } from '../src/core/core.js';
import { PLATFORMS, type Platform } from '../src/core/model/index.js';
import { readImportFile } from '../src/adapters/import/read-file.js';
import { importRecords, summarize, type RowResult } from '../src/adapters/import/run-import.js';

const USAGE = 'Usage: npm run import -- <file.csv|file.vcf> [--workspace <platform:id>, e.g. slack:T0123] [--dry-run]';
let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { workspace: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const [path, ...extra] = parsed.positionals;
if (path === undefined || extra.length > 0) {
  console.error(USAGE);
  process.exit(2);
}
const target = /^([a-z]+):(.+)$/.exec(parsed.values.workspace ?? 'console:local');
if (target === null || !(PLATFORMS as readonly string[]).includes(target[1]!)) {
  console.error(`--workspace takes <platform:id> with platform one of ${PLATFORMS.join(', ')}, e.g. slack:T0123.`);
  process.exit(2);
}
const dryRun = parsed.values['dry-run'];
const loaded = loadConfig(process.env);
if (!loaded.ok) {
  console.error(loaded.message);
  process.exit(2);
}
const read = await readImportFile(path);
if (!read.ok) {
  console.error(`${read.message}. Nothing was imported.`);
  process.exit(2);
}
const { file } = read;
const logger = corePortLogger(createLogger({ level: 'warn', destination: process.stderr }));
const { store, close } = await openStore({ databaseUrl: loaded.config.DATABASE_URL, logger });
let code = 0;
try {
  const [, platform, externalId] = target as unknown as [string, Platform, string];
  const isConsole = platform === 'console' && externalId === 'local';
  // The console's workspace is made the way the console makes it; any other must already exist.
  const workspace = isConsole
    ? await store.ensureWorkspace({ platform, externalId, name: 'My team', timeZone: loaded.config.RAPPORT_TIME_ZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC', digestChannel: 'console' })
    : await store.findWorkspace(platform, externalId);
  if (workspace === null) {
    console.error(`No workspace ${platform}:${externalId}: install Rapport there first (or check the id). Nothing was imported.`);
    code = 2;
  } else {
    const out = (line: string) => process.stdout.write(`${line}\n`);
    if (file.unknownColumns.length > 0) out(`Ignored columns (not read by Rapport): ${file.unknownColumns.join(', ')}`);
    for (const p of file.problems) out(`line ${p.line}: rejected: ${p.reason}`);
    const verb = (r: RowResult) => (dryRun ? { created: 'would create', updated: 'would update', unchanged: 'unchanged', rejected: 'rejected' }[r.status] : r.status);
    const describe = (r: RowResult) => `line ${r.line}: ${verb(r)} ${r.client}${r.status === 'rejected' ? `: ${r.reason}` : ''}`;
    // A bar on a terminal for long files (rows that need attention are listed after it); one line per row when piped.
    const bar = process.stdout.isTTY && file.records.length >= 50 ? new cliProgress.SingleBar({ format: 'Importing [{bar}] {value}/{total} rows', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
    const later: string[] = [];
    bar?.start(file.records.length, 0);
    const results = await importRecords({
      core: (bound) => createCore({ store: bound, logger }),
      store,
      workspace,
      now: new Date(),
      records: file.records,
      dryRun,
      onRow: (r) => {
        if (bar === null) out(describe(r));
        else {
          bar.increment();
          if (r.status === 'rejected' || dryRun) later.push(describe(r));
        }
      },
    });
    bar?.stop();
    later.forEach(out);
    const s = summarize(results, file.problems);
    out(`${dryRun ? 'Dry run, nothing written: would create' : 'Created'} ${s.created}, ${dryRun ? 'would update' : 'updated'} ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejected} (${file.format}, workspace ${platform}:${externalId}).`);
    if (s.rejected > 0) code = 1;
  }
} finally {
  await close();
}
process.exit(code);
