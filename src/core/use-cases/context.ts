import type { InteractionSource, Workspace } from '../model/index.js';
import type { GiftCatalog } from '../care/gift-catalog.js';
import type { CalendarSecrets, Logger, Store } from '../ports/index.js';

/** Who is asking, where, and when. `now` comes from the caller's clock. */
export interface CommandContext {
  readonly workspace: Workspace;
  readonly actor: { readonly platformUserId: string; readonly displayName: string };
  readonly now: Date;
  /** The channel the command came from, when there is one. */
  readonly channel?: string;
  /** How it arrived, recorded on what it logs: 'command' (typed, the default) or 'modal' (a form). */
  readonly via?: InteractionSource;
  /** True where the platform names people rather than ids (the console): an @name is that person. */
  readonly mentionsByName?: boolean;
}

export interface CoreDeps {
  readonly store: Store;
  readonly logger: Logger;
  /** The gift ideas nudges draw from: the built-in catalog plus a team's own (RAPPORT_GIFT_CATALOG). */
  readonly giftCatalog?: GiftCatalog;
  /** Issues calendar feed tokens and their addresses; absent where no feed is served (the console). */
  readonly calendar?: CalendarSecrets;
}
