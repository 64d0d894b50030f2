// A DigestPublisher on the far side of the chat wire, for scheduler tests. It records every call
// with the (injected) clock's time, answers from an optional script (429s, gone channels), and
// behaves like the real adapters on a repeated deliveryKey: Slack finds the key in a message's
// metadata, Discord in the nonce, and both answer `already-posted` instead of posting again.
// With `file`, calls are appended as JSON lines, so several processes (or a killed one and its
// restart) share one record and one view of what was posted.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { Clock, DigestPublisher, PublishResult } from '../../src/core/ports/index.js';

export interface PublishCall {
  readonly deliveryKey: string;
  readonly workspaceExternalId: string;
  readonly channel: string;
  readonly kind: string;
  readonly localDate: string;
  readonly notices: readonly string[];
  /** The injected clock's time of the call, in ms. */
  readonly at: number;
  readonly status: PublishResult['status'];
  readonly pid: number;
}

export type PublishScript = (call: { readonly deliveryKey: string; readonly channel: string; readonly callNumber: number }) => PublishResult | undefined;

export interface FakePublisherOptions {
  readonly clock: Clock;
  /** Answers before posting; return undefined to post normally. */
  readonly script?: PublishScript;
  /** Shared JSON-lines record across processes. */
  readonly file?: string;
  /** Answer already-posted for a key posted before (the real adapters do). Default true. */
  readonly dedupe?: boolean;
  /** Real time spent after the post and before answering: the window a crash can fall into. */
  readonly answerDelayMs?: number;
}

export interface FakePublisher extends DigestPublisher {
  readonly calls: PublishCall[];
  /** Calls that really posted a message. */
  posts(): PublishCall[];
}

export function readPublishFile(file: string): PublishCall[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as PublishCall);
}

export function createFakePublisher(options: FakePublisherOptions): FakePublisher {
  const calls: PublishCall[] = [];
  const posted = new Map<string, string>();
  if (options.file) for (const c of readPublishFile(options.file)) if (c.status === 'posted') posted.set(c.deliveryKey, `msg-${c.deliveryKey}`);
  let callNumber = 0;

  const record = (call: PublishCall) => {
    calls.push(call);
    if (options.file) appendFileSync(options.file, JSON.stringify(call) + '\n');
  };

  return {
    calls,
    posts: () => calls.filter((c) => c.status === 'posted'),
    async publish(input) {
      callNumber += 1;
      const base = {
        deliveryKey: input.deliveryKey,
        workspaceExternalId: input.workspaceExternalId,
        channel: input.channel,
        kind: input.digest.kind,
        localDate: input.digest.localDate,
        notices: input.digest.notices,
        at: options.clock.now().getTime(),
        pid: process.pid,
      };
      const scripted = options.script?.({ deliveryKey: input.deliveryKey, channel: input.channel, callNumber });
      if (scripted) {
        record({ ...base, status: scripted.status });
        return scripted;
      }
      const earlier = posted.get(input.deliveryKey);
      if (earlier !== undefined && options.dedupe !== false) {
        record({ ...base, status: 'already-posted' });
        return { status: 'already-posted', messageRef: earlier };
      }
      const messageRef = `msg-${input.deliveryKey}`;
      posted.set(input.deliveryKey, messageRef);
      record({ ...base, status: 'posted' });
      if (options.answerDelayMs) await new Promise((resolve) => setTimeout(resolve, options.answerDelayMs));
      return { status: 'posted', messageRef };
    },
  };
}
