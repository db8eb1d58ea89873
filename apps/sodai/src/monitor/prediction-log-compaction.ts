import type { CatalogChange, CatalogFile } from '../store/catalog/catalog-records.ts';
import { createParquetView, newTableFileKey, writeQueryToStore } from '../store/parquet-table.ts';
import { PREDICTION_LOG_TABLE } from '../store/prediction-log-table.ts';
import type { RawStore } from '../store/raw-store.ts';

/**
 * The files to merge next, or undefined: files of one UTC day (their `logged_at` range within it)
 * fall in size tiers of `fanIn`× rows (1–15 rows, 16–255, … for a fan-in of 16); when one tier
 * holds `fanIn` files they merge into one file of the next tier. A log written every second so keeps
 * at most (fanIn − 1) files per tier and day, and each row is rewritten once per tier it climbs
 * (log_fanIn of the day's rows), where appending segments for ever made every commit copy, and
 * every reader list, the whole growing file list. Files without a date range (written before the
 * log recorded one) are left as they are.
 *
 * @example
 * pickCompaction(todaysSegments, 16); // the 16 smallest same-tier files of one day, once there are 16
 */
export function pickCompaction(files: readonly CatalogFile[], fanIn: number): CatalogFile[] | undefined {
  const tiers = new Map<string, CatalogFile[]>();
  for (const file of files) {
    if (file.dateMin === undefined || file.dateMin !== file.dateMax) continue;
    const tier = Math.floor(Math.log(Math.max(file.rows, 1)) / Math.log(fanIn));
    const key = `${file.dateMin}\u0000${tier}`;
    const group = tiers.get(key) ?? [];
    tiers.set(key, group);
    group.push(file);
  }
  // The smallest tier first: its merge is the cheapest and the most often due.
  const due = [...tiers.values()]
    .filter((group) => group.length >= fanIn)
    .sort((a, b) => a[0]!.rows - b[0]!.rows);
  const group = due[0];
  return group?.sort((a, b) => a.rows - b.rows || a.key.localeCompare(b.key)).slice(0, fanIn);
}

/** The UTC days of the first and last of `times` (ms since the epoch), as a file's date range. */
export function utcDayRange(times: readonly number[]): { dateMin: string; dateMax: string } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of times) {
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
  }
  const day = (ms: number) => new Date(Math.trunc(ms)).toISOString().slice(0, 10);
  return { dateMin: day(lo), dateMax: day(hi) };
}

/**
 * Merges the log files {@link pickCompaction} chooses from the snapshot `store` last read, on a
 * connection of its own, and commits the merged file in their place through `commit` (the server passes
 * one that takes its DuckDB lane for the commit's view refresh only, so requests do not wait for the
 * merge). Returns false when nothing is due. A commit that finds one of the files gone (another
 * server compacted first) fails and changes nothing; its merged file is an orphan `sodai gc` removes.
 */
export async function compactPredictionLog(
  store: RawStore,
  options: {
    readonly fanIn: number;
    readonly tempDirectory?: string;
    readonly commit: (change: CatalogChange) => Promise<unknown>;
  },
): Promise<boolean> {
  const files = pickCompaction(store.read[PREDICTION_LOG_TABLE]?.files ?? [], options.fanIn);
  if (!files) return false;
  // A second connection to the store's own DuckDB: requests on the first do not wait for the merge.
  const connection = await store.connect();
  let merged;
  try {
    // File keys begin with their write time, and DuckDB keeps the scan's order: read in key order,
    // the merged rows are in time order without a sort (which cost the server memory on every merge).
    const inWriteOrder = [...files].sort((a, b) => a.key.localeCompare(b.key));
    await createParquetView(connection, 'prediction_log_merge', inWriteOrder, store.shared.objects);
    merged = await writeQueryToStore(
      connection,
      'SELECT * FROM prediction_log_merge',
      store.shared.objects,
      newTableFileKey(PREDICTION_LOG_TABLE),
      {
        // Only files of one day are merged: the range is that day's.
        dateRange: { dateMin: files[0]!.dateMin!, dateMax: files[0]!.dateMin! },
        ...(options.tempDirectory ? { tempDirectory: options.tempDirectory } : {}),
      },
    );
    await connection.run('DROP VIEW prediction_log_merge');
  } finally {
    connection.closeSync();
  }
  const change: CatalogChange = {
    operation: 'compact',
    tables: [
      {
        table: PREDICTION_LOG_TABLE,
        mode: 'append',
        add: [merged],
        remove: files.map((f) => f.key),
        summary: { merged: files.length },
      },
    ],
  };
  await options.commit(change);
  return true;
}
