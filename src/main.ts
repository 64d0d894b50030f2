import 'dotenv/config';
import { hostname, userInfo } from 'node:os';
import { PassThrough, type Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import cron from 'node-cron';
import { chosenPlatform, loadConfig, shardPart, slackConfigured, type Config, type ShardPart } from './config.js';
import { createLogger, corePortLogger } from './adapters/logging/logger.js';
import { databaseAnswers, openStore, postgresCoordinator, prismaProcessedRequests, type PrismaStore, type Provider } from './adapters/store/index.js';
import { runConsole } from './adapters/console/console-adapter.js';
import { demoScript } from './adapters/console/demo.js';
import { loadGiftCatalog } from './adapters/gift-catalog-file.js';
import { startHealthServer, type Route } from './adapters/health/health-server.js';
import { calendarFeedRoute } from './adapters/calendar/feed-route.js';
import { createCalendarSecrets } from './adapters/calendar/secrets.js';
import { createMetrics, meterMailboxes, meteredCore, metricsRoute, type Metrics } from './adapters/metrics/index.js';
import { installFaultHandlers } from './adapters/process/faults.js';
import type { DiscordAdapter } from './adapters/discord/index.js';
import { createScheduler, singleProcess, type PlatformOutlet } from './adapters/scheduler/index.js';
import { workLimitsFor } from './adapters/work/bounded-work.js';
import { loadMailConfig, type MailConfig } from './adapters/email/mail-config.js';
import type { MailWatcher } from './adapters/email/watcher.js';
import { createCore, type Core } from './core/core.js';
import { eraseUninstalledWorkspaces } from './core/use-cases/erase-uninstalled.js';
import type { Clock, Logger } from './core/ports/index.js';
import type { Platform } from './core/model/index.js';

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
  const platform = chosenPlatform(config);
  // In the console, logs go to stderr at warn so that replies on stdout stay clean for scripts.
  const pinoLogger = createLogger({ level: platform === 'console' && config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, destination: process.stderr });
  const logger = corePortLogger(pinoLogger);
  installFaultHandlers(process, logger);
  const giftCatalog = loadGiftCatalog(config.RAPPORT_GIFT_CATALOG);
  if (!giftCatalog.ok) {
    process.stderr.write(`${giftCatalog.message}\n`);
    return 2;
  }
  const mail = loadMailConfig(config.RAPPORT_MAIL_CONFIG, process.env);
  if (!mail.ok) {
    process.stderr.write(`${mail.message}\n`);
    return 2;
  }
  // A terminal, or lines piped in (scripts, the README's printf), run the console. Neither, as in a
  // bare `docker run` with no settings, would start and stop silently: say what to set instead.
  const input = platform === 'console' ? (process.stdin.isTTY ? process.stdin : await pipedInput(process.stdin)) : null;
  if (platform === 'console' && input === null) {
    process.stderr.write(`${NOTHING_TO_DO}\n`);
    return 2;
  }
  const clock: Clock = { now: () => new Date() };
  const { store, provider, close } = await openStore({ databaseUrl: config.DATABASE_URL, logger });
  // The calendar feed is served on HEALTH_PORT, which only runs beside a chat platform.
  const calendar = platform !== 'console' && config.RAPPORT_PUBLIC_URL ? createCalendarSecrets({ publicUrl: config.RAPPORT_PUBLIC_URL }) : undefined;
  const core = createCore({ store, logger, giftCatalog: giftCatalog.catalog, ...(calendar ? { calendar } : {}) });
  try {
    if (input !== null) return await runInTerminal({ config, core, store, clock, input, demo: argv.includes('--demo') });
    return await runOnSlack({ config, core, store, provider, clock, logger, mail: mail.config });
  } finally {
    await close();
  }
}

/** The console: the embedded database and the terminal as the chat platform. */
async function runInTerminal(options: { config: Config; core: Core; store: PrismaStore; clock: Clock; input: Readable; demo: boolean }): Promise<number> {
  const { config, core, store, clock, input, demo } = options;
  const timeZone = config.RAPPORT_TIME_ZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const name = userInfo().username || 'you';
  const user = { platformUserId: name, displayName: name };
  const externalId = demo ? 'demo' : 'local';
  const open = () => store.ensureWorkspace({ platform: 'console', externalId, name: demo ? 'Demo team' : 'My team', timeZone, digestChannel: 'console' });
  let workspace = await open();
  if (demo) {
    // The demo starts afresh each time so that its dates stay relative to today.
    await store.deleteWorkspace(workspace.id);
    workspace = await open();
    for (const line of demoScript(clock.now(), timeZone)) {
      const reply = await core.runLine({ workspace, actor: user, now: clock.now(), mentionsByName: true }, line);
      if (!reply.ok) throw new Error(`demo seed line failed (${reply.code}): ${line}`);
    }
    process.stdout.write('Demo workspace ready: 5 clients with contacts, family, dates, likes and a few weeks of history.\nTry /digest, /client due all, /client show acme.\n\n');
  }
  await runConsole({ core, store, clock, workspace, user, input, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
  return 0;
}

const NOTHING_TO_DO =
  'Rapport has no chat platform and no input: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to run on Slack, or DISCORD_BOT_TOKEN for Discord (docs/configuration.md), ' +
  'or attach a terminal (docker run -it …) or pipe /client lines in to use the console.';

/**
 * Waits for the first bytes of a piped stdin: null when it ends with none at all, otherwise a stream
 * that replays those bytes and then the rest.
 */
function pipedInput(stdin: Readable): Promise<Readable | null> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      stop();
      stdin.pause();
      const rest = new PassThrough();
      rest.write(chunk);
      resolve(stdin.pipe(rest));
    };
    const onEnd = () => (stop(), resolve(null));
    const onError = (error: Error) => (stop(), reject(error));
    stdin.on('data', onData);
    stdin.once('end', onEnd);
    stdin.once('error', onError);
  });
}

/** Slack and/or Discord: the Bolt app, the Discord bot, the digest scheduler, the daily erasure of uninstalled workspaces, and /healthz. */
async function runOnSlack(input: { config: Config; core: Core; store: PrismaStore; provider: Provider; clock: Clock; logger: Logger; mail: MailConfig | null }): Promise<number> {
  const { config, store, provider, clock, logger } = input;
  const metrics = createMetrics();
  const core = meteredCore(input.core, metrics, () => performance.now());
  // A shard process (npm run discord:shards) runs its own Discord shards; only the first also runs what must run once.
  const shard = shardPart(config);
  const once = shard === null || shard.first;
  // Each platform's library is loaded only when it is configured (Bolt and discord.js are tens of MB each).
  const slackModule = slackConfigured(config) && once ? await import('./adapters/slack/index.js') : null;
  const slack = slackModule ? slackModule.createSlackAdapter({
    store,
    lifecycle: store.lifecycle,
    installations: store.installations,
    processedEvents: store.processedEvents,
    processedRequests: prismaProcessedRequests(store.db, { prefix: slackModule.REPLAY_ID_PREFIX, rememberMs: slackModule.REPLAY_MEMORY_MS }),
    logger,
    clock,
    mode: config.SLACK_MODE ?? (config.SLACK_APP_TOKEN ? 'socket' : 'http'),
    ...(config.SLACK_BOT_TOKEN ? { botToken: config.SLACK_BOT_TOKEN } : {}),
    ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
    ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
    ...(config.SLACK_CLIENT_ID ? { clientId: config.SLACK_CLIENT_ID } : {}),
    ...(config.SLACK_CLIENT_SECRET ? { clientSecret: config.SLACK_CLIENT_SECRET } : {}),
    ...(config.SLACK_STATE_SECRET ? { stateSecret: config.SLACK_STATE_SECRET } : {}),
    ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    port: config.PORT,
    core,
    work: workLimitsFor(provider),
    ...(config.RAPPORT_TIME_ZONE ? { defaultTimeZone: config.RAPPORT_TIME_ZONE } : {}),
  }) : null;
  const discord = await discordAdapter({ config, core, store, provider, clock, logger, shard });
  const coordinator = provider === 'postgresql' ? postgresCoordinator({ databaseUrl: config.DATABASE_URL }) : singleProcess;
  // Each platform this process runs registers its outlet; a workspace goes out through its own.
  const platforms = new Map<Platform, PlatformOutlet>();
  if (slack) platforms.set('slack', { publisher: slack.publisher, notifier: slack.notifier });
  if (discord) platforms.set('discord', { publisher: discord.publisher, notifier: discord.notifier });
  const scheduler = createScheduler({
    store,
    ledger: store.deliveryLedger,
    lifecycle: store.lifecycle,
    platforms,
    planDigest: core.planDigest,
    clock,
    logger,
    random: Math.random,
    sleep: (ms) => sleep(ms),
    instanceId: config.RAPPORT_INSTANCE_ID ?? hostname(),
    graceMinutes: config.DELIVERY_GRACE_MINUTES,
    coordinator,
    observer: metrics.scheduler,
  });
  const { port } = slack ? await slack.start() : { port: null };
  await discord?.start();
  if (once) scheduler.start();
  // Like the scheduler, mailboxes are watched by one process only.
  const mailWatcher = once ? await startMailWatcher({ mail: input.mail, core, store, clock, logger, platforms }) : null;
  if (mailWatcher) meterMailboxes(metrics, () => mailWatcher.states(), clock);
  const erasure = cron.schedule('17 3 * * *', () => {
    if (!once) return;
    eraseUninstalledWorkspaces({ lifecycle: store.lifecycle, now: clock.now(), graceDays: config.SLACK_UNINSTALL_GRACE_DAYS }).then(
      (erased) => erased.length > 0 && logger.info({ count: erased.length }, 'erased the data of uninstalled workspaces after the grace period'),
      (error: unknown) => logger.error({ err: error }, 'erasing uninstalled workspaces failed'),
    );
  });
  const health = await startHealthServer({
    // Each shard process answers on its own port: HEALTH_PORT plus its first shard id.
    port: shard && config.HEALTH_PORT !== 0 ? config.HEALTH_PORT + shard.shards[0]! : config.HEALTH_PORT,
    checks: { database: databaseAnswers(store.db), ...(discord ? { discord: async () => discord.connected() } : {}) },
    routes: operatorRoutes({ config, store, clock, logger, metrics }),
    onError: (error) => logger.error({ err: error }, 'operator port request failed'),
  });
  const running = [slack ? 'Slack' : null, discord ? 'Discord' : null].filter(Boolean).join(' and ');
  logger.info({ port, healthPort: config.HEALTH_PORT, provider, ...(shard ? { shards: shard.shards, shardCount: shard.count } : {}) }, `Rapport is running on ${running}`);

  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  logger.info({}, 'shutting down');
  await erasure.stop();
  await scheduler.stop();
  await mailWatcher?.stop();
  await slack?.stop();
  await discord?.stop();
  await coordinator.close();
  await health.close();
  return 0;
}

/** What HEALTH_PORT serves besides /healthz: /metrics, and the calendar feed when there is a public address. */
function operatorRoutes(input: { config: Config; store: PrismaStore; clock: Clock; logger: Logger; metrics: Metrics }): Route[] {
  const { config, store, clock, logger, metrics } = input;
  const routes = [metricsRoute(metrics)];
  if (config.RAPPORT_PUBLIC_URL) routes.push(calendarFeedRoute({ feeds: store.calendarFeeds, store, clock, logger, domain: new URL(config.RAPPORT_PUBLIC_URL).hostname }));
  return routes;
}

/**
 * The mail watcher when RAPPORT_MAIL_CONFIG names mailboxes. A mailbox that keeps failing is told
 * once to its workspace's digest channel, through that workspace's platform.
 */
async function startMailWatcher(input: { mail: MailConfig | null; core: Core; store: PrismaStore; clock: Clock; logger: Logger; platforms: ReadonlyMap<Platform, PlatformOutlet> }): Promise<MailWatcher | null> {
  const { mail, core, store, clock, logger, platforms } = input;
  if (mail === null) return null;
  // Loaded only when mailboxes are configured: the IMAP client and the mail parser are memory a chat-only team does not need.
  const { createMailWatcher } = await import('./adapters/email/watcher.js');
  const watcher = createMailWatcher({
    core,
    store,
    mailboxes: store.mailboxes,
    settings: mail.mailboxes,
    clock,
    logger,
    random: Math.random,
    pollMs: mail.pollMs,
    async notify(workspace, message, key) {
      const outlet = platforms.get(workspace.platform);
      if (!outlet || !workspace.digestChannel) return;
      await outlet.publisher.publish({ workspaceExternalId: workspace.externalId, channel: workspace.digestChannel, digest: message, deliveryKey: key });
    },
  });
  watcher.start();
  return watcher;
}

/** The Discord bot when DISCORD_BOT_TOKEN is set; it runs beside Slack in the same process. */
async function discordAdapter(input: { config: Config; core: Core; store: PrismaStore; provider: Provider; clock: Clock; logger: Logger; shard: ShardPart | null }): Promise<DiscordAdapter | null> {
  const { config, core, store, provider, clock, logger, shard } = input;
  if (!config.DISCORD_BOT_TOKEN) return null;
  const { createDiscordAdapter } = await import('./adapters/discord/index.js');
  return createDiscordAdapter({
    core,
    store,
    lifecycle: store.lifecycle,
    processedEvents: store.processedEvents,
    logger,
    clock,
    token: config.DISCORD_BOT_TOKEN,
    work: workLimitsFor(provider),
    ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
    ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}),
    ...(config.DISCORD_STAFF_ROLE_ID ? { staffRoleId: config.DISCORD_STAFF_ROLE_ID } : {}),
    ...(config.DISCORD_SUPPORT_CHANNEL_IDS ? { supportChannels: config.DISCORD_SUPPORT_CHANNEL_IDS } : {}),
    ...(config.RAPPORT_TIME_ZONE ? { defaultTimeZone: config.RAPPORT_TIME_ZONE } : {}),
    ...(shard ? { shards: { ids: shard.shards, count: shard.count } } : {}),
  });
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
