import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { FEATURE_NAMES } from '../contract/feature-vector.ts';
import { queryNumber, queryRows, sqlString } from '../store/duckdb.ts';
import type { ObjectStore } from '../store/object-store/object-store.ts';
import { writeQueryToStore } from '../store/parquet-table.ts';
import { StoreError } from '../store/store-error.ts';
import { catalogFingerprint, transactionsVersionsBefore } from '../store/transactions-queries.ts';
import { addDays } from './cutoff-plan.ts';
import { buildDataset, DATASET_DEFINITION_REVISION, type DatasetSummary } from './dataset-builder.ts';
import { readDatasetMatrix, type DatasetMatrix } from './dataset-matrix.ts';

export const DATASET_CACHE_TABLE = 'weekly_dataset';
const TABLE = DATASET_CACHE_TABLE;
const UNCOVERED = `${TABLE}_uncovered`;
const META = `${TABLE}_meta`;
const BUILD = `${TABLE}_build`;

/** Purchases of a week that no candidate covered: they still count as misses when scoring. */
export interface MissedPositives {
  readonly total: number;
  readonly byCustomer: ReadonlyMap<number, number>;
}

export interface DatasetCacheOptions {
  readonly lookbackWeeks: number;
  readonly exploreK: number;
  /** Told which cut-offs were built and which were reused (a task log, a progress bar). */
  readonly log?: (line: string) => void;
  /**
   * Where built cut-offs are kept for other jobs and processes: `datasets/<digest>/<cutoff>.parquet`
   * (+ `.uncovered.parquet`, `.json`), the digest naming what the cut-off reads (the purchases before
   * the end of its label week, the customer and product tables), the settings and the feature
   * contract. Without it the cache lives only in this connection.
   */
  readonly objects?: ObjectStore;
}

/** Counts kept per built cut-off. */
interface CutoffMeta {
  readonly rows: number;
  readonly positives: number;
  readonly purchased: number;
  readonly covered: number;
}

/** Where the cache keeps built cut-offs in the object store, one folder per digest. */
export const DATASETS_PREFIX = 'datasets/';

/** The folder of the cut-offs built from `version`: `datasets/<digest>`. */
const folderOf = (version: string): string =>
  `${DATASETS_PREFIX}${createHash('sha256').update(version).digest('hex').slice(0, 32)}`;

const KEPT_KEY = /^(datasets\/[0-9a-f]{32})\/(\d{4}-\d{2}-\d{2})(\.parquet|\.uncovered\.parquet|\.json)$/;

/**
 * The folder and cut-off of a file the cache keeps (`datasets/<digest>/<cutoff>.json`); undefined
 * for any other key, which the cache never wrote.
 */
export function parseDatasetKey(
  key: string,
): { folder: string; cutoff: string; metadata: boolean } | undefined {
  const match = KEPT_KEY.exec(key);
  return match ? { folder: match[1]!, cutoff: match[2]!, metadata: match[3] === '.json' } : undefined;
}

export const inCutoffs = (cutoffs: readonly string[]): string =>
  cutoffs.length === 0 ? 'false' : `cutoff IN (${cutoffs.map((c) => `DATE ${sqlString(c)}`).join(', ')})`;

/**
 * The customer × product rows of every cut-off a weekly run needs, built once per cut-off and kept in
 * the store beside the transactions they came from. Every job of a run (drift, train, gate, predict)
 * and every later run asks this cache, so a cut-off's rows are computed once; a cut-off is rebuilt
 * when what it reads changes (see {@link DatasetCache.ensure}).
 *
 * @example
 * const datasets = new DatasetCache(connection, settings);
 * await datasets.ensure([plan.testCutoff]);
 * const test = await datasets.matrix([plan.testCutoff]);
 */
export class DatasetCache {
  constructor(
    readonly connection: DuckDBConnection,
    readonly options: DatasetCacheOptions,
  ) {}

  /**
   * Builds the cut-offs not built yet for today's data; returns the summary of all of them. A kept
   * cut-off is rebuilt only when what it was built from changed: the purchases before the end of its
   * label week, the customer and product tables, or the settings. A new week of data therefore
   * rebuilds the latest cut-offs, not the year.
   */
  async ensure(cutoffs: readonly string[]): Promise<DatasetSummary> {
    const c = this.connection;
    const wanted = [...new Set(cutoffs)].sort();
    const versions = await this.#versions(wanted);
    await c.run(`CREATE TABLE IF NOT EXISTS ${META} (cutoff DATE PRIMARY KEY, version VARCHAR,
      rows BIGINT, positives BIGINT, purchased BIGINT, covered BIGINT)`);
    const kept = await queryRows(
      c,
      `SELECT cutoff::VARCHAR AS c, version AS v FROM ${META} WHERE ${inCutoffs(wanted)}`,
    );
    const stale = kept.filter((r) => r.v !== versions.get(String(r.c))).map((r) => String(r.c));
    if (stale.length > 0) await this.#drop(stale);
    const have = new Set(kept.map((r) => String(r.c)).filter((t) => !stale.includes(t)));
    let missing = wanted.filter((t) => !have.has(t));
    if (missing.length > 0 && this.options.objects) {
      const loaded = await this.#loadKept(missing, versions);
      for (const t of loaded) have.add(t);
      missing = missing.filter((t) => !loaded.includes(t));
    }
    if (missing.length > 0) {
      const built = await buildDataset(c, { ...this.options, cutoffs: missing, table: BUILD });
      await this.#keep(missing, built, versions);
      if (this.options.objects) await this.#putKept(missing, versions, this.options.objects);
      this.options.log?.(
        `dataset built for cut-off${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: ${built.rows.toLocaleString('en')} candidate rows`,
      );
    }
    const reused = wanted.filter((t) => have.has(t));
    if (reused.length > 0) this.options.log?.(`dataset reused for ${reused.join(', ')}`);
    return this.summary(cutoffs);
  }

  /** Rows, positives and candidate coverage of cut-offs already built. */
  async summary(cutoffs: readonly string[]): Promise<DatasetSummary> {
    const rows = await queryRows(
      this.connection,
      `SELECT cutoff::VARCHAR AS cutoff, rows, positives, purchased, covered FROM ${META}
       WHERE ${inCutoffs(cutoffs)} ORDER BY cutoff`,
    );
    return {
      rows: rows.reduce((s, r) => s + Number(r.rows), 0),
      positives: rows.reduce((s, r) => s + Number(r.positives), 0),
      coverage: rows
        .filter((r) => Number(r.purchased) > 0)
        .map((r) => ({
          cutoff: String(r.cutoff),
          purchased: Number(r.purchased),
          covered: Number(r.covered),
          share: Number(r.covered) / Math.max(1, Number(r.purchased)),
        })),
    };
  }

  /** The rows of these cut-offs as typed arrays (built with {@link ensure} first). */
  matrix(cutoffs: readonly string[]): Promise<DatasetMatrix> {
    return readDatasetMatrix(this.connection, TABLE, inCutoffs(cutoffs));
  }

  /** Purchases of these cut-offs' weeks that no candidate covers, per customer. */
  async missed(cutoffs: readonly string[]): Promise<MissedPositives> {
    const rows = await queryRows(
      this.connection,
      `SELECT customer_id::DOUBLE AS c, count(*) AS n FROM ${UNCOVERED} WHERE ${inCutoffs(cutoffs)} GROUP BY 1`,
    );
    const byCustomer = new Map(rows.map((r) => [Number(r.c), Number(r.n)]));
    return { total: [...byCustomer.values()].reduce((a, b) => a + b, 0), byCustomer };
  }

  /** A query for one built cut-off's rows, in pair order (what serving reads for that week). */
  rowsQuery(cutoff: string): string {
    return `SELECT * FROM ${TABLE} WHERE ${inCutoffs([cutoff])} ORDER BY cutoff, customer_id, product_id`;
  }

  /** Forgets kept cut-offs (their data changed). */
  async #drop(cutoffs: readonly string[]): Promise<void> {
    const c = this.connection;
    const kept = await this.#tablesExist();
    await c.run('BEGIN TRANSACTION');
    try {
      if (kept)
        for (const t of [TABLE, UNCOVERED]) await c.run(`DELETE FROM ${t} WHERE ${inCutoffs(cutoffs)}`);
      await c.run(`DELETE FROM ${META} WHERE ${inCutoffs(cutoffs)}`);
      await c.run('COMMIT');
    } catch (error) {
      await c.run('ROLLBACK');
      throw error;
    }
  }

  /** Whether this connection holds kept rows (the rows and uncovered tables are created together). */
  async #tablesExist(): Promise<boolean> {
    const sql = `SELECT count(*) FROM duckdb_tables() WHERE table_name = '${TABLE}' AND NOT temporary`;
    return (await queryNumber(this.connection, sql)) > 0;
  }

  /** Adds rows and uncovered purchases from two relations, creating the tables on first use. */
  async #append(exists: boolean, rows: string, uncovered: string): Promise<void> {
    for (const [table, from] of [
      [TABLE, rows],
      [UNCOVERED, uncovered],
    ] as const) {
      await this.connection.run(
        exists
          ? `INSERT INTO ${table} SELECT * FROM ${from}`
          : `CREATE TABLE ${table} AS SELECT * FROM ${from}`,
      );
    }
  }

  #objectKey(version: string, cutoff: string, suffix: string): string {
    return `${folderOf(version)}/${cutoff}${suffix}`;
  }

  /**
   * The folder each cut-off is kept in for today's data and these settings: the one {@link ensure}
   * reads or writes. A cut-off's files in any other folder are superseded (`sodai gc` removes them).
   */
  async folders(cutoffs: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const versions = await this.#versions(cutoffs);
    return new Map(cutoffs.map((t) => [t, folderOf(versions.get(t)!)]));
  }

  /** Loads the cut-offs another job already kept in the object store; returns those found. */
  async #loadKept(cutoffs: readonly string[], versions: ReadonlyMap<string, string>): Promise<string[]> {
    const objects = this.options.objects!;
    const c = this.connection;
    const found: string[] = [];
    for (const t of cutoffs) {
      const version = versions.get(t)!;
      const metaKey = this.#objectKey(version, t, '.json');
      if (!(await objects.exists(metaKey))) continue;
      const meta = JSON.parse(Buffer.from(await objects.getBytes(metaKey)).toString('utf8')) as CutoffMeta;
      const rows = await objects.localPath(this.#objectKey(version, t, '.parquet'));
      const uncovered = await objects.localPath(this.#objectKey(version, t, '.uncovered.parquet'));
      const exists = await this.#tablesExist();
      await c.run('BEGIN TRANSACTION');
      try {
        await this.#append(
          exists,
          `read_parquet(${sqlString(rows)})`,
          `read_parquet(${sqlString(uncovered)})`,
        );
        await c.run(
          `INSERT INTO ${META} VALUES (DATE ${sqlString(t)}, ${sqlString(version)}, ${meta.rows},
           ${meta.positives}, ${meta.purchased}, ${meta.covered})`,
        );
        await c.run('COMMIT');
      } catch (error) {
        await c.run('ROLLBACK');
        throw error;
      }
      found.push(t);
    }
    return found;
  }

  /**
   * Keeps freshly built cut-offs in the object store. The metadata goes last, so a reader that finds
   * it finds both files; when another process kept the same cut-off first, its files stay.
   */
  async #putKept(
    cutoffs: readonly string[],
    versions: ReadonlyMap<string, string>,
    objects: ObjectStore,
  ): Promise<void> {
    const c = this.connection;
    for (const t of cutoffs) {
      const version = versions.get(t)!;
      const metaKey = this.#objectKey(version, t, '.json');
      if (await objects.exists(metaKey)) continue;
      const [meta] = await queryRows(
        c,
        `SELECT rows, positives, purchased, covered FROM ${META} WHERE cutoff = DATE ${sqlString(t)}`,
      );
      try {
        for (const [table, suffix] of [
          [TABLE, '.parquet'],
          [UNCOVERED, '.uncovered.parquet'],
        ] as const) {
          await writeQueryToStore(
            c,
            `SELECT * FROM ${table} WHERE ${inCutoffs([t])} ORDER BY ALL`,
            objects,
            this.#objectKey(version, t, suffix),
          );
        }
      } catch (error) {
        if (error instanceof StoreError && error.reason === 'DUPLICATE_FILE') continue;
        throw error;
      }
      const kept: CutoffMeta = {
        rows: Number(meta?.rows ?? 0),
        positives: Number(meta?.positives ?? 0),
        purchased: Number(meta?.purchased ?? 0),
        covered: Number(meta?.covered ?? 0),
      };
      await objects.putIfAbsent(metaKey, JSON.stringify(kept));
    }
  }

  readonly #versionOf = new Map<string, string>();
  #fixed: Promise<string> | undefined;

  /**
   * Each cut-off's fingerprint: the purchases before the end of its label week, the catalog, the
   * settings and the feature contract. The purchases are scanned once per cache and set of new
   * cut-offs: a cache lives for one job, whose view of the store does not change.
   */
  async #versions(cutoffs: readonly string[]): Promise<ReadonlyMap<string, string>> {
    this.#fixed ??= (async () => {
      const settings = `${DATASET_DEFINITION_REVISION}:${this.options.lookbackWeeks}:${this.options.exploreK}:${FEATURE_NAMES.join(',')}`;
      const digest = createHash('sha256').update(settings).digest('hex').slice(0, 16);
      return `${await catalogFingerprint(this.connection)}:${digest}`;
    })();
    const fixed = await this.#fixed;
    const unknown = cutoffs.filter((t) => !this.#versionOf.has(t));
    const ends = new Map(unknown.map((t) => [addDays(t, 7), t]));
    for (const [end, version] of await transactionsVersionsBefore(this.connection, [...ends.keys()])) {
      this.#versionOf.set(ends.get(end)!, `${version}:${fixed}`);
    }
    return new Map(cutoffs.map((t) => [t, this.#versionOf.get(t)!]));
  }

  async #keep(
    cutoffs: readonly string[],
    built: DatasetSummary,
    versions: ReadonlyMap<string, string>,
  ): Promise<void> {
    const c = this.connection;
    const exists = await this.#tablesExist();
    const byCutoff = await queryRows(
      c,
      `SELECT cutoff::VARCHAR AS cutoff, count(*) AS rows, sum(label) AS positives FROM ${BUILD} GROUP BY 1`,
    );
    await c.run('BEGIN TRANSACTION');
    try {
      await this.#append(exists, BUILD, `${BUILD}_uncovered`);
      for (const t of cutoffs) {
        const counts = byCutoff.find((r) => String(r.cutoff) === t);
        const cov = built.coverage.find((r) => r.cutoff === t);
        await c.run(
          `INSERT INTO ${META} VALUES (DATE ${sqlString(t)}, ${sqlString(versions.get(t)!)}, ${Number(counts?.rows ?? 0)},
           ${Number(counts?.positives ?? 0)}, ${cov?.purchased ?? 0}, ${cov?.covered ?? 0})`,
        );
      }
      await c.run('COMMIT');
    } catch (error) {
      await c.run('ROLLBACK');
      throw error;
    }
    await c.run(`DROP TABLE IF EXISTS ${BUILD}`);
    await c.run(`DROP TABLE IF EXISTS ${BUILD}_uncovered`);
  }
}
