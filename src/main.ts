import 'dotenv/config';
import { userInfo } from 'node:os';
import { chosenPlatform, loadConfig } from './config.js';
import { createLogger, corePortLogger } from './adapters/logging/logger.js';
import { openStore } from './adapters/store/index.js';
import { runConsole } from './adapters/console/console-adapter.js';
import { demoScript } from './adapters/console/demo.js';
import { handleCommand } from './core/use-cases/handle-command.js';
import type { Clock } from './core/ports/index.js';
import type { CoreDeps } from './core/use-cases/context.js';
import { loadGiftCatalog } from './adapters/gift-catalog-file.js';

/**
 * The composition root: the one place that reads configuration, builds the platform clients and
 * wires them to the core. Everything below receives its dependencies as parameters.
 */
async function main(argv: readonly string[]): Promise<number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    return 2;
  }
  const config = loaded.config;
  const demo = argv.includes('--demo');
  const platform = chosenPlatform(config);
  // In the console, logs go to stderr so that replies on stdout stay clean for scripts.
  const pinoLogger = createLogger({ level: platform === 'console' && config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, destination: process.stderr });
  const logger = corePortLogger(pinoLogger);
  const clock: Clock = { now: () => new Date() };
  const timeZone = config.RAPPORT_TIME_ZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';

  const giftCatalog = loadGiftCatalog(config.RAPPORT_GIFT_CATALOG);
  if (!giftCatalog.ok) {
    process.stderr.write(`${giftCatalog.message}\n`);
    return 2;
  }
  const { store, close } = await openStore({ databaseUrl: config.DATABASE_URL, logger });
  const deps: CoreDeps = { store, logger, giftCatalog: giftCatalog.catalog };
  try {
    if (platform === 'console') {
      const user = { platformUserId: userInfo().username || 'you', displayName: userInfo().username || 'you' };
      let workspace = await store.ensureWorkspace({ platform: 'console', externalId: demo ? 'demo' : 'local', name: demo ? 'Demo team' : 'My team', timeZone, digestChannel: 'console' });
      if (demo) {
        // The demo starts afresh each time so that its dates stay relative to today.
        await store.deleteWorkspace(workspace.id);
        workspace = await store.ensureWorkspace({ platform: 'console', externalId: 'demo', name: 'Demo team', timeZone, digestChannel: 'console' });
        for (const line of demoScript(clock.now(), timeZone)) {
          const reply = await handleCommand(deps, { workspace, actor: user, now: clock.now() }, line);
          if (!reply.ok) throw new Error(`demo seed line failed (${reply.code}): ${line}`);
        }
        process.stdout.write(`Demo workspace ready: 5 clients with contacts, family, dates, likes and a few weeks of history.\nTry /digest, /client due all, /client show acme.\n\n`);
      }
      const interactive = Boolean(process.stdin.isTTY);
      await runConsole({ deps, clock, workspace, user, input: process.stdin, output: process.stdout, interactive });
      return 0;
    }
    pinoLogger.error({ platform }, 'this platform is not wired yet');
    return 1;
  } finally {
    await close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Rapport stopped: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
