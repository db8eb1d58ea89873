import type { Catalog } from '../catalog/catalog.ts';
import { DAY_MS, daysAgo, type GcItem } from './gc-item.ts';

/** The retention settings and table names {@link expiringTables} reads. */
export interface ExpiringTablesPolicy {
  readonly predictionLogTable: string;
  readonly predictionLogDays: number;
  readonly quarantineTable: string;
  readonly quarantineDays: number;
}

/**
 * A file of a table whose files expire by age (the prediction log's segments, the quarantine's
 * batches). `drop`: older than the table's retention, removed from the table by a commit; its bytes
 * are freed by a later gc, once every snapshot listing it was superseded longer than the grace period
 * ago. `release`: a file only such old snapshots list, deleted now with those snapshots.
 */
export interface ExpiringFileGcItem extends GcItem {
  readonly kind: ExpiringTable['kind'];
  readonly action: 'drop' | 'release';
}

/**
 * A catalog table whose files leave it by age and whose old snapshots are then forgotten, so their
 * bytes can go: nobody reads either as of a past snapshot.
 */
export interface ExpiringTable {
  readonly kind: 'prediction-log' | 'quarantine';
  readonly table: string;
  readonly days: number;
  /** `logged 200 days ago`, `quarantined 200 days ago`. */
  readonly added: string;
  /** `the log`, `the quarantine`. */
  readonly name: string;
}

/** The tables retention expires files of, in the order gc handles them. */
export function expiringTables(policy: ExpiringTablesPolicy): readonly ExpiringTable[] {
  return [
    {
      kind: 'prediction-log',
      table: policy.predictionLogTable,
      days: policy.predictionLogDays,
      added: 'logged',
      name: 'the log',
    },
    {
      kind: 'quarantine',
      table: policy.quarantineTable,
      days: policy.quarantineDays,
      added: 'quarantined',
      name: 'the quarantine',
    },
  ];
}

/** The reason of a file released with the snapshots that listed it. */
export const releasedReason = (t: ExpiringTable): string =>
  `left ${t.name} earlier; only snapshots superseded before the grace period list it`;

/** What a gc plan lists for one expiring table now (`graceBefore`: now less the grace period). */
export async function planExpiringTable(
  catalog: Pick<Catalog, 'currentFilesBefore' | 'releasableFiles'>,
  t: ExpiringTable,
  now: number,
  graceBefore: number,
): Promise<ExpiringFileGcItem[]> {
  return [
    ...(await catalog.currentFilesBefore(t.table, now - t.days * DAY_MS)).map((f): ExpiringFileGcItem => ({
      kind: t.kind,
      action: 'drop',
      id: f.key,
      bytes: f.bytes,
      since: f.committedAt,
      reason: `${t.added} ${daysAgo(now, f.committedAt)}: leaves ${t.name} (bytes freed by a later gc)`,
    })),
    ...(await catalog.releasableFiles(t.table, graceBefore)).map((f): ExpiringFileGcItem => ({
      kind: t.kind,
      action: 'release',
      id: f.key,
      bytes: f.bytes,
      since: graceBefore,
      reason: releasedReason(t),
    })),
  ];
}

/** A file that leaves its table in this pass and is freed by a later one. */
export const isDrop = (i: GcItem): i is ExpiringFileGcItem => 'action' in i && i.action === 'drop';
