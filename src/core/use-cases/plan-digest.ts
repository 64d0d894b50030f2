import type { Digest, DigestKind, Nudge, Workspace } from '../model/index.js';
import type { WorkspaceStore } from '../ports/store.js';
import type { CareSnapshot } from '../ports/care-snapshot.js';
import { careQuery, careRules, runRules } from '../rules/index.js';
import { buildDigest } from '../digest/index.js';
import type { GiftCatalog } from '../care/gift-catalog.js';

/** The slice of the store planning needs; a WorkspaceStore satisfies it. */
export type CareReader = Pick<WorkspaceStore, 'getWorkspace' | 'careSnapshot'>;

/**
 * Reads the snapshot the rules need for `now` and runs them: acknowledged nudges are already gone.
 * With `digestOnly`, each family of candidates stops at the most urgent ones a digest can show
 * (digestMaxItems) and `unlisted` counts the due nudges left out; otherwise every one is planned.
 */
export async function dueNudges(
  store: CareReader,
  now: Date,
  catalog?: GiftCatalog,
  options: { readonly digestOnly?: boolean } = {},
): Promise<{ workspace: Workspace; snapshot: CareSnapshot; nudges: Nudge[]; unlisted: number }> {
  const workspace = await store.getWorkspace();
  const snapshot = await store.careSnapshot(careQuery(workspace, now, options.digestOnly ? { limit: workspace.policy.digestMaxItems } : {}));
  const nudges = runRules(now, snapshot, workspace.policy, careRules(catalog));
  return { workspace, snapshot, nudges, unlisted: snapshot.unlisted ?? 0 };
}

/** Plans one digest (morning or end-of-day sweep) for the workspace at `now`. */
export async function planDigest(input: {
  readonly store: CareReader;
  readonly now: Date;
  readonly kind: DigestKind;
  readonly notices?: readonly string[];
  readonly catalog?: GiftCatalog;
}): Promise<Digest> {
  const { workspace, nudges, unlisted } = await dueNudges(input.store, input.now, input.catalog, { digestOnly: true });
  return buildDigest({
    workspaceId: workspace.id,
    timeZone: workspace.timeZone,
    now: input.now,
    kind: input.kind,
    nudges,
    maxItems: workspace.policy.digestMaxItems,
    notices: input.notices ?? [],
    // Families cut at the limit are all morning material (dates, keeping in touch, gifts, advice).
    unlisted: input.kind === 'morning' ? unlisted : 0,
  });
}
