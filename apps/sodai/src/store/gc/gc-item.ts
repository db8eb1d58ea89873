/** What a gc item removes; the order is the order `applyGc` removes them in. */
export const GC_KINDS = [
  'model-version',
  'tracking-run',
  'pipeline-run',
  'prediction-log',
  'quarantine',
  'orphan-file',
  'superseded-dataset',
  'orphan-artifact',
] as const;
export type GcKind = (typeof GC_KINDS)[number];

/** One thing `sodai gc` removes (or, with `--dry-run`, would remove). */
export interface GcItem {
  readonly kind: GcKind;
  /** What it is, e.g. `v7` or a run id or an object key. */
  readonly id: string;
  /** Bytes freed (artifact bytes, file bytes, or log text for pipeline runs). */
  readonly bytes: number;
  /** Epoch ms of the time the policy measured its age from. */
  readonly since: number;
  /** Why it goes, in words (`never promoted, registered 41 days ago`). */
  readonly reason: string;
}

/** What the policy found and what it keeps on purpose, so a reader sees why the champion stayed. */
export interface GcPlan {
  readonly at: number;
  readonly items: readonly GcItem[];
  readonly bytes: number;
  readonly kept: {
    /** The version the champion alias points at, if any. */
    readonly champion: number | null;
    /** Versions kept because they held an alias, are the newest, or a catalog commit names them. */
    readonly versions: readonly number[];
  };
}

/** What `applyGc` did: the items removed and those skipped because they became in use meanwhile. */
export interface GcOutcome {
  readonly removed: readonly GcItem[];
  readonly skipped: readonly { readonly item: GcItem; readonly reason: string }[];
  readonly bytes: number;
}

export const DAY_MS = 86_400_000;

/** `41 days ago` for reasons. */
export function daysAgo(now: number, since: number): string {
  const days = Math.floor((now - since) / DAY_MS);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}
