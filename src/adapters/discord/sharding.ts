import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Routes, ShardingManager, type REST } from 'discord.js';

/** Discord's recommended shard count for this bot (GET /gateway/bot: about one shard per 1,000 servers). */
export async function recommendedShards(rest: REST): Promise<number> {
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards?: unknown };
  return typeof gateway.shards === 'number' && Number.isInteger(gateway.shards) && gateway.shards >= 1 ? gateway.shards : 1;
}

/**
 * The composition root each shard process runs, beside the launcher: src/main.ts under tsx when the
 * launcher runs from source, dist/main.js once built.
 */
export function shardEntry(launcherUrl: string): { readonly file: string; readonly execArgv: readonly string[] } {
  const launcher = fileURLToPath(launcherUrl);
  const fromSource = basename(launcher).endsWith('.ts');
  return { file: join(dirname(launcher), fromSource ? 'main.ts' : 'main.js'), execArgv: fromSource ? ['--import', 'tsx'] : [] };
}

/**
 * One process per shard, each the normal composition root: discord.js hands every child its shard
 * id and the total (SHARDS, SHARD_COUNT), and starts a child again if it dies.
 */
export function shardingManager(input: { readonly token: string; readonly totalShards: number; readonly file: string; readonly execArgv: readonly string[] }): ShardingManager {
  return new ShardingManager(input.file, { token: input.token, totalShards: input.totalShards, mode: 'process', respawn: true, execArgv: [...input.execArgv] });
}
