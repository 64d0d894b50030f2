import type { Digest, DigestKind, Nudge, Workspace } from '../model/index.js';
import type { WorkspaceStore } from '../ports/store.js';
import type { CareSnapshot } from '../ports/care-snapshot.js';
import { careQuery, careRules, runRules } from '../rules/index.js';
import { buildDigest } from '../digest/index.js';
import type { GiftCatalog } from '../care/gift-catalog.js';

/** The slice of the store planning needs; a WorkspaceStore satisfies it. */
export type CareReader = Pick<WorkspaceStore, 'getWorkspace' | 'careSnapshot'>;

/** Reads the snapshot the rules need for `now` and runs them: acknowledged nudges are already gone. */
export async function dueNudges(store: CareReader, now: Date, catalog?: GiftCatalog): Promise<{ workspace: Workspace; snapshot: CareSnapshot; nudges: Nudge[] }> {
  const workspace = await store.getWorkspace();
  const snapshot = await store.careSnapshot(careQuery(workspace, now));
  const nudges = runRules(now, snapshot, workspace.policy, careRules(catalog));
  return { workspace, snapshot, nudges };
}

/** Plans one digest (morning or end-of-day sweep) for the workspace at `now`. */
export async function planDigest(input: {
  readonly store: CareReader;
  readonly now: Date;
  readonly kind: DigestKind;
  readonly notices?: readonly string[];
  readonly catalog?: GiftCatalog;
}): Promise<Digest> {
  const { workspace, nudges } = await dueNudges(input.store, input.now, input.catalog);
  return buildDigest({
    workspaceId: workspace.id,
    timeZone: workspace.timeZone,
    now: input.now,
    kind: input.kind,
    nudges,
    maxItems: workspace.policy.digestMaxItems,
    notices: input.notices ?? [],
  });
}
