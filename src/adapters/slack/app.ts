import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, webApi, type AppOptions, type InstallationStore } from '@slack/bolt';
import type { DigestPublisher, Clock, Installations, Logger, MemberNotifier, ProcessedEvents, ProcessedRequests, Store, WorkspaceLifecycle } from '../../core/ports/index.js';
import { registerDigestActions } from './actions.js';
import { answerFaults, apologiseForAuthorization } from './answer.js';
import { boltLogger } from './bolt-logger.js';
import { registerCommands } from './commands.js';
import type { SlackDeps } from './deps.js';
import { dedupeEvents, registerUninstall } from './events.js';
import { registerHome } from './home.js';
import { NotInstalledError, createInstallationStore } from './installation-store.js';
import { ChannelPacer, realSleep, type Sleep } from './pacer.js';
import { createDigestPublisher } from './publisher.js';
import { createMemberNotifier } from './notify.js';
import { slackFetch } from './outgoing.js';
import { ScreenedHTTPReceiver } from './receiver.js';
import { onlyServedTeam } from './single-team.js';
import type { Core } from '../../core/core.js';
import { registerSubmissions } from './submissions.js';
import { AfterAck, DEFAULT_WORK_LIMITS, type WorkLimits } from './work.js';

/** The bot scopes Rapport asks for; docs/slack.md gives the reason for each. */
export const BOT_SCOPES = ['commands', 'chat:write', 'channels:history', 'groups:history', 'incoming-webhook'] as const;

export interface SlackAdapterOptions {
  readonly store: Store;
  /** Install, uninstall and reinstall of Slack teams. */
  readonly lifecycle: WorkspaceLifecycle;
  /** OAuth installations (tokens), when distributed to many teams. */
  readonly installations: Installations;
  /** Events API ids already handled, so Slack's retries have no second effect. */
  readonly processedEvents: ProcessedEvents;
  /** Signed HTTP requests already handled (replay protection across replicas); the store implements it. */
  readonly processedRequests: ProcessedRequests;
  readonly logger: Logger;
  readonly clock: Clock;
  /** `http`: Events API on `port` (needs signingSecret). `socket`: Socket Mode (needs appToken). */
  readonly mode: 'http' | 'socket';
  /** Single workspace: the bot token. Leave it out for OAuth distribution (clientId, clientSecret, stateSecret). */
  readonly botToken?: string;
  readonly signingSecret?: string;
  readonly appToken?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly stateSecret?: string;
  /** Overrides https://slack.com/api/ (SLACK_API_URL): a local Slack-compatible server or a test fake. */
  readonly apiUrl?: string;
  /** Overrides Slack's OAuth authorize page (tests). */
  readonly authorizeUrl?: string;
  /** HTTP port: the Events API in http mode; the OAuth pages in socket mode. 0 picks a free port. */
  readonly port: number;
  /** Web API request timeout, so a lost answer surfaces as an error (10 s by default). */
  readonly requestTimeoutMs?: number;
  readonly sleep?: Sleep;
  /** Rapport itself: every command, button and form is decided there. */
  readonly core: Core;
  /** The IANA zone new workspaces start with (RAPPORT_TIME_ZONE); each can change it with /client settings. */
  readonly defaultTimeZone?: string;
  /** How much acknowledged work runs at once and may wait (DEFAULT_WORK_LIMITS when absent). */
  readonly work?: Partial<WorkLimits>;
}

export interface SlackAdapter {
  /** Starts listening; resolves with the HTTP port when one is open. */
  start(): Promise<{ readonly port: number | null }>;
  stop(): Promise<void>;
  readonly publisher: DigestPublisher;
  /** Direct messages from the app, e.g. telling owners that digests are blocked. */
  readonly notifier: MemberNotifier;
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const oauth = options.botToken === undefined;
  checkOptions(options, oauth);
  // One limiter per channel for every post, the work's busy replies and apologies included.
  const pacer = new ChannelPacer(options.clock, options.sleep ?? realSleep);
  const deps: SlackDeps = {
    store: options.store,
    logger: options.logger,
    clock: options.clock,
    pacer,
    work: new AfterAck({ ...DEFAULT_WORK_LIMITS, ...options.work }, options.logger, pacer),
    core: options.core,
    ...(options.defaultTimeZone ? { defaultTimeZone: options.defaultTimeZone } : {}),
  };
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  // One retry owner: the client makes one bounded attempt a call and hands a 429 back at once
  // (rejectRateLimitedCalls), instead of its default ten retries over about thirty minutes, which
  // ran inside the pacer and the scheduler's backoff and could outlive the delivery ledger's lease.
  const clientOptions: webApi.WebClientOptions = {
    fetch: slackFetch(),
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: requestTimeoutMs,
  };
  const installationStore: InstallationStore = createInstallationStore({
    installations: options.installations,
    lifecycle: options.lifecycle,
    store: options.store,
    clock: options.clock,
    ...(options.defaultTimeZone ? { defaultTimeZone: options.defaultTimeZone } : {}),
  });
  const logger = boltLogger(options.logger);
  const oauthOptions = {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    stateSecret: options.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore,
    installerOptions: {
      directInstall: true,
      installPath: '/slack/install',
      redirectUriPath: '/slack/oauth_redirect',
      ...(options.authorizeUrl ? { authorizationUrl: options.authorizeUrl } : {}),
      ...(options.mode === 'socket' ? { port: options.port } : {}),
    },
  };
  // HTTP mode: Bolt's receiver behind a screen (malformed, skewed and replayed requests stop there).
  const receiver =
    options.mode === 'http'
      ? new ScreenedHTTPReceiver(
          {
            signingSecret: options.signingSecret ?? '',
            logger,
            ...(oauth ? { ...oauthOptions, installerOptions: { ...oauthOptions.installerOptions, clientOptions } } : {}),
          },
          { signingSecret: options.signingSecret ?? '', logger: options.logger, firstDelivery: (id) => options.processedRequests.claim(id, options.clock.now()) },
        )
      : undefined;
  const appOptions: AppOptions = {
    logger,
    clientOptions,
    deferInitialization: true,
    // The error handler gets the request body, to answer a person whose request failed authorisation.
    extendedErrorHandler: true,
    ...(receiver ? { receiver } : { socketMode: true, appToken: options.appToken }),
    ...(oauth ? (receiver ? {} : oauthOptions) : { token: options.botToken }),
  };
  const app = new App(appOptions);

  let servedTeam: string | undefined;
  app.use(answerFaults(deps));
  if (!oauth) app.use(onlyServedTeam(() => servedTeam, options.logger));
  app.use(dedupeEvents({ processedEvents: options.processedEvents, clock: options.clock, logger: options.logger }));
  registerUninstall(app, { installations: options.installations, lifecycle: options.lifecycle, clock: options.clock, logger: options.logger });
  registerCommands(app, deps);
  registerDigestActions(app, deps);
  registerSubmissions(app, deps);
  registerHome(app, deps);
  app.error(async ({ error, body }: { error: Error; body: unknown }) => {
    options.logger.error({ err: error }, 'slack listener failed');
    await apologiseForAuthorization(error, body, (cause) => cause instanceof NotInstalledError).catch((failure: unknown) =>
      options.logger.warn({ err: failure }, 'could not deliver the apology either'),
    );
  });

  const clients = new Map<string, webApi.WebClient>();
  const clientFor = async (teamId: string): Promise<webApi.WebClient | null> => {
    let token = options.botToken;
    if (oauth) {
      try {
        const installation = await installationStore.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
        token = installation.bot?.token;
      } catch {
        return null;
      }
    }
    if (!token) return null;
    const client = clients.get(token) ?? new webApi.WebClient(token, { ...clientOptions, logger });
    clients.set(token, client);
    return client;
  };

  return {
    async start() {
      await app.init();
      if (!oauth) {
        // One workspace has no install callback: a restart with a (new) token is its reinstall.
        const team = (await app.client.auth.test()).team_id;
        servedTeam = team;
        if (team) await options.lifecycle.returned({ platform: 'slack', externalId: team });
      }
      const started: unknown = await app.start(options.port);
      const address = (started as Server | undefined)?.address?.();
      return { port: address && typeof address === 'object' ? (address as AddressInfo).port : null };
    },
    async stop() {
      await app.stop();
      // Every acknowledged request is answered before the process goes.
      await deps.work.idle();
    },
    publisher: createDigestPublisher({ ...deps, clientFor, requestTimeoutMs }),
    notifier: createMemberNotifier({ ...deps, clientFor, requestTimeoutMs }),
  };
}

function checkOptions(o: SlackAdapterOptions, oauth: boolean): void {
  const missing: string[] = [];
  if (o.mode === 'http' && !o.signingSecret) missing.push('signingSecret (SLACK_SIGNING_SECRET)');
  if (o.mode === 'socket' && !o.appToken) missing.push('appToken (SLACK_APP_TOKEN)');
  if (oauth) {
    if (!o.clientId) missing.push('clientId (SLACK_CLIENT_ID) or botToken (SLACK_BOT_TOKEN)');
    if (!o.clientSecret) missing.push('clientSecret (SLACK_CLIENT_SECRET)');
    if (!o.stateSecret) missing.push('stateSecret (SLACK_STATE_SECRET)');
  }
  if (missing.length > 0) throw new Error(`Slack adapter (${o.mode} mode) is missing: ${missing.join(', ')}`);
}
