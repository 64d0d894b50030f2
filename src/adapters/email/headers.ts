// From what IMAP returns for one message (its envelope, INTERNALDATE and a few header fields,
// never the body) to the core's MailHeaders. Header parsing is mailparser's, not ours.
import type { FetchMessageObject, FetchQueryObject, MessageAddressObject } from 'imapflow';
import { simpleParser } from 'mailparser';
import type { MailHeaders } from '../../core/mail/read-mail.js';

/** The header fields fetched besides the envelope: threading, and the marks of machine-sent mail. */
export const HEADER_FIELDS = [
  'references',
  'in-reply-to',
  'auto-submitted',
  'precedence',
  'list-id',
  'list-unsubscribe',
  'content-type',
  'return-path',
  'x-autoreply',
  'x-autorespond',
] as const;

/** What the watcher asks the server for, per message: small and bounded. */
export const FETCH_QUERY: FetchQueryObject = { uid: true, envelope: true, internalDate: true, headers: [...HEADER_FIELDS] };

const PARSE_OPTIONS = { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true } as const;

export async function mailHeaders(message: FetchMessageObject): Promise<MailHeaders> {
  const envelope = message.envelope ?? {};
  const parsed = await simpleParser(Buffer.concat([message.headers ?? Buffer.alloc(0), Buffer.from('\r\n')]), PARSE_OPTIONS);
  const raw = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) if (!raw.has(key)) raw.set(key, line.slice(line.indexOf(':') + 1).trim());
  const contentType = parsed.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  const received = toDate(message.internalDate) ?? toDate(envelope.date) ?? new Date(0);
  const flags: Record<string, string | undefined> = {
    autoSubmitted: raw.get('auto-submitted'),
    precedence: raw.get('precedence'),
    listId: raw.get('list-id'),
    listUnsubscribe: raw.get('list-unsubscribe'),
    contentType: contentType?.value,
    reportType: contentType?.params?.['report-type'],
    returnPath: raw.get('return-path'),
    autoReply: raw.get('x-autoreply') ?? raw.get('x-autorespond'),
  };
  return {
    messageId: envelope.messageId?.trim() || null,
    inReplyTo: ids(envelope.inReplyTo ?? parsed.inReplyTo),
    references: ids(parsed.references),
    from: first(envelope.from),
    to: addresses(envelope.to),
    cc: addresses(envelope.cc),
    subject: envelope.subject ?? null,
    receivedAt: received,
    flags: Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)),
  };
}

function ids(value: string | string[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? value.split(/\s+/) : [];
  return list.map((v) => v.trim()).filter((v) => /^<[^<>\s]+>$/.test(v));
}

const addresses = (list: MessageAddressObject[] | undefined): string[] => (list ?? []).flatMap((a) => (a.address ? [a.address.toLowerCase()] : []));
const first = (list: MessageAddressObject[] | undefined): string | null => addresses(list)[0] ?? null;

function toDate(value: Date | string | undefined): Date | null {
  if (value === undefined) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}
