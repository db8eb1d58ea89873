import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { FEATURE_NAMES } from '../contract/feature-vector.ts';
import { queryNumber, queryRows, sqlString } from '../store/duckdb.ts';
import { transactionsVersion } from '../store/transactions-queries.ts';
import { buildDataset, type DatasetSummary } from './dataset-builder.ts';
import { readDatasetMatrix, type DatasetMatrix } from './dataset-matrix.ts';

const TABLE = 'weekly_dataset';
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
}

export const inCutoffs = (cutoffs: readonly string[]): string =>
  cutoffs.length === 0 ? 'false' : `cutoff IN (${cutoffs.map((c) => `DATE ${sqlString(c)}`).join(', ')})`;

/**
 * The customer × product rows of every cut-off a weekly run needs, built once per cut-off and kept in
 * the store beside the transactions they came from. Every job of a run (drift, train, gate, predict)
 * and every later run on the same data asks this cache, so a cut-off's rows are computed once; the
 * cache empties itself when the transactions, the candidate settings or the feature contract change.
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

  /** Builds the cut-offs not built yet for today's data; returns the summary of all of them. */
  async ensure(cutoffs: readonly string[]): Promise<DatasetSummary> {
    const c = this.connection;
    const version = await this.#version();
    await c.run(`CREATE TABLE IF NOT EXISTS ${META} (cutoff DATE PRIMARY KEY, version VARCHAR,
      rows BIGINT, positives BIGINT, purchased BIGINT, covered BIGINT)`);
    const stale = await queryNumber(c, `SELECT count(*) FROM ${META} WHERE version <> ${sqlString(version)}`);
    if (stale > 0) await this.clear();
    const have = new Set(
      (await queryRows(c, `SELECT cutoff::VARCHAR AS c FROM ${META}`)).map((r) => String(r.c)),
    );
    const missing = [...new Set(cutoffs)].filter((t) => !have.has(t)).sort();
    if (missing.length > 0) {
      const built = await buildDataset(c, { ...this.options, cutoffs: missing, table: BUILD });
      await this.#keep(missing, built, version);
      this.options.log?.(
        `dataset built for cut-off${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: ${built.rows.toLocaleString('en')} candidate rows`,
      );
    }
    const reused = cutoffs.filter((t) => have.has(t));
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

  async clear(): Promise<void> {
    for (const t of [TABLE, UNCOVERED, BUILD, `${BUILD}_uncovered`])
      await this.connection.run(`DROP TABLE IF EXISTS ${t}`);
    await this.connection.run(`DELETE FROM ${META}`);
  }

  async #version(): Promise<string> {
    const settings = `${this.options.lookbackWeeks}:${this.options.exploreK}:${FEATURE_NAMES.join(',')}`;
    const digest = createHash('sha256').update(settings).digest('hex').slice(0, 16);
    return `${await transactionsVersion(this.connection)}:${digest}`;
  }

  async #keep(cutoffs: readonly string[], built: DatasetSummary, version: string): Promise<void> {
    const c = this.connection;
    const exists = await queryNumber(
      c,
      `SELECT count(*) FROM duckdb_tables() WHERE table_name = '${TABLE}' AND NOT temporary`,
    );
    const byCutoff = await queryRows(
      c,
      `SELECT cutoff::VARCHAR AS cutoff, count(*) AS rows, sum(label) AS positives FROM ${BUILD} GROUP BY 1`,
    );
    await c.run('BEGIN TRANSACTION');
    try {
      if (exists) {
        await c.run(`INSERT INTO ${TABLE} SELECT * FROM ${BUILD}`);
        await c.run(`INSERT INTO ${UNCOVERED} SELECT * FROM ${BUILD}_uncovered`);
      } else {
        await c.run(`CREATE TABLE ${TABLE} AS SELECT * FROM ${BUILD}`);
        await c.run(`CREATE TABLE ${UNCOVERED} AS SELECT * FROM ${BUILD}_uncovered`);
      }
      for (const t of cutoffs) {
        const counts = byCutoff.find((r) => String(r.cutoff) === t);
        const cov = built.coverage.find((r) => r.cutoff === t);
        await c.run(
          `INSERT INTO ${META} VALUES (DATE ${sqlString(t)}, ${sqlString(version)}, ${Number(counts?.rows ?? 0)},
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
