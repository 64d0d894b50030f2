import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Member, Workspace } from '../../core/model/index.js';
import type { Core } from '../../core/core.js';
import type { Clock, Store } from '../../core/ports/index.js';
import { digestToText } from '../../core/digest/index.js';
import { renderReply } from './render.js';

export interface ConsoleOptions {
  readonly core: Core;
  readonly store: Store;
  readonly clock: Clock;
  readonly workspace: Workspace;
  readonly user: { readonly platformUserId: string; readonly displayName: string };
  readonly input: Readable;
  readonly output: Writable;
  /** Show a prompt and a greeting: only when a person is typing. */
  readonly interactive: boolean;
}

const GREETING = 'Rapport — type /client help for commands, /digest for today\'s digest, /quit to leave.';

/**
 * The terminal as a chat platform: one line in, the same reply a Slack or Discord user would get.
 * Lines are handled strictly in order, so a script of commands behaves like a person typing them.
 * Resolves when the input ends.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { core, store: root, clock, workspace, user, input, output, interactive } = options;
  const store = root.workspace(workspace.id);
  const write = (text: string) => new Promise<void>((resolve) => output.write(`${text}\n`, () => resolve()));
  const lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
  if (interactive) await write(GREETING);
  const prompt = () => interactive && output.write('rapport> ');
  prompt();
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line !== '' && !line.startsWith('#')) await write(await answer(line));
    prompt();
  }
  lines.close();

  async function answer(line: string): Promise<string> {
    const now = clock.now();
    const current = await store.getWorkspace();
    if (/^\/digest\b/i.test(line)) {
      const kind = /\bsweep\b/i.test(line) ? 'sweep' : 'morning';
      const digest = await core.planDigest({ store, now, kind });
      const members = await knownMembers();
      return digestToText(digest, new Map(members.map((m) => [m.id, m.displayName])));
    }
    if (/^\/client\b/i.test(line)) {
      // The terminal has no platform ids: an @name in a command is that person.
      const reply = await core.runLine({ workspace: current, actor: user, now, mentionsByName: true }, line);
      const members = await knownMembers();
      return renderReply(reply, new Map(members.map((m) => [m.platformUserId, m.displayName])));
    }
    if (/^\/help\b/i.test(line)) return GREETING;
    return `✗ Lines start with /client or /digest. Try /client help.`;
  }

  /** The person at the keyboard and every owner of a client: the people replies and digests name. */
  async function knownMembers(): Promise<Member[]> {
    const me = await store.findMember(user.platformUserId);
    const clients = await store.listClients();
    const owners = await store.getMembers([...new Set(clients.map((c) => c.ownerId).filter((id): id is string => id !== null))]);
    return [...(me ? [me] : []), ...owners];
  }
}
