// A local stand-in for the far side of Slack's wire, on 127.0.0.1 with an ephemeral port:
// the Web API (`POST /api/<method>`), response_url endpoints, the OAuth authorize page and a
// Socket Mode websocket. It records every call so tests assert on what reached "Slack".
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedCall {
  readonly method: string;
  readonly token: string | undefined;
  readonly args: Record<string, unknown>;
}

export interface StoredMessage {
  ts: string;
  text: string;
  blocks: unknown[];
  metadata?: unknown;
}

type Handler = (args: Record<string, unknown>, token: string | undefined) => unknown;
/**
 * 'drop' closes the connection without an answer; 'drop-after' does the work first and then drops
 * the answer (an outcome the caller cannot know); `{ status, retryAfter }` answers with that HTTP
 * status (429 with Retry-After); any other object is the JSON answer.
 */
type Fault = Record<string, unknown> | 'drop' | 'drop-after' | { status: number; retryAfter?: number };

export interface FakeSlackOptions {
  readonly teamId?: string;
  readonly teamName?: string;
  readonly botUserId?: string;
  /** What `oauth.v2.access` returns (merged over a sensible default). */
  readonly oauthAccess?: Record<string, unknown>;
}

const JSON_FIELDS = ['blocks', 'view', 'metadata', 'attachments', 'options'];

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  /** Bodies POSTed to response URLs, by the id at the end of the URL. */
  readonly responses: { id: string; body: Record<string, unknown> }[] = [];
  readonly channels = new Map<string, StoredMessage[]>();
  private readonly handlers = new Map<string, Handler>();
  private readonly faults = new Map<string, Fault[]>();
  private readonly waiters: (() => void)[] = [];
  private seq = 1_700_000_000;
  private sockets = new Set<WebSocket>();
  private readonly wss: WebSocketServer;
  private readonly pendingAcks = new Map<string, (payload: unknown) => void>();

  private constructor(
    private readonly server: Server,
    readonly opts: Required<Omit<FakeSlackOptions, 'oauthAccess'>> & { oauthAccess: Record<string, unknown> },
  ) {
    this.wss = new WebSocketServer({ noServer: true });
    server.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
  }

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const self = new FakeSlack(server, {
      teamId: options.teamId ?? 'T0001',
      teamName: options.teamName ?? 'Acme Agency',
      botUserId: options.botUserId ?? 'UBOT',
      oauthAccess: options.oauthAccess ?? {},
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void self.route(req, res));
    return self;
  }

  get baseUrl(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** What to pass as the Web API base URL (SLACK_API_URL). */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.baseUrl}/respond/${id}`;
  }

  /** Replaces the answer to one Web API method. */
  on(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  /** The next call to `method` gets this answer (or a dropped connection) instead of the normal one. */
  failNext(method: string, fault: Fault): void {
    const list = this.faults.get(method) ?? [];
    list.push(fault);
    this.faults.set(method, list);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once `check` returns a value other than undefined, re-checking after every request. */
  async waitFor<T>(check: () => T | undefined, timeoutMs = 5_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('FakeSlack.waitFor timed out');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 50));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for the n-th (1-based) call to a method. */
  waitForCall(method: string, n = 1, timeoutMs = 5_000): Promise<RecordedCall> {
    return this.waitFor(() => this.callsTo(method)[n - 1], timeoutMs);
  }

  waitForResponse(id: string, timeoutMs = 5_000): Promise<Record<string, unknown>> {
    return this.waitFor(() => this.responses.find((r) => r.id === id)?.body, timeoutMs);
  }

  /** Sends a Socket Mode envelope to every connected app and resolves with the app's ack payload. */
  async deliver(envelope: { type: string; payload: unknown; accepts_response_payload?: boolean }): Promise<unknown> {
    const id = `env-${this.seq++}`;
    const acked = new Promise<unknown>((resolve) => this.pendingAcks.set(id, resolve));
    const frame = JSON.stringify({ envelope_id: id, accepts_response_payload: false, ...envelope });
    for (const ws of this.sockets) ws.send(frame);
    return acked;
  }

  async waitForSocket(timeoutMs = 5_000): Promise<void> {
    await this.waitFor(() => (this.sockets.size > 0 ? true : undefined), timeoutMs);
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
      if (msg.envelope_id) {
        this.pendingAcks.get(msg.envelope_id)?.(msg.payload ?? null);
        this.pendingAcks.delete(msg.envelope_id);
      }
    });
    ws.send(
      JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0001' }, debug_info: { host: 'fake', approximate_connection_time: 3600 } }),
    );
    this.notify();
  }

  private notify(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const raw = await readBody(req);
    if (url.pathname.startsWith('/respond/')) {
      this.responses.push({ id: url.pathname.slice('/respond/'.length), body: JSON.parse(raw || '{}') as Record<string, unknown> });
      res.writeHead(200).end('ok');
      this.notify();
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(raw, req.headers['content-type'] ?? '');
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof args.token === 'string' ? args.token : undefined;
    this.calls.push({ method, token, args });
    this.notify();
    const fault = this.faults.get(method)?.shift();
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault !== undefined && typeof fault === 'object' && typeof fault.status === 'number') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (typeof fault.retryAfter === 'number') headers['retry-after'] = String(fault.retryAfter);
      res.writeHead(fault.status, headers).end(JSON.stringify({ ok: false, error: fault.status === 429 ? 'ratelimited' : 'fault' }));
      return;
    }
    const normal = () => (this.handlers.get(method) ?? ((a, t) => this.defaultAnswer(method, a, t)))(args, token);
    if (fault === 'drop-after') {
      await normal();
      req.socket.destroy();
      return;
    }
    const answer = fault ?? (await normal());
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  }

  private nextTs(): string {
    return `${this.seq++}.000100`;
  }

  private defaultAnswer(method: string, args: Record<string, unknown>, _token: string | undefined): unknown {
    const channel = String(args.channel ?? '');
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://acme.slack.com/', team: this.opts.teamName, team_id: this.opts.teamId, user_id: this.opts.botUserId, bot_id: 'B0001' };
      case 'chat.postMessage': {
        const message: StoredMessage = { ts: this.nextTs(), text: String(args.text ?? ''), blocks: (args.blocks as unknown[]) ?? [] };
        if (args.metadata) message.metadata = args.metadata;
        this.channels.set(channel, [...(this.channels.get(channel) ?? []), message]);
        return { ok: true, channel, ts: message.ts, message };
      }
      case 'chat.update': {
        const message = this.channels.get(channel)?.find((m) => m.ts === args.ts);
        if (!message) return { ok: false, error: 'message_not_found' };
        message.text = String(args.text ?? message.text);
        if (args.blocks) message.blocks = args.blocks as unknown[];
        return { ok: true, channel, ts: message.ts };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'conversations.history': {
        const all = [...(this.channels.get(channel) ?? [])].reverse();
        const withMeta = args.include_all_metadata === true || args.include_all_metadata === 'true';
        return { ok: true, has_more: false, messages: all.map((m) => (withMeta ? m : { ...m, metadata: undefined })) };
      }
      case 'views.open':
      case 'views.push':
      case 'views.update':
      case 'views.publish':
        return { ok: true, view: { id: `V${this.seq++}`, ...(args.view as object) } };
      case 'apps.connections.open':
        return { ok: true, url: `${this.baseUrl.replace('http', 'ws')}/link/?ticket=t` };
      case 'oauth.v2.access':
        return {
          ok: true,
          app_id: 'A0001',
          authed_user: { id: 'UINSTALLER' },
          scope: 'commands,chat:write',
          token_type: 'bot',
          access_token: 'xoxb-installed-token',
          bot_user_id: this.opts.botUserId,
          team: { id: this.opts.teamId, name: this.opts.teamName },
          enterprise: null,
          is_enterprise_install: false,
          ...this.opts.oauthAccess,
        };
      default:
        return { ok: true };
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (JSON_FIELDS.includes(key)) {
      try {
        out[key] = JSON.parse(value);
        continue;
      } catch {
        // not JSON after all: keep the string
      }
    }
    out[key] = value;
  }
  return out;
}

// ---- Signed requests to the app's own HTTP receiver ----

export interface SignOptions {
  readonly secret: string;
  /** Unix seconds; defaults to the real current time (Bolt checks it against the wall clock). */
  readonly timestamp?: number;
}

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface PostResult {
  readonly status: number;
  readonly body: string;
  readonly headers: Headers;
}

/** POSTs exactly `body` with Slack's signature headers. */
export async function postSigned(
  url: string,
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  sign: SignOptions,
  extraHeaders: Record<string, string> = {},
): Promise<PostResult> {
  const ts = sign.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': slackSignature(sign.secret, ts, body),
      ...extraHeaders,
    },
    body,
  });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

export function slashCommandBody(fields: {
  text: string;
  teamId?: string;
  userId?: string;
  userName?: string;
  channelId?: string;
  responseUrl: string;
  triggerId?: string;
}): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    command: '/client',
    text: fields.text,
    user_id: fields.userId ?? 'U0001',
    user_name: fields.userName ?? 'jane',
    channel_id: fields.channelId ?? 'C0001',
    channel_name: 'clients',
    team_id: fields.teamId ?? 'T0001',
    team_domain: 'acme',
    api_app_id: 'A0001',
    trigger_id: fields.triggerId ?? 'trigger-1',
    response_url: fields.responseUrl,
  }).toString();
}

export function interactiveBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function eventBody(eventId: string, event: Record<string, unknown>, teamId = 'T0001'): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    event,
  });
}
