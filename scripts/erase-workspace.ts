// Erases a workspace at once: its Slack installation (tokens) and every row about its clients.
// For a team that asks to be forgotten without waiting for the uninstall grace period.
//   npm run workspace:erase -- <slack team id>      e.g. npm run workspace:erase -- T0123ABCD
import 'dotenv/config';
import { loadConfig } from '../src/config.js';
import { openStore } from '../src/adapters/store/index.js';

const teamId = process.argv[2];
if (!teamId || !/^[A-Z0-9]{3,32}$/.test(teamId)) {
  console.error('Usage: npm run workspace:erase -- <Slack team id, e.g. T0123ABCD>');
  process.exit(2);
}
const loaded = loadConfig(process.env);
if (!loaded.ok) {
  console.error(loaded.message);
  process.exit(2);
}
const { store, close } = await openStore({ databaseUrl: loaded.config.DATABASE_URL });
try {
  const erased = await store.lifecycle.erase({ platform: 'slack', externalId: teamId });
  console.log(erased ? `Erased Slack team ${teamId}: its installation and all of its client data.` : `No data for Slack team ${teamId}; its installation (if any) was removed.`);
} finally {
  await close();
}
