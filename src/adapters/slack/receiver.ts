import type { IncomingMessage } from 'node:http';
import { HTTPModuleFunctions, HTTPReceiver, defaultBodyLimit, verifySlackRequest, type HTTPReceiverOptions } from '@slack/bolt';
import type { Logger } from '../../core/ports/index.js';

/** Slack's window for a signed request, both ways: older is stale, newer is from a skewed or forged clock. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;
/** Slack's payloads nest about a dozen levels (rich text inside a message inside an action); far deeper is not Slack. */
export const MAX_BODY_DEPTH = 64;
/** Ids of handled requests start with this, and are kept a little longer than the signature window both ways. */
export const REPLAY_ID_PREFIX = 'slack-request:';
export const REPLAY_MEMORY_MS = (2 * SIGNATURE_WINDOW_SECONDS + 60) * 1000;

export interface RequestScreenOptions {
  readonly signingSecret: string;
  readonly logger: Logger;
  /** The wall clock in ms; Bolt judges staleness by Date.now(), so the future check uses the same time. */
  readonly nowMs?: () => number;
  /**
   * Records a signed delivery; false when the same one (same signature: same body and timestamp) came before.
   * Absent: no replay check. When it throws (database down) the request goes on, so the person still gets an answer.
   * Called by the listener's work after the acknowledgement, never before it.
   */
  readonly firstDelivery?: (id: string) => Promise<boolean>;
  readonly bodyLimit?: number;
  readonly endpoint?: string;
}

export type Screened =
  | { readonly pass: true; readonly rawBody: Buffer; readonly firstDelivery?: () => Promise<boolean> }
  | { readonly pass: false; readonly status: 200 | 400 | 401 | 413; readonly reason: 'unsigned' | 'stale' | 'future' | 'malformed' | 'not-an-object' | 'too-deep' | 'too-large' | 'replay' };

/**
 * Bolt's HTTPReceiver with a screen in front of its events endpoint. Bolt 5.1 parses a signed body
 * inside a detached async function and then reads `body.ssl_check`: a body of `payload=null` (or
 * JSON `null`) throws there, outside every handler, and the unhandled rejection ends the process.
 * The screen buffers and checks the request first, and answers anything that is not a signed
 * JSON object itself; what passes reaches Bolt with the body already buffered (Bolt reuses it).
 */
export class ScreenedHTTPReceiver extends HTTPReceiver {
  constructor(options: HTTPReceiverOptions, screen: RequestScreenOptions) {
    super({
      ...options,
      bodyLimit: screen.bodyLimit ?? defaultBodyLimit,
      // The replay check rides in the listener's context; work after the ack awaits it (AfterAck).
      customPropertiesExtractor: (req) => {
        const firstDelivery = (req as IncomingMessage & { firstDelivery?: () => Promise<boolean> }).firstDelivery;
        return firstDelivery ? { firstDelivery } : {};
      },
    });
    const bolt = this.requestListener;
    const endpoint = screen.endpoint ?? '/slack/events';
    this.requestListener = (req, res) => {
      if (req.method !== 'POST' || pathOf(req.url) !== endpoint) return bolt(req, res);
      screenRequest(req, screen).then(
        (verdict) => {
          if (verdict.pass) {
            Object.assign(req, { rawBody: verdict.rawBody, firstDelivery: verdict.firstDelivery });
            bolt(req, res);
            return;
          }
          const log = verdict.reason === 'replay' ? screen.logger.info : screen.logger.warn;
          log({ reason: verdict.reason, status: verdict.status }, refusals[verdict.reason]);
          res.writeHead(verdict.status).end();
        },
        (error: unknown) => {
          screen.logger.error({ err: error }, 'screening a Slack request failed');
          if (!res.headersSent) res.writeHead(500);
          res.end();
        },
      );
    };
  }
}

const refusals: Record<Extract<Screened, { pass: false }>['reason'], string> = {
  unsigned: 'refused a Slack request without a valid signature',
  stale: 'refused a Slack request signed more than 5 minutes ago',
  future: 'refused a Slack request signed more than 5 minutes in the future',
  malformed: 'refused a signed Slack request whose body is not readable JSON or form data',
  'not-an-object': 'refused a signed Slack request whose payload is not a JSON object',
  'too-deep': 'refused a signed Slack request nested too deeply',
  'too-large': 'refused a Slack request larger than the body limit',
  replay: 'ignored a replayed Slack request (same signature as one already handled)',
};

function pathOf(url: string | undefined): string | null {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return null;
  }
}

/** The checks, in Bolt's order (signature before parsing), plus the future bound and the replay check. */
export async function screenRequest(req: IncomingMessage, options: RequestScreenOptions): Promise<Screened> {
  let rawBody: Buffer;
  try {
    rawBody = (await HTTPModuleFunctions.bufferIncomingMessage(req, options.bodyLimit ?? defaultBodyLimit)).rawBody;
  } catch (error) {
    if (HTTPModuleFunctions.isRawBodyError(error)) return { pass: false, status: error.statusCode === 413 ? 413 : 400, reason: error.statusCode === 413 ? 'too-large' : 'malformed' };
    throw error;
  }
  const text = rawBody.toString();
  const form = req.headers['content-type'] === 'application/x-www-form-urlencoded';
  // Slack's SSL check is unsigned by design; Bolt answers it and drops anything else in the body.
  if (form && new URLSearchParams(text).get('ssl_check') === '1') return { pass: true, rawBody };

  const signature = req.headers['x-slack-signature'];
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string' || !Number.isFinite(timestamp)) return { pass: false, status: 401, reason: 'unsigned' };
  const nowMs = (options.nowMs ?? Date.now)();
  if (timestamp < Math.floor(nowMs / 1000) - SIGNATURE_WINDOW_SECONDS) return { pass: false, status: 401, reason: 'stale' };
  if (timestamp > Math.floor(nowMs / 1000) + SIGNATURE_WINDOW_SECONDS) return { pass: false, status: 401, reason: 'future' };
  try {
    verifySlackRequest({ signingSecret: options.signingSecret, body: text, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp }, nowMilliseconds: nowMs });
  } catch {
    return { pass: false, status: 401, reason: 'unsigned' };
  }

  // Bolt's reading: a form's `payload` field is JSON, other forms are plain fields, anything else is JSON.
  const payload = form ? new URLSearchParams(text).getAll('payload') : [text];
  if (payload.length === 1 && jsonDepthExceeds(payload[0]!, MAX_BODY_DEPTH)) return { pass: false, status: 400, reason: 'too-deep' };
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody({ rawBody, headers: req.headers } as Parameters<typeof HTTPModuleFunctions.parseHTTPRequestBody>[0]);
  } catch {
    return { pass: false, status: 400, reason: 'malformed' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { pass: false, status: 400, reason: 'not-an-object' };

  // Events API deliveries are deduplicated by their signed event_id (dedupeEvents), which also lets
  // Slack's retry of a failed event through; the signature check is for commands and interactions.
  // It is not made here: the acknowledgement never waits for the database. The work after the ack
  // makes it first (AfterAck skips a replay), and a request refused as busy never makes it. When
  // recording fails (database down) the request goes on, so the person still gets an answer.
  const eventsApi = ['event_callback', 'url_verification'].includes(String((body as { type?: unknown }).type));
  if (options.firstDelivery && !eventsApi) {
    const record = options.firstDelivery;
    const firstDelivery = () => record(`${REPLAY_ID_PREFIX}${signature}`).then(
      (first) => {
        if (!first) options.logger.info({ reason: 'replay', status: 200 }, refusals.replay);
        return first;
      },
      (error: unknown) => {
        options.logger.warn({ err: error }, 'could not record a Slack request for replay protection; handling it anyway');
        return true;
      },
    );
    return { pass: true, rawBody, firstDelivery };
  }
  return { pass: true, rawBody };
}

/**
 * Measured on the text before parsing: JSON.parse of a body nested a million levels deep takes
 * seconds, and recursive code after it (serialisers, loggers) would overflow the stack.
 */
export function jsonDepthExceeds(json: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
