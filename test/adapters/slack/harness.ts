// Wires the real pieces for Slack adapter tests: a fresh SQLite database through the real store,
// the real core, the real Bolt receiver on 127.0.0.1, and FakeSlack as the far side of the wire.
import { REPLAY_ID_PREFIX, REPLAY_MEMORY_MS, createSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from '../../../src/adapters/slack/index.js';
import { createCore, type Core } from '../../../src/core/core.js';
import { openStore, prismaProcessedRequests, type OpenedStore } from '../../../src/adapters/store/index.js';
import type { Clock, Logger } from '../../../src/core/ports/index.js';
import { createTestDatabase, type CreatedTestDatabase } from '../../support/databases.js';
import { FakeSlack, eventBody, interactiveBody, postSigned, slashCommandBody, type PostResult } from '../../support/fake-slack.js';

export const SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-test-token';

export class TestClock implements Clock {
  constructor(private t: Date) {}
  now(): Date {
    return new Date(this.t.getTime());
  }
  set(t: Date): void {
    this.t = t;
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export interface LogLine {
  readonly level: string;
  readonly fields: Record<string, unknown>;
  readonly message: string;
}

export function recordingLogger(lines: LogLine[] = []): Logger & { lines: LogLine[] } {
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => void lines.push({ level, fields, message });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface Harness {
  readonly slack: FakeSlack;
  readonly opened: OpenedStore;
  readonly adapter: SlackAdapter;
  readonly clock: TestClock;
  readonly logger: ReturnType<typeof recordingLogger>;
  /** Sleeps requested by the channel pacer (the test clock advances by each). */
  readonly sleeps: number[];
  readonly port: number | null;
  readonly eventsUrl: string;
  command(text: string, fields?: Partial<Parameters<typeof slashCommandBody>[0]> & { responseId?: string }): Promise<PostResult & { responseId: string }>;
  interactive(payload: Record<string, unknown>): Promise<PostResult>;
  event(eventId: string, event: Record<string, unknown>, headers?: Record<string, string>): Promise<PostResult>;
  close(): Promise<void>;
}

/** Monday 2 March 2026, 10:00 UTC: a business morning in the default UTC workspace. */
export const NOW = new Date('2026-03-02T10:00:00.000Z');

/**
 * The real Slack adapter in single-team HTTP mode on an opened test store, talking to a Slack fake
 * at `apiUrl`, with a short request timeout; `options` sets the rest (core, logger, clock, sleep…).
 */
export function slackAdapterOn(opened: OpenedStore, options: Pick<SlackAdapterOptions, 'core' | 'logger' | 'clock' | 'apiUrl'> & Partial<SlackAdapterOptions>): SlackAdapter {
  return createSlackAdapter({
    store: opened.store,
    lifecycle: opened.store.lifecycle,
    installations: opened.store.installations,
    processedEvents: opened.store.processedEvents,
    processedRequests: prismaProcessedRequests(opened.store.db, { prefix: REPLAY_ID_PREFIX, rememberMs: REPLAY_MEMORY_MS }),
    mode: 'http',
    botToken: BOT_TOKEN,
    signingSecret: SECRET,
    port: 0,
    requestTimeoutMs: 2_000,
    ...options,
  });
}

/** `databaseUrl`: run on that database (the caller creates and drops it) instead of a fresh SQLite file. */
/** `wrapCore`: puts something around the real core (a gate a test controls), on the harness's own store. */
export async function startHarness(overrides: Partial<SlackAdapterOptions> = {}, setup: { databaseUrl?: string; wrapCore?: (core: Core) => Core } = {}): Promise<Harness> {
  const database: Pick<CreatedTestDatabase, 'url' | 'drop'> = setup.databaseUrl ? { url: setup.databaseUrl, drop: async () => undefined } : await createTestDatabase('sqlite');
  const opened = await openStore({ databaseUrl: database.url });
  const slack = await FakeSlack.start();
  const clock = new TestClock(NOW);
  const logger = recordingLogger();
  const sleeps: number[] = [];
  const adapter = slackAdapterOn(opened, {
    core: (setup.wrapCore ?? ((core: Core) => core))(createCore({ store: opened.store, logger })),
    logger,
    clock,
    apiUrl: slack.apiUrl,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
    ...overrides,
  });
  const { port } = await adapter.start();
  const eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  let responses = 0;
  return {
    slack,
    opened,
    adapter,
    clock,
    logger,
    sleeps,
    port,
    eventsUrl,
    async command(text, fields = {}) {
      const responseId = fields.responseId ?? `r${++responses}`;
      const body = slashCommandBody({ text, responseUrl: slack.responseUrl(responseId), ...fields });
      const res = await postSigned(eventsUrl, body, 'application/x-www-form-urlencoded', { secret: SECRET });
      return { ...res, responseId };
    },
    interactive(payload) {
      return postSigned(eventsUrl, interactiveBody(payload), 'application/x-www-form-urlencoded', { secret: SECRET });
    },
    event(eventId, event, headers = {}) {
      return postSigned(eventsUrl, eventBody(eventId, event), 'application/json', { secret: SECRET }, headers);
    },
    async close() {
      await adapter.stop();
      await slack.close();
      await opened.close();
      await database.drop();
    },
  };
}

/** The workspace store for the default fake team. */
export async function teamStore(h: Harness, teamId = 'T0001') {
  const ws = await h.opened.store.ensureWorkspace({ platform: 'slack', externalId: teamId, name: 'acme' });
  return { workspace: ws, store: h.opened.store.workspace(ws.id) };
}
