import type { InteractionSource, Member, Reply, ReplySection, Workspace } from '../model/index.js';
import type { CalendarSecrets, Logger, WorkspaceStore } from '../ports/index.js';
import type { GiftCatalog } from '../care/gift-catalog.js';
import type { ArgSpecs, ArgsOf } from './arguments.js';

/** What an executor may use. The store is bound to the command's transaction. */
export interface CommandEnv {
  readonly store: WorkspaceStore;
  readonly workspace: Workspace;
  readonly actor: Member;
  readonly now: Date;
  readonly channel?: string;
  readonly logger: Logger;
  readonly giftCatalog: GiftCatalog;
  /** How the command arrived, recorded on what it logs: typed ('command') or through a form ('modal'). */
  readonly via: InteractionSource;
  /** True where the platform names people, not ids (the console): an @name is that person. */
  readonly mentionsByName: boolean;
  /**
   * The command line again with another client name in place of the one typed, for "did you mean"
   * suggestions a person can run; absent when the command did not come from a line of text.
   */
  readonly suggestLine?: (clientName: string) => string;
  /** Issues calendar feed tokens; absent where this process serves no feed. */
  readonly calendar?: CalendarSecrets;
}

/**
 * One `/client` subcommand: its arguments described once, as data, and its executor. The text
 * grammar, the usage line, docs/commands.md, Slack's forms and Discord's options are all read from
 * `args`; every entry point reaches `execute` with typed arguments.
 */
export interface CommandDefinition<S extends ArgSpecs = ArgSpecs> {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** One short sentence for the command list. */
  readonly summary: string;
  /** Extra lines for `/client help <command>`: vocabularies, defaults. */
  readonly details?: readonly string[];
  readonly examples: readonly string[];
  readonly args: S;
  /** Decides and writes through env.store. Fails with refuse()/must(), which roll the transaction back. */
  execute(args: ArgsOf<S>, env: CommandEnv): Promise<Reply>;
}

/** Keeps a command's argument types flowing into its executor. */
export const defineCommand = <S extends ArgSpecs>(definition: CommandDefinition<S>): CommandDefinition<S> => definition;

export function reply(text: string, options: { sections?: ReplySection[]; visibility?: Reply['visibility']; attachment?: Reply['attachment']; suggestions?: string[] } = {}): Reply {
  return { ok: true, text, visibility: options.visibility ?? 'private', ...(options.sections ? { sections: options.sections } : {}), ...(options.attachment ? { attachment: options.attachment } : {}), ...(options.suggestions ? { suggestions: options.suggestions } : {}) };
}

/** A success that wrote nothing because it was all known already (see Reply.changed). */
export const unchangedReply = (text: string): Reply => ({ ...reply(text), changed: false });

/** A mention both Slack and Discord render natively; the console swaps it for a display name. */
export const mention = (member: Pick<Member, 'platformUserId'>): string => `<@${member.platformUserId}>`;
