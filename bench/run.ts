// `npm run bench`: every benchmark, one after another, each in its own process so that one's
// memory and warm caches never colour the next. Arguments after `--` that name a bench pick it;
// the others are passed on to each bench:
//   npm run bench                       all of them
//   npm run bench -- digest-planning    one
//   npm run bench -- import             importing 5,000 vCards (BENCH_IMPORT_ROWS)
//   npm run bench -- slack-ack 300      one, with its own argument (runs)
import { spawnSync } from 'node:child_process';

const BENCHES = ['slack-ack', 'discord-ack', 'command-load', 'footprint', 'digest-planning', 'import', 'mail-sync'] as const;

const args = process.argv.slice(2);
const named = args.filter((a) => (BENCHES as readonly string[]).includes(a));
const rest = args.filter((a) => !named.includes(a));
const selected = named.length === 0 ? BENCHES : BENCHES.filter((b) => named.includes(b));
let failed = 0;
for (const bench of selected) {
  console.log(`\n# bench/${bench}.ts`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${bench}.ts`, ...rest], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
