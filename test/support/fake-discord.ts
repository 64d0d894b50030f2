// A local stand-in for the far side of Discord's wire, on 127.0.0.1 with an ephemeral port: the
// REST API under /api/v10 and the gateway as a plain-JSON websocket on the same port. It records
// every REST call and keeps channel messages (with nonce enforcement, as Discord does), so tests
// assert on what reached "Discord". See ../../../shared/notes/chat-platform-testing.md.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RestCall {
  readonly method: string;
  /** Decoded path after /api/v10, e.g. /interactions/1/tok/callback. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: Record<string, unknown> | null;
  readonly authorization: string | undefined;
  /** performance.now() when the request had arrived in full. */
  readonly at: number;
}

export interface FakeMessage {
  readonly id: string;
  readonly channel_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  readonly nonce?: string;
}

export interface FakeGuild {
  readonly id: string;
  readonly name: string;
  readonly roles?: readonly { readonly id: string; readonly name: string }[];
  readonly channels?: readonly string[];
  /** Forum channels (type 15): posts in them are threads. */
  readonly forums?: readonly string[];
}

/** One REST route answered differently once: a status (with the work done first when `after`). */
export interface Fault {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  /** Do the work, then answer with the failure: an outcome the caller cannot know. */
  readonly after?: boolean;
  /** With status 429: Discord's Retry-After (seconds), in the header and the body. */
  readonly retryAfterSeconds?: number;
}

export const APP_ID = '900000000000000001';
export const BOT_ID = '900000000000000001';

export class FakeDiscord {
  readonly calls: RestCall[] = [];
  readonly messages = new Map<string, FakeMessage>();
  /** The [shard id, shard count] of each IDENTIFY. */
  readonly identifies: [number, number][] = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly channelGuild = new Map<string, string>();
  private readonly forums = new Set<string>();
  private readonly faults: Fault[] = [];
  /** The @original message id of each interaction token. */
  readonly originals = new Map<string, string>();
  private seq = 0;
  private nextId = 100;
  private identified: (() => void) | null = null;
  private readonly identify = new Promise<void>((resolve) => (this.identified = resolve));

  private constructor(
    private readonly server: Server,
    private readonly gateway: WebSocketServer,
    readonly port: number,
    private readonly readyGuilds: readonly FakeGuild[],
  ) {}

  /** Starts REST and gateway; READY lists `guilds` (as unavailable) and GUILD_CREATE follows for each. */
  static async start(options: { readonly guilds?: readonly FakeGuild[] } = {}): Promise<FakeDiscord> {
    const server = createServer();
    const gateway = new WebSocketServer({ server });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeDiscord(server, gateway, (server.address() as AddressInfo).port, options.guilds ?? []);
    server.on('request', (req, res) => void fake.onRequest(req, res));
    gateway.on('connection', (ws) => fake.onConnection(ws));
    return fake;
  }

  /** What DISCORD_API_URL would be. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Resolves once a client has identified on the gateway. */
  identifiedOnce(): Promise<void> {
    return this.identify;
  }

  failOnce(fault: Fault): void {
    this.faults.push(fault);
  }

  /** Sends a gateway dispatch (op 0) to every connected client. */
  dispatch(t: string, d: unknown): void {
    this.seq += 1;
    const frame = JSON.stringify({ op: 0, t, s: this.seq, d });
    for (const ws of this.sockets) ws.send(frame);
  }

  guildCreate(guild: FakeGuild): void {
    for (const c of [...(guild.channels ?? []), ...(guild.forums ?? [])]) this.channelGuild.set(c, guild.id);
    for (const c of guild.forums ?? []) this.forums.add(c);
    this.dispatch('GUILD_CREATE', guildPayload(guild));
  }

  callsTo(method: string, path: RegExp): RestCall[] {
    return this.calls.filter((c) => c.method === method && path.test(c.path));
  }

  /** The reply an interaction ended with: its @original message as last edited. */
  original(token: string): FakeMessage | undefined {
    const id = this.originals.get(token);
    return id === undefined ? undefined : this.messages.get(id);
  }

  channelMessages(channelId: string): FakeMessage[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channelId);
  }

  /** Resolves with the first recorded call matching, waiting for it to arrive. */
  async waitForCall(method: string, path: RegExp, count = 1): Promise<RestCall> {
    for (let i = 0; i < 400; i += 1) {
      const found = this.callsTo(method, path);
      if (found.length >= count) return found[count - 1]!;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`no ${method} ${path} reached the fake Discord; saw ${this.calls.map((c) => `${c.method} ${c.path}`).join(', ')}`);
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onConnection(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 } }));
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (frame.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) {
        this.seq += 1;
        // As Discord does: a shard is sent only its own servers, (server id >> 22) % shard count.
        const shard = (frame.d as { shard?: [number, number] }).shard ?? [0, 1];
        this.identifies.push(shard);
        const mine = this.readyGuilds.filter((g) => shardOf(g.id, shard[1]) === shard[0]);
        const ready = {
          v: 10,
          user: { id: BOT_ID, username: 'rapport', discriminator: '0', global_name: null, avatar: null, bot: true },
          guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
          session_id: 'session-1',
          resume_gateway_url: `ws://127.0.0.1:${this.port}`,
          shard,
          application: { id: APP_ID, flags: 0 },
        };
        ws.send(JSON.stringify({ op: 0, t: 'READY', s: this.seq, d: ready }));
        for (const guild of mine) this.guildCreate(guild);
        this.identified?.();
      }
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const call: RestCall = { method: req.method ?? 'GET', path, query: url.searchParams, body: parseBody(req.headers['content-type'], raw), authorization: req.headers.authorization, at: performance.now() };
    this.calls.push(call);
    const faultAt = this.faults.findIndex((f) => f.method === call.method && f.path.test(path));
    const fault = faultAt >= 0 ? this.faults.splice(faultAt, 1)[0] : undefined;
    if (fault?.retryAfterSeconds !== undefined) {
      res.writeHead(fault.status, { 'content-type': 'application/json', 'retry-after': String(fault.retryAfterSeconds) });
      res.end(JSON.stringify({ message: 'You are being rate limited.', retry_after: fault.retryAfterSeconds, global: false }));
      return;
    }
    if (fault && !fault.after) return send(res, fault.status, { message: 'fake failure', code: 0 });
    const [status, body] = this.route(call);
    if (fault) return send(res, fault.status, { message: 'fake failure after the work', code: 0 });
    send(res, status, body);
  }

  private route(call: RestCall): [number, unknown] {
    const { method, path, body } = call;
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return [200, { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 14_400_000, max_concurrency: 1 } }];
    }
    if (method === 'GET' && path === '/applications/@me') return [200, { id: APP_ID, name: 'Rapport', flags: 0 }];
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return [200, ((body as unknown as unknown[]) ?? []).map((c, i) => ({ ...(c as object), id: `${800 + i}`, application_id: APP_ID, version: '1' }))];
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return [204, null];
    if ((m = /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/.exec(path))) {
      if (method === 'DELETE') return [204, null];
      const token = m[1]!;
      const id = this.originals.get(token) ?? String((this.nextId += 1));
      this.originals.set(token, id);
      return [200, this.message(`interaction-${token}`, body, id)];
    }
    if (method === 'POST' && (m = /^\/webhooks\/\d+\/([^/]+)$/.exec(path))) return [200, this.message(`interaction-${m[1]}`, body)];
    if (method === 'GET' && (m = /^\/channels\/(\d+)$/.exec(path))) {
      const guild = this.channelGuild.get(m[1]!);
      return guild ? [200, { ...channelPayload(m[1]!, guild), type: this.forums.has(m[1]!) ? 15 : 0 }] : [404, { message: 'Unknown Channel', code: 10003 }];
    }
    if (method === 'POST' && (m = /^\/channels\/(\w+)\/messages$/.exec(path))) {
      const channel = m[1]!;
      if (!this.channelGuild.has(channel) && !channel.startsWith('dm')) return [404, { message: 'Unknown Channel', code: 10003 }];
      const nonce = typeof body?.nonce === 'string' ? body.nonce : undefined;
      // Discord: with enforce_nonce, a second message with the same nonce from the same author returns the first.
      const earlier = nonce && body?.enforce_nonce === true ? this.channelMessages(channel).find((x) => x.nonce === nonce) : undefined;
      if (earlier) return [200, earlier];
      return [200, this.message(channel, body, undefined, nonce)];
    }
    if (method === 'PATCH' && (m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path))) {
      const found = this.messages.get(m[2]!);
      if (!found) return [404, { message: 'Unknown Message', code: 10008 }];
      Object.assign(found, pick(body));
      return [200, found];
    }
    if (method === 'POST' && path === '/users/@me/channels') return [200, { id: `dm${String(body?.recipient_id)}`, type: 1, recipients: [] }];
    return [404, { message: `fake Discord has no ${method} ${path}`, code: 0 }];
  }

  private message(channelId: string, body: Record<string, unknown> | null, id?: string, nonce?: string): FakeMessage {
    const key = id ?? String((this.nextId += 1));
    const existing = this.messages.get(key);
    const message: FakeMessage = existing ?? { id: key, channel_id: channelId, content: '', embeds: [], components: [], ...(nonce ? { nonce } : {}) };
    Object.assign(message, pick(body));
    this.messages.set(key, message);
    return { ...message, ...apiMessageFields(channelId) } as FakeMessage;
  }
}

/** The shard a server belongs to, as Discord computes it. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

function pick(body: Record<string, unknown> | null): Partial<FakeMessage> {
  const out: Record<string, unknown> = {};
  for (const k of ['content', 'embeds', 'components'] as const) if (body && k in body) out[k] = body[k];
  return out as Partial<FakeMessage>;
}

/** Fields discord.js expects on a message object. */
export function apiMessageFields(channelId: string) {
  return {
    channel_id: channelId,
    author: { id: BOT_ID, username: 'rapport', discriminator: '0', global_name: null, avatar: null, bot: true },
    timestamp: '2026-03-02T10:00:00.000Z',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    pinned: false,
    type: 0,
  };
}

function parseBody(contentType: string | undefined, raw: string): Record<string, unknown> | null {
  if (raw === '') return null;
  if (contentType?.startsWith('multipart/form-data')) {
    // discord.js sends files as multipart with the JSON part named payload_json.
    const json = /name="payload_json"\r\n(?:[^\r\n]*\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw)?.[1];
    return { ...(json ? (JSON.parse(json) as Record<string, unknown>) : {}), _multipart: raw };
  }
  return JSON.parse(raw) as Record<string, unknown>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (status === 204 || body === null) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function channelPayload(id: string, guildId: string) {
  return { id, type: 0, guild_id: guildId, name: `channel-${id}`, position: 0, permission_overwrites: [], nsfw: false, parent_id: null };
}

export function guildPayload(guild: FakeGuild) {
  return {
    id: guild.id,
    name: guild.name,
    unavailable: false,
    owner_id: '1',
    joined_at: '2026-03-01T00:00:00.000Z',
    member_count: 2,
    large: false,
    icon: null,
    features: [],
    emojis: [],
    stickers: [],
    members: [],
    presences: [],
    voice_states: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    channels: [...(guild.channels ?? []).map((c) => channelPayload(c, guild.id)), ...(guild.forums ?? []).map((c) => ({ ...channelPayload(c, guild.id), type: 15, available_tags: [], default_reaction_emoji: null, default_sort_order: null, default_forum_layout: 0 }))],
    roles: [
      { id: guild.id, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
      ...(guild.roles ?? []).map((r, i) => ({ id: r.id, name: r.name, permissions: '0', position: i + 1, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 })),
    ],
  };
}
