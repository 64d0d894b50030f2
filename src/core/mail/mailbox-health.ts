import { DateTime } from 'luxon';
import type { Digest, Workspace } from '../model/index.js';
import type { MailboxState } from '../ports/mailboxes.js';
import { localDateOf } from '../time/index.js';

/** Failures in a row before the digest channel hears about a mailbox: one blip is not news. */
export const NOTICE_AFTER_FAILURES = 3;
const FIRST_RETRY_MS = 5_000;
const LONGEST_RETRY_MS = 15 * 60_000;

/**
 * How long to wait before trying a failing mailbox again: doubling from 5 s up to 15 minutes, with
 * a random part (`random` in [0, 1)) so many mailboxes on one server do not retry in step.
 */
export function retryDelayMs(failures: number, random: number): number {
  const base = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.75 + 0.5 * random));
}

/** Whether this run of failures should now be told to the digest channel: once, after a few. */
export function shouldTellFailure(state: Pick<MailboxState, 'failures' | 'noticeSentAt'>): boolean {
  return state.failures >= NOTICE_AFTER_FAILURES && state.noticeSentAt === null;
}

/** What the digest channel reads about a mailbox that keeps failing, and what fixes it. */
export function failureNotice(state: Pick<MailboxState, 'address' | 'lastError' | 'failingSince'>, timeZone: string): string {
  const since = state.failingSince ? ` since ${DateTime.fromJSDate(state.failingSince, { zone: timeZone }).setLocale('en-GB').toFormat("ccc d LLL 'at' HH:mm")}` : '';
  return [
    `Rapport cannot read the mailbox ${state.address}${since} (${state.lastError ?? 'unknown error'}), so emails arriving there are not tracked for same-day replies.`,
    'It keeps retrying on its own. Check the password or token in the mail configuration; /client mail status shows the latest state.',
  ].join(' ');
}

/** One line per mailbox for `/client mail status`. */
export function statusLine(state: MailboxState, now: Date, timeZone: string): string {
  const when = (d: Date) => DateTime.fromJSDate(d, { zone: timeZone }).setLocale('en-GB').toFormat("d LLL HH:mm");
  const sync = state.checkedAt ? `last sync ${when(state.checkedAt)}` : 'never synced';
  const condition = state.connected ? 'connected' : state.failures > 0 ? `failing (${state.failures} attempt${state.failures === 1 ? '' : 's'} in a row)` : 'not connected';
  const error = state.lastError ? `; last error: ${state.lastError}` : '';
  const ago = state.checkedAt ? ` (${Math.max(0, Math.round((now.getTime() - state.checkedAt.getTime()) / 60_000))} min ago)` : '';
  return `${state.address} on ${state.host}: ${condition}, ${sync}${ago}${error}`;
}

/** The notice as a message of its own for the digest channel: a title, the notice, no nudges. */
export function failureNoticeMessage(workspace: Pick<Workspace, 'id' | 'timeZone'>, state: Pick<MailboxState, 'address' | 'lastError' | 'failingSince'>, now: Date): Digest {
  return {
    kind: 'morning',
    workspaceId: workspace.id,
    localDate: localDateOf(now, workspace.timeZone),
    title: `Mail watcher: ${state.address} cannot be read`,
    sections: [],
    overflow: null,
    notices: [failureNotice(state, workspace.timeZone)],
  };
}
