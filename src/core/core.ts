import type { Client, Digest, DigestKind, Reply, Workspace } from './model/index.js';
import type { CalendarSecrets, ClientName, Logger, Store, WorkspaceStore } from './ports/index.js';
import { DEFAULT_GIFT_CATALOG, type GiftCatalog } from './care/gift-catalog.js';
import type { RawValue } from './commands/arguments.js';
import type { CommandDefinition } from './commands/command.js';
import { normalizeName } from './commands/names.js';
import { COMMANDS } from './commands/registry.js';
import { usageOf } from './commands/usage.js';
import { actOnNudge, type NudgeAction } from './use-cases/act-on-nudge.js';
import type { CommandContext } from './use-cases/context.js';
import { checkCommand, handleCommand, runCommand } from './use-cases/handle-command.js';
import { planDigest } from './use-cases/plan-digest.js';
import { recordMessage, type MessageEvent, type MessageOutcome } from './use-cases/record-message.js';

export interface CoreOptions {
  readonly store: Store;
  readonly logger: Logger;
  /** The gift ideas nudges draw from: the built-in catalog plus a team's own. */
  readonly giftCatalog?: GiftCatalog;
  /** Calendar feed tokens and addresses (`/client calendar`); without it the command says the feed is not offered here. */
  readonly calendar?: CalendarSecrets;
}

/**
 * Everything an adapter may ask of Rapport. Slack, Discord, the console, the mail watcher and
 * imports call only this; each entry point reaches the same readers, executors and rules.
 */
export interface Core {
  /** A `/client` line as a person typed it. */
  runLine(ctx: CommandContext, text: string): Promise<Reply>;
  /** A command with its values already separated (a form, Discord's options, an import row). */
  run(ctx: CommandContext, command: string, values: Readonly<Record<string, RawValue | undefined>>): Promise<Reply>;
  /** What `run` would refuse before reading the store (missing or unreadable values), or null: forms answer it on their fields at once. */
  check(ctx: Pick<CommandContext, 'now' | 'workspace'>, command: string, values: Readonly<Record<string, RawValue | undefined>>): Reply | null;
  /** Done or Snooze on a nudge, from a button. */
  actOnNudge(ctx: CommandContext, action: NudgeAction): Promise<Reply>;
  /** A message that crossed between the team and a client with nobody typing (mail, a support post). */
  recordMessage(ctx: { readonly workspace: Workspace; readonly now: Date }, message: MessageEvent): Promise<MessageOutcome>;
  /** The digest of one workspace at `now`, for the scheduler and the console's /digest. */
  planDigest(input: { readonly store: WorkspaceStore; readonly now: Date; readonly kind: DigestKind; readonly notices?: readonly string[] }): Promise<Digest>;
  /** Clients whose name or alias contains what was typed, names that start with it first: for pickers and autocomplete. */
  suggestClients(workspace: Pick<Workspace, 'id'>, typed: string, limit?: number): Promise<ClientName[]>;
  /** One client by id (a button carries it), or null when it is gone. */
  getClient(workspace: Pick<Workspace, 'id'>, clientId: string): Promise<Client | null>;
  /** Every command's description, in help order, for forms and platform command registration. */
  readonly commands: readonly CommandDefinition[];
  /** A command's one-line grammar. */
  usage(command: CommandDefinition): string;
}

export function createCore(options: CoreOptions): Core {
  const deps = { store: options.store, logger: options.logger, giftCatalog: options.giftCatalog ?? DEFAULT_GIFT_CATALOG, ...(options.calendar ? { calendar: options.calendar } : {}) };
  return {
    runLine: (ctx, text) => handleCommand(deps, ctx, text),
    run: (ctx, command, values) => runCommand(deps, ctx, command, values),
    check: (ctx, command, values) => checkCommand(ctx, command, values),
    actOnNudge: (ctx, action) => actOnNudge(deps, ctx, action),
    recordMessage: (ctx, message) => recordMessage(deps.store, ctx.workspace, ctx.now, message),
    planDigest: (input) => planDigest({ ...input, catalog: deps.giftCatalog }),
    async suggestClients(workspace, typed, limit = 25) {
      const directory = await deps.store.workspace(workspace.id).clientDirectory();
      const query = normalizeName(typed);
      return directory
        .map((c) => ({ c, names: [c.name, ...c.aliases].map(normalizeName) }))
        .filter(({ names }) => query === '' || names.some((n) => n.includes(query)))
        .sort((a, b) => Number(b.names.some((n) => n.startsWith(query))) - Number(a.names.some((n) => n.startsWith(query))) || a.c.name.localeCompare(b.c.name))
        .slice(0, limit)
        .map(({ c }) => c);
    },
    getClient: (workspace, clientId) => deps.store.workspace(workspace.id).getClient(clientId),
    commands: COMMANDS,
    usage: usageOf,
  };
}

export type { CommandContext, MessageEvent, MessageOutcome, NudgeAction, RawValue };
