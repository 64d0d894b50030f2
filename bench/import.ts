// Importing a large vCard export (5,000 cards by default), against a floor measured in the same run.
//   npx tsx bench/import.ts              (SQLite)
//   BENCH_IMPORT_ROWS=500 npx tsx bench/import.ts
// The file is generated the way Apple and Google write cards: folded lines, several emails, BDAY
// with and without a year, ANNIVERSARY, ORG, TEL, NOTE. Each measure runs in its own child process
// on its own fresh database, so its peak resident memory is its own:
//   import  what `npm run import` does: read the file, then every card through the core's commands
//   parse   reading the file alone (ical.js and the mapping to records)
//   floor   reading the file, then the same rows written by hand: plain createMany in one transaction,
//           with none of the matching, checks or idempotence; no import can be faster than this
// Reported: time, rows per second, peak RSS, and the import's ratio to the floor.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readImportFile } from '../src/adapters/import/read-file.js';
import { importRecords } from '../src/adapters/import/run-import.js';
import { corePortLogger, createLogger } from '../src/adapters/logging/logger.js';
import { openStore } from '../src/adapters/store/index.js';
import { createCore } from '../src/core/core.js';
import { normalizeName } from '../src/core/commands/names.js';
import { parseCalendarDate } from '../src/core/commands/dates.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 5000);
const SELF = fileURLToPath(import.meta.url);
const NOW = new Date('2026-03-10T09:00:00Z');
type Mode = 'import' | 'parse' | 'floor';

interface Measure {
  readonly ms: number;
  readonly peakRssMb: number;
  readonly rows: number;
}

/** 5,000 cards as an address book exports them; every fifth works at an organisation. */
export function generateVcards(n: number): string {
  const cards: string[] = [];
  for (let i = 0; i < n; i++) {
    const first = ['Renée', 'Chidi', 'María', 'Jonas', 'Aiko', 'Liam'][i % 6]!;
    const last = `Testperson${i}`;
    const lines = ['BEGIN:VCARD', i % 2 === 0 ? 'VERSION:3.0' : 'VERSION:4.0', `N:${last};${first};;;`, `FN:${first} ${last}`];
    if (i % 5 === 0) lines.push(`ORG:Company ${i} Holdings;`, 'TITLE:Head of Partnerships');
    // A long address, folded at 75 octets as exporters do.
    lines.push(`EMAIL;type=INTERNET;type=WORK:${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${last.toLowerCase()}@interna`, ' tional-holdings-and-partners.example');
    if (i % 3 === 0) lines.push(`EMAIL;type=INTERNET;type=HOME:p${i}@home.example`);
    lines.push(`TEL;type=CELL:+44 7700 ${String(100000 + i).slice(-6)}`);
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(i % 2 === 0 ? `BDAY:19${60 + (i % 40)}-${month}-${day}` : `BDAY:--${month}${day}`);
    if (i % 4 === 0) lines.push(`ANNIVERSARY:20${10 + (i % 10)}${month}${day}`);
    if (i % 7 === 0) lines.push(`NOTE:Met at the trade fair\\, prefers email.`);
    lines.push('END:VCARD');
    cards.push(lines.join('\r\n'));
  }
  return `${cards.join('\r\n')}\r\n`;
}

/** Child process: one measure on a fresh SQLite database, reported to the parent. */
async function child(mode: Mode, path: string, databaseUrl: string): Promise<Measure> {
  const started = performance.now();
  const read = await readImportFile(path);
  if (!read.ok) throw new Error(read.message);
  const records = read.file.records;
  if (mode === 'parse') return { ms: performance.now() - started, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), rows: records.length };
  const logger = corePortLogger(createLogger({ level: 'silent' }));
  const { store, close } = await openStore({ databaseUrl });
  const workspace = await store.ensureWorkspace({ platform: 'console', externalId: 'bench', name: 'Bench', timeZone: 'Europe/London' });
  // Opening (and migrating) the fresh database is not the import's work: the clock stops meanwhile.
  const parsedMs = performance.now() - started;
  const writing = performance.now();
  if (mode === 'import') {
    const results = await importRecords({ core: (bound) => createCore({ store: bound, logger }), store, workspace, now: NOW, records, dryRun: false });
    const rejected = results.filter((r) => r.status === 'rejected');
    if (rejected.length > 0) throw new Error(`${rejected.length} rows rejected, e.g. ${JSON.stringify(rejected[0])}`);
  } else {
    // The same rows by hand: a client, a contact with its emails, and its dates, for every record.
    const db = store.db;
    await db.$transaction(async (tx) => {
      const clients = records.map((r, i) => ({ id: `c${i}`, workspaceId: workspace.id, name: r.client, normalizedName: normalizeName(r.client), tier: 'standard', status: 'active', createdAt: NOW }));
      await tx.client.createMany({ data: clients });
      await tx.contact.createMany({ data: records.map((r, i) => ({ id: `p${i}`, workspaceId: workspace.id, clientId: `c${i}`, name: r.contact ?? r.client, role: r.role ?? null, phone: r.phone ?? null })) });
      await tx.contactEmail.createMany({ data: records.flatMap((r, i) => r.emails.map((address) => ({ workspaceId: workspace.id, contactId: `p${i}`, address }))) });
      const dates = records.flatMap((r, i) =>
        (
          [
            ['birthday', r.birthday],
            ['wedding-anniversary', r.anniversary],
          ] as const
        ).flatMap(([kind, text]) => {
          if (text === undefined) return [];
          const d = parseCalendarDate(text, NOW, 'Europe/London');
          if (!d.ok) return [];
          return [{ workspaceId: workspace.id, clientId: `c${i}`, kind, month: d.value.month, day: d.value.day, year: d.value.year, monthDay: d.value.month * 100 + d.value.day }];
        }),
      );
      await tx.importantDate.createMany({ data: dates });
      const notes = records.flatMap((r, i) => (r.notes === undefined ? [] : [{ workspaceId: workspace.id, clientId: `c${i}`, text: r.notes, createdAt: NOW }]));
      await tx.note.createMany({ data: notes });
    }, { timeout: 600_000 });
  }
  const ms = parsedMs + (performance.now() - writing);
  await close();
  return { ms, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), rows: records.length };
}

function measure(mode: Mode, path: string, databaseUrl: string): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const proc = fork(SELF, ['--child', mode, path, databaseUrl], { execArgv: ['--import', 'tsx'] });
    proc.once('message', (m) => resolve(m as Measure));
    proc.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`${mode} exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-import-'));
  try {
    const path = join(dir, 'contacts.vcf');
    writeFileSync(path, generateVcards(ROWS));
    console.log(`Import of ${ROWS} vCards (SQLite, each measure in its own process on a fresh database)`);
    const results: Record<Mode, Measure> = {} as Record<Mode, Measure>;
    for (const mode of ['parse', 'floor', 'import'] as const) {
      results[mode] = await measure(mode, path, `file:${join(dir, `${mode}.db`)}`);
      const r = results[mode];
      console.log(`  ${mode.padEnd(7)} ${(r.ms / 1000).toFixed(2).padStart(8)} s  ${Math.round((r.rows / r.ms) * 1000).toString().padStart(7)} rows/s  peak RSS ${r.peakRssMb} MB`);
    }
    console.log(`  import / floor: ${(results.import.ms / results.floor.ms).toFixed(1)}x the time; parsing is ${Math.round((results.parse.ms / results.import.ms) * 100)}% of the import`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [, , , mode, path, databaseUrl] = process.argv as [string, string, string, Mode, string, string];
  child(mode, path, databaseUrl).then(
    (m) => process.send!(m, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  await main();
}
