import { createHash } from 'node:crypto';
import type { MessageEvent } from '../use-cases/record-message.js';
import type { MailFolderRole } from '../ports/mailboxes.js';

/**
 * One email's headers as a mail adapter read them (parsed by a mail library, never by hand). No
 * body: what the nudge needs is who, when, about what, and in which thread.
 */
export interface MailHeaders {
  readonly messageId: string | null;
  readonly inReplyTo: readonly string[];
  readonly references: readonly string[];
  readonly from: string | null;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string | null;
  /** When the server received or stored it (INTERNALDATE), else the Date header. */
  readonly receivedAt: Date;
  /** Header values that mark machine-sent mail, lower-cased keys; absent headers are missing keys. */
  readonly flags: {
    readonly autoSubmitted?: string;
    readonly precedence?: string;
    readonly listId?: string;
    readonly listUnsubscribe?: string;
    readonly contentType?: string;
    readonly reportType?: string;
    readonly returnPath?: string;
    readonly autoReply?: string;
  };
}

/** Who counts as the team for one mailbox: its own address, other addresses and whole domains. */
export interface TeamAddresses {
  readonly addresses: readonly string[];
  readonly domains: readonly string[];
}

export interface ReadMailOptions {
  readonly team: TeamAddresses;
  /** Keep no subject: the nudge says "an email" instead. */
  readonly dropSubjects: boolean;
}

/** Why a message opens or closes nothing, without reaching the store. */
export type MailSkip = 'no-sender' | 'auto-reply' | 'bulk' | 'mailing-list' | 'bounce' | 'internal' | 'no-recipient';

export type ReadMail = { readonly ok: true; readonly message: MessageEvent } | { readonly ok: false; readonly skip: MailSkip };

/** The summary kept when subjects are dropped. */
export const HIDDEN_SUBJECT = '(subject not kept)';

const BULK_PRECEDENCE = new Set(['bulk', 'list', 'junk', 'auto_reply']);
const BOUNCE_SENDERS = /^(mailer-daemon|postmaster|mail-daemon)@/;

/**
 * Decides what one email means for Rapport. Found in an inbox from someone outside the team, it
 * came in; found in Sent, or from a team address, it went out. Machine-sent mail (auto-replies,
 * newsletters, mailing lists, bounces) is neither: an auto-reply must not close anything either.
 */
export function readMail(headers: MailHeaders, folder: MailFolderRole, options: ReadMailOptions): ReadMail {
  const skip = machineSent(headers);
  if (skip) return { ok: false, skip };
  const from = clean(headers.from);
  const isTeam = (a: string) => isTeamAddress(a, options.team);
  const outbound = folder === 'sent' || (from !== null && isTeam(from));
  let counterpart: string | null;
  if (outbound) {
    counterpart = [...headers.to, ...headers.cc].map(clean).find((a): a is string => a !== null && !isTeam(a)) ?? null;
    // A note between colleagues is not client mail; a reply to nobody known is left to its thread ids.
    if (counterpart === null && headers.inReplyTo.length === 0 && headers.references.length === 0) return { ok: false, skip: 'internal' };
  } else {
    if (from === null) return { ok: false, skip: 'no-sender' };
    counterpart = from;
  }
  const subject = headers.subject?.trim() ?? '';
  const ownId = headers.messageId ?? syntheticId(headers);
  const topic = subjectKey(subject, counterpart);
  const threadIds = unique([ownId, ...headers.inReplyTo, ...headers.references, ...(topic ? [topic] : [])]);
  return {
    ok: true,
    message: {
      direction: outbound ? 'out' : 'in',
      channel: 'email',
      occurredAt: headers.receivedAt,
      ...(counterpart ? { party: { by: 'email' as const, address: counterpart } } : {}),
      externalId: ownId,
      threadIds,
      summary: options.dropSubjects ? HIDDEN_SUBJECT : subject || '(no subject)',
      source: 'mail',
    },
  };
}

function machineSent(h: MailHeaders): MailSkip | null {
  const f = h.flags;
  const from = clean(h.from);
  const type = f.contentType?.toLowerCase() ?? '';
  if (type.startsWith('multipart/report') || (f.reportType ?? '').toLowerCase() === 'delivery-status' || (from !== null && BOUNCE_SENDERS.test(from))) return 'bounce';
  if (f.returnPath !== undefined && f.returnPath.replace(/\s/g, '') === '<>') return 'bounce';
  if ((f.autoSubmitted !== undefined && f.autoSubmitted.trim().toLowerCase() !== 'no') || f.autoReply !== undefined) return 'auto-reply';
  if (f.precedence !== undefined && BULK_PRECEDENCE.has(f.precedence.trim().toLowerCase())) return 'bulk';
  if (f.listId !== undefined || f.listUnsubscribe !== undefined) return 'mailing-list';
  return null;
}

export function isTeamAddress(address: string, team: TeamAddresses): boolean {
  const a = address.toLowerCase();
  const domain = a.slice(a.lastIndexOf('@') + 1);
  return team.addresses.some((t) => t.toLowerCase() === a) || team.domains.some((d) => d.toLowerCase().replace(/^@/, '') === domain);
}

/**
 * The subject fallback for threading: a reply whose client dropped In-Reply-To and References still
 * shares "Re: <subject>" with the same person. Kept as a hash of the subject and that address, so it
 * matches only between the same two sides and the subject itself is not stored.
 */
export function subjectKey(subject: string, counterpart: string | null): string | null {
  const base = subject.replace(/^\s*((re|fwd?|aw|wg|sv|vs|antw|tr)\s*(\[\d+\])?\s*:\s*)+/i, '').replace(/\s+/g, ' ').trim().toLowerCase();
  if (base === '' || counterpart === null) return null;
  return `subject:${createHash('sha256').update(`${counterpart.toLowerCase()}\n${base}`).digest('hex').slice(0, 32)}`;
}

function syntheticId(h: MailHeaders): string {
  return `<sha256-${createHash('sha256').update(`${h.from ?? ''}\n${h.receivedAt.toISOString()}\n${h.subject ?? ''}`).digest('hex').slice(0, 40)}@rapport.invalid>`;
}

function clean(address: string | null | undefined): string | null {
  const a = address?.trim().toLowerCase();
  return a && a.includes('@') ? a : null;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.map((i) => i.trim()).filter((i) => i.length > 0))];
}
