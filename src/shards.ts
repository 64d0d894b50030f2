// Runs Rapport's Discord bot as several shard processes (discord.js ShardingManager), for bots in
// more than 2,500 servers: `npm run discord:shards`. Each child is the normal composition root
// (src/main.ts) with its shard id; docs/discord.md says what runs where.
import 'dotenv/config';
import { once } from 'node:events';
import { REST } from 'discord.js';
import { loadConfig } from './config.js';
import { createLogger, corePortLogger } from './adapters/logging/logger.js';
import { openStore } from './adapters/store/index.js';
import { recommendedShards, shardEntry, shardingManager } from './adapters/discord/sharding.js';

async function launch(): Promise<number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    return 2;
  }
  const config = loaded.config;
  if (!config.DISCORD_BOT_TOKEN) {
    process.stderr.write('npm run discord:shards runs the Discord bot: set DISCORD_BOT_TOKEN (docs/configuration.md).\n');
    return 2;
  }
  const logger = corePortLogger(createLogger({ level: config.LOG_LEVEL, destination: process.stderr }));
  // Migrate once here, so the shard processes never race to migrate the same database.
  await (await openStore({ databaseUrl: config.DATABASE_URL, logger })).close();
  const rest = new REST({ ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}) }).setToken(config.DISCORD_BOT_TOKEN);
  const totalShards = config.DISCORD_SHARD_COUNT ?? (await recommendedShards(rest));
  const manager = shardingManager({ token: config.DISCORD_BOT_TOKEN, totalShards, ...shardEntry(import.meta.url) });
  manager.on('shardCreate', (shard) => logger.info({ shard: shard.id, shardCount: totalShards }, 'discord shard process started'));
  await manager.spawn({ amount: totalShards, timeout: 60_000 });
  logger.info({ shardCount: totalShards }, 'every discord shard is connected');
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  // Each child shuts down as on its own SIGTERM; none is started again.
  await Promise.all(
    [...manager.shards.values()].map(async (shard) => {
      const child = shard.process;
      if (!child || child.exitCode !== null) return;
      const exited = once(child, 'exit');
      shard.kill();
      await exited;
    }),
  );
  return 0;
}

launch().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Rapport's shards stopped: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
