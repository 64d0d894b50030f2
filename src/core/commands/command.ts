import type { Member, Reply, ReplySection, Workspace } from '../model/index.js';
import type { Logger, WorkspaceStore } from '../ports/index.js';
import type { Token } from './tokenize.js';
import type { GiftCatalog } from '../care/gift-catalog.js';

/** What a command body may use. The store is bound to the command's transaction. */
export interface CommandEnv {
  readonly store: WorkspaceStore;
  readonly workspace: Workspace;
  readonly actor: Member;
  readonly now: Date;
  readonly channel?: string;
  readonly logger: Logger;
  readonly giftCatalog?: GiftCatalog;
}

/** One `/client` subcommand: its grammar for people, and its body. */
export interface CommandSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** One line: "/client log <client> <kind> [mood:<mood>] [when:<time>] <what happened>". */
  readonly usage: string;
  /** One short sentence for the command list. */
  readonly summary: string;
  /** Extra lines for `/client help <command>`: vocabularies, defaults. */
  readonly details?: readonly string[];
  readonly examples: readonly string[];
  /** Parses the words after the subcommand, decides, and writes through env.store. Fails with CommandFailure. */
  run(args: readonly Token[], env: CommandEnv): Promise<Reply>;
}

export function reply(text: string, options: { sections?: ReplySection[]; visibility?: Reply['visibility']; attachment?: Reply['attachment']; suggestions?: string[] } = {}): Reply {
  return { ok: true, text, visibility: options.visibility ?? 'private', ...(options.sections ? { sections: options.sections } : {}), ...(options.attachment ? { attachment: options.attachment } : {}), ...(options.suggestions ? { suggestions: options.suggestions } : {}) };
}

/** A mention both Slack and Discord render natively; the console swaps it for a display name. */
export const mention = (member: Pick<Member, 'platformUserId'>): string => `<@${member.platformUserId}>`;
