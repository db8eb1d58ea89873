import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { SodaiError } from '../../errors.ts';
import { writeFileAtomic } from '../../store/atomic-write.ts';
import { openDuckDb, queryNumber, sqlString } from '../../store/duckdb.ts';
import {
  BRAND_COUNT,
  CHURN_SHARE,
  COORDINATES,
  CUSTOMER_TYPE_MIX,
  DECEMBER_PEAK,
  DELIVERIES_MIX,
  DUPLICATE_SHARE,
  LATE_START_SHARE,
  MONTH_FACTORS,
  NEVER_BUY_SHARE,
  NEW_PRODUCT_SHARE,
  POPULARITY_EXPONENT,
  RETURN_SHARE,
  SEGMENT_PACKAGE_MIX,
  SIZES_BY_PACKAGE,
  SOLD_SHARE,
  SUBCATEGORY_MIX,
  WEEKDAY_WEIGHTS,
} from './calibration.ts';
import {
  GeneratorOptionsSchema,
  type GeneratorOptions,
  type ResolvedGeneratorOptions,
} from './generator-options.ts';
import { weightedCase } from './weighted-case.ts';
import { rawDataFiles } from '../raw-data-files.ts';

export interface GenerationProgress {
  readonly stage: 'reference' | 'transactions' | 'writing';
  readonly done: number;
  readonly total: number;
}

export interface GenerationResult {
  readonly files: { customers: string; products: string; transactions: string; truth?: string };
  readonly rows: { customers: number; products: number; transactions: number; truth: number };
}

/** Weeks generated per SQL statement: bounds memory and paces the progress bar. */
const WEEKS_PER_CHUNK = 4;

/** Customers buy a repertoire; the k-th product of it is bought with probability ~ TOP_PAIR_PROB · k^-RANK_DECAY. */
const TOP_PAIR_PROB = 0.95;
const RANK_DECAY = 0.45;
const ENGAGEMENT_BLOCK_WEEKS = 4;
/** Chance an engaged customer orders in a given week (before seasonality). */
const WEEKLY_ACTIVITY = 0.92;
const WINDOWED_PAIR_SHARE = 0.55;
const WINDOW_MEAN_WEEKS = 10;

function macros(seed: number, options: ResolvedGeneratorOptions): string[] {
  const drift = options.driftWeek ?? -1;
  const monthFactor = `list_extract([${MONTH_FACTORS.join(', ')}], month(d))`;
  return [
    // Uniform draws come from hashing (seed, tag, keys): every value depends only on its own keys,
    // so the data is identical whatever the thread count or chunking. DuckDB's multi-argument hash
    // combines its arguments without a final mix: the top bits for week w and week w − 1 were
    // correlated by up to ±1, so whole weeks repeated or inverted the previous week's purchases.
    // Hashing the combined value again mixes every bit.
    `CREATE MACRO u(tag, a, b, c) AS (hash(hash(${seed}, tag, a, b, c)) >> 11)::DOUBLE / 9007199254740992.0`,
    `CREATE MACRO gauss(tag, a, b, c) AS
       sqrt(-2 * ln(greatest(u(tag || ':r', a, b, c), 1e-300))) * cos(2 * pi() * u(tag || ':t', a, b, c))`,
    `CREATE MACRO season(d) AS ${monthFactor}
       + ${DECEMBER_PEAK.height} * exp(-pow((dayofyear(d) - ${DECEMBER_PEAK.dayOfYear}) / ${DECEMBER_PEAK.widthDays}, 2))`,
    `CREATE MACRO pair_prob(q, period, phase, w, s, collapse) AS least(0.97,
       (CASE WHEN period = 1 THEN q WHEN (w - phase) % period = 0 THEN least(0.95, q * period * 0.9) ELSE q * 0.1 END)
       * pow(s, 0.4) * collapse)`,
    // Customers are engaged or idle in blocks of weeks, which gives the streaks seen in real orders.
    `CREATE MACRO engaged(cidx, block_shift, w, beta) AS u('engaged', cidx, (w + block_shift) // ${ENGAGEMENT_BLOCK_WEEKS}, 0) < beta`,
    `CREATE MACRO active_prob(s) AS least(0.98, ${WEEKLY_ACTIVITY} * pow(s, 0.6))`,
    `CREATE MACRO drifted(w) AS (${drift} >= 0 AND w >= ${drift})`,
  ];
}

function customersSql(options: ResolvedGeneratorOptions): string {
  const typeCase = weightedCase(
    "u('type', i, 0, 0)",
    CUSTOMER_TYPE_MIX.map((t) => ({ value: t.type, weight: t.weight })),
  );
  const perType = (field: 'repertoire' | 'itemsScale' | 'activity') =>
    `(CASE customer_type ${CUSTOMER_TYPE_MIX.map((t) => `WHEN ${sqlString(t.type)} THEN ${t[field]}`).join(' ')} END)`;
  const W = options.weeks;
  return `CREATE TABLE gen_customers AS
    WITH base AS (
      SELECT i AS cidx, 100000 + i AS customer_id, ${typeCase} AS customer_type,
             ${weightedCase(
               "u('deliv', i, 0, 0)",
               DELIVERIES_MIX.map((d) => ({ value: d.value, weight: d.weight })),
             )} AS num_deliver_per_week,
             ${COORDINATES.y} + ${COORDINATES.spread} * gauss('y', i, 0, 0) AS Y,
             CASE WHEN u('xnull', i, 0, 0) < 0.001 THEN NULL ELSE ${COORDINATES.x} + ${COORDINATES.spread} * gauss('x', i, 0, 0) END AS X,
             u('never', i, 0, 0) < ${NEVER_BUY_SHARE} AS never_buys,
             CASE WHEN u('late', i, 0, 0) < ${LATE_START_SHARE} THEN floor(u('late2', i, 0, 0) * ${W})::INT ELSE 0 END AS start_week,
             u('churn', i, 0, 0) < ${CHURN_SHARE} AS churns
      FROM range(${options.customers}) t(i))
    SELECT *,
           CASE WHEN churns THEN start_week + 1 + floor(u('churn2', cidx, 0, 0) * (${W} - start_week))::INT ELSE ${W} END AS end_week,
           CASE WHEN never_buys THEN 0 ELSE greatest(2, round(${perType('repertoire')} * 1.2 * exp(0.55 * gauss('rep', cidx, 0, 0))))::INT END AS repertoire,
           CASE WHEN never_buys THEN 0
                ELSE least(1, greatest(0.05, ${perType('activity')} / ${WEEKLY_ACTIVITY} * exp(0.7 * gauss('act', cidx, 0, 0)))) END AS beta,
           floor(u('offset', cidx, 0, 0) * ${ENGAGEMENT_BLOCK_WEEKS})::INT AS block_offset,
           ${perType('itemsScale')} * exp(0.45 * gauss('scale', cidx, 0, 0)) AS items_scale
    FROM base`;
}

function productsSql(options: ResolvedGeneratorOptions): string {
  const sold = Math.max(5, Math.round(options.products * SOLD_SHARE));
  const sizeCase = `(CASE package ${Object.entries(SIZES_BY_PACKAGE)
    .map(
      ([pkg, sizes]) =>
        `WHEN ${sqlString(pkg)} THEN list_extract([${sizes.join(', ')}], 1 + floor(u('size', j, 0, 0) * ${sizes.length})::INT)`,
    )
    .join(' ')} END)`;
  const W = options.weeks;
  const drift = options.driftWeek;
  return `CREATE TABLE gen_products AS
    WITH base AS (
      SELECT j AS pidx, 20000 + j AS product_id,
             'Brand ' || (1 + floor(${BRAND_COUNT} * pow(u('brand', j, 0, 0), 1.6)))::INT AS brand,
             ${weightedCase(
               "u('sub', j, 0, 0)",
               SUBCATEGORY_MIX.map((s) => ({ value: `${s.category}|${s.subCategory}`, weight: s.weight })),
             )} AS cat_sub,
             ${weightedCase(
               "u('segpkg', j, 0, 0)",
               SEGMENT_PACKAGE_MIX.map((s) => ({ value: `${s.segment}|${s.package}`, weight: s.weight })),
             )} AS seg_pkg,
             row_number() OVER (ORDER BY u('rank', j, 0, 0), j) AS sales_rank
      FROM range(${options.products}) t(j)),
    attrs AS (
      SELECT pidx, product_id, brand, split_part(cat_sub, '|', 1) AS category, split_part(cat_sub, '|', 2) AS sub_category,
             split_part(seg_pkg, '|', 1) AS segment, split_part(seg_pkg, '|', 2) AS package, sales_rank
      FROM base)
    SELECT pidx, product_id, brand, category, sub_category, segment, package, ${sizeCase.replaceAll('j, 0, 0', 'pidx, 0, 0')} AS size,
           sales_rank,
           CASE WHEN sales_rank <= ${sold} THEN pow(sales_rank, -${POPULARITY_EXPONENT}) ELSE 0 END AS popularity,
           CASE WHEN sales_rank <= ${sold} AND sales_rank > 3 AND u('launch', pidx, 0, 0) < ${NEW_PRODUCT_SHARE}
                THEN 1 + floor(u('launch2', pidx, 0, 0) * ${Math.max(1, W - 1)})::INT ELSE 0 END AS launch_week,
           sales_rank = 1 AS collapses,
           ${drift !== undefined ? `sales_rank = ${sold + 1}` : 'false'} AS takes_off
    FROM attrs`;
}

function pairsSql(options: ResolvedGeneratorOptions): string {
  // Weighted sampling without replacement (Efraimidis–Spirakis): keep the largest u^(1/weight).
  return `CREATE TABLE gen_pairs AS
    SELECT *, CASE WHEN win_start < -1000 THEN 1000000
                   ELSE win_start + 2 + floor(-ln(greatest(u('wlen', cidx, pidx, 0), 1e-9)) * ${WINDOW_MEAN_WEEKS})::INT END AS win_end
    FROM (
    WITH ranked AS (
      SELECT c.cidx, c.customer_id, p.pidx, p.product_id, p.launch_week, p.collapses, c.repertoire,
             row_number() OVER (PARTITION BY c.cidx ORDER BY ln(u('pick', c.cidx, p.pidx, 0)) / p.popularity DESC, p.pidx) AS k
      FROM gen_customers c CROSS JOIN gen_products p
      WHERE c.repertoire > 0 AND p.popularity > 0
      QUALIFY k <= c.repertoire),
    regular AS (
      SELECT cidx, customer_id, pidx, product_id, launch_week, collapses,
             least(0.95, greatest(0.1, ${TOP_PAIR_PROB} * pow(k, -${RANK_DECAY}) * exp(0.25 * gauss('q', cidx, pidx, 0)))) AS q
      FROM ranked),
    takeoff AS (
      SELECT c.cidx, c.customer_id, p.pidx, p.product_id, ${options.driftWeek ?? 0} AS launch_week, false AS collapses, 0.6 AS q
      FROM gen_customers c CROSS JOIN gen_products p
      WHERE p.takes_off AND c.repertoire > 0 AND u('takeoff', c.cidx, p.pidx, 0) < 0.4)
    SELECT *,
           CASE WHEN q >= 0.3 OR u('period', cidx, pidx, 0) < 0.6 THEN 1 WHEN u('period', cidx, pidx, 0) < 0.9 THEN 2 ELSE 4 END AS period,
           floor(u('phase', cidx, pidx, 0) * 4)::INT AS phase,
           exp(0.5 * gauss('pscale', cidx, pidx, 0)) AS pair_scale,
           -- Many pairs live only for a while (a trial, a substitution): they start and stop.
           CASE WHEN u('window', cidx, pidx, 0) < ${WINDOWED_PAIR_SHARE}
                THEN floor(u('wstart', cidx, pidx, 0) * (${options.weeks} + 8))::INT - 8 ELSE -1000000 END AS win_start
    FROM (SELECT * FROM regular UNION ALL SELECT * FROM takeoff))`;
}

function weeksSql(options: ResolvedGeneratorOptions): string {
  return `CREATE TABLE gen_weeks AS
    SELECT w, (DATE ${sqlString(options.start)} + (7 * w)::INT)::DATE AS week_start,
           season((DATE ${sqlString(options.start)} + (7 * w + 3)::INT)::DATE) AS s
    FROM range(${options.weeks}) t(w)`;
}

/** Buying probability of a pair in a week, given the customer is active; the one formula for data and truth. */
const PAIR_PROB = `pair_prob(p.q, p.period, p.phase, w.w, w.s,
   CASE WHEN drifted(w.w) AND p.collapses THEN 0.1 ELSE 1 END)`;

function transactionsChunkSql(from: number, to: number): string {
  const weekday = weightedCase(
    "u('day', cidx, w, o)",
    WEEKDAY_WEIGHTS.map((weight, day) => ({ value: day, weight })),
  );
  return `INSERT INTO gen_tx
    WITH cw AS (
      SELECT c.cidx, c.customer_id, c.items_scale, w.w, w.week_start, w.s,
             1 + (u('o1', c.cidx, w.w, 0) < 0.36)::INT + (u('o2', c.cidx, w.w, 0) < 0.08)::INT AS n_orders
      FROM gen_customers c JOIN gen_weeks w ON w.w >= c.start_week AND w.w < c.end_week
      WHERE w.w >= ${from} AND w.w < ${to} AND c.beta > 0 AND engaged(c.cidx, c.block_offset, w.w, c.beta)
        AND u('active', c.cidx, w.w, 0) < active_prob(w.s)),
    buys AS (
      SELECT cw.*, p.pidx, p.product_id, p.pair_scale
      FROM cw JOIN gen_pairs p ON p.cidx = cw.cidx
      JOIN gen_weeks w ON w.w = cw.w
      WHERE cw.w >= p.launch_week AND cw.w >= p.win_start AND cw.w < p.win_end
        AND u('buy', cw.cidx, p.pidx, cw.w) < ${PAIR_PROB}),
    lines AS (
      SELECT *, floor(u('ord', cidx, pidx, w) * n_orders)::INT AS o FROM buys
      UNION ALL
      SELECT *, (floor(u('ord', cidx, pidx, w) * n_orders)::INT + 1) % n_orders AS o FROM buys
      WHERE n_orders > 1 AND u('second', cidx, pidx, w) < 0.45),
    priced AS (
      SELECT customer_id, product_id, (w * 1000000 + cidx) * 4 + o + 1 AS order_id,
             (week_start + ${weekday})::DATE AS purchase_date,
             items_scale * pair_scale * exp(0.35 * gauss('items', cidx, pidx, w * 4 + o))
               * CASE WHEN drifted(w) THEN 1.6 ELSE 1 END AS amount,
             u('return', cidx, pidx, w * 4 + o) < ${RETURN_SHARE} AS is_return,
             u('dup', cidx, pidx, w * 4 + o) < ${DUPLICATE_SHARE} AS duplicated
      FROM lines),
    final AS (
      SELECT customer_id, product_id, order_id, purchase_date,
             CASE WHEN is_return THEN -greatest(1, round(amount * 1.5 * u('ramt', customer_id, product_id, order_id)))
                  ELSE greatest(1, round(3 * amount)) END / 3.0 AS items,
             duplicated
      FROM priced)
    SELECT customer_id, product_id, order_id, purchase_date, items FROM (
      SELECT *, 0 AS copy FROM final UNION ALL SELECT *, 1 AS copy FROM final WHERE duplicated)
    ORDER BY purchase_date, order_id, product_id, items, copy`;
}

function truthChunkSql(from: number, to: number): string {
  return `INSERT INTO gen_truth
    SELECT p.customer_id, p.product_id, w.week_start,
           active_prob(w.s) * ${PAIR_PROB} * ${1 - RETURN_SHARE} AS probability
    FROM gen_pairs p JOIN gen_customers c ON c.cidx = p.cidx
    JOIN gen_weeks w ON w.w >= c.start_week AND w.w < c.end_week AND w.w >= p.launch_week
      AND w.w >= p.win_start AND w.w < p.win_end
    WHERE w.w >= ${from} AND w.w < ${to} AND engaged(c.cidx, c.block_offset, w.w, c.beta)
    ORDER BY w.week_start, p.customer_id, p.product_id`;
}

async function copyOut(connection: DuckDBConnection, select: string, file: string): Promise<void> {
  await connection.run(`COPY (${select}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`);
}

/**
 * Writes clientes.parquet, productos.parquet and transacciones.parquet with the real schema and
 * behaviour calibrated to the real data (see calibration.ts), plus truth.parquet with each pair's
 * true weekly purchase probability. Same options, same bytes. Rows stream week-chunk by
 * week-chunk through an on-disk DuckDB file, so memory stays bounded at any size.
 */
export async function generateData(
  input: GeneratorOptions,
  onProgress?: (progress: GenerationProgress) => void,
): Promise<GenerationResult> {
  const parsed = GeneratorOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SodaiError('INVALID_ARGUMENT', `generator option ${issue.path.join('.')}: ${issue.message}`);
  }
  const options = parsed.data;
  if (options.driftWeek !== undefined && options.driftWeek >= options.weeks) {
    throw new SodaiError(
      'INVALID_ARGUMENT',
      `--drift-week ${options.driftWeek} is not before --weeks ${options.weeks}`,
    );
  }
  mkdirSync(options.outDir, { recursive: true });
  const workFile = path.join(options.outDir, `.generate-${process.pid}.duckdb`);
  rmSync(workFile, { force: true });
  const db = await openDuckDb(workFile, {
    memory_limit: options.memoryLimit,
    ...(options.threads ? { threads: String(options.threads) } : {}),
    temp_directory: `${workFile}.tmp`,
  });
  const c = db.connection;
  try {
    for (const statement of macros(options.seed, options)) await c.run(statement);
    for (const statement of [
      customersSql(options),
      productsSql(options),
      pairsSql(options),
      weeksSql(options),
    ]) {
      await c.run(statement);
    }
    onProgress?.({ stage: 'reference', done: 1, total: 1 });
    await c.run(
      'CREATE TABLE gen_tx (customer_id BIGINT, product_id BIGINT, order_id BIGINT, purchase_date DATE, items DOUBLE)',
    );
    await c.run(
      'CREATE TABLE gen_truth (customer_id BIGINT, product_id BIGINT, week_start DATE, probability DOUBLE)',
    );
    for (let from = 0; from < options.weeks; from += WEEKS_PER_CHUNK) {
      const to = Math.min(options.weeks, from + WEEKS_PER_CHUNK);
      await c.run(transactionsChunkSql(from, to));
      if (options.truth) await c.run(truthChunkSql(from, to));
      onProgress?.({ stage: 'transactions', done: to, total: options.weeks });
    }

    const files = {
      ...rawDataFiles(options.outDir),
      ...(options.truth ? { truth: path.join(options.outDir, 'truth.parquet') } : {}),
    };
    await copyOut(
      c,
      `SELECT customer_id, 80::BIGINT AS region_id, 5148::BIGINT AS zone_id, customer_type, Y, X,
              num_deliver_per_week::BIGINT AS num_deliver_per_week, 1::BIGINT AS num_visit_per_week,
              cidx::BIGINT AS __index_level_0__
       FROM gen_customers ORDER BY cidx`,
      files.customers,
    );
    await copyOut(
      c,
      `SELECT product_id, brand, category, sub_category, segment, package, size::DOUBLE AS size
       FROM gen_products ORDER BY pidx`,
      files.products,
    );
    onProgress?.({ stage: 'writing', done: 1, total: 2 });
    // gen_tx was filled chunk by chunk in time order; rowid keeps that order without a global sort.
    await copyOut(
      c,
      `SELECT customer_id, product_id, order_id, CAST(purchase_date AS TIMESTAMP) AS purchase_date, items,
              rowid AS __index_level_0__ FROM gen_tx ORDER BY rowid`,
      files.transactions,
    );
    if (files.truth) await copyOut(c, 'SELECT * FROM gen_truth ORDER BY rowid', files.truth);
    onProgress?.({ stage: 'writing', done: 2, total: 2 });
    const rows = {
      customers: options.customers,
      products: options.products,
      transactions: await queryNumber(c, 'SELECT count(*) FROM gen_tx'),
      truth: options.truth ? await queryNumber(c, 'SELECT count(*) FROM gen_truth') : 0,
    };
    const { outDir: _outDir, memoryLimit: _memory, threads: _threads, ...recorded } = options;
    writeFileAtomic(
      path.join(options.outDir, 'generation.json'),
      `${JSON.stringify({ generator: 'sodai', options: recorded, rows }, null, 2)}\n`,
    );
    return { files, rows };
  } finally {
    db.close();
    rmSync(workFile, { force: true });
    rmSync(`${workFile}.wal`, { force: true });
    rmSync(`${workFile}.tmp`, { force: true, recursive: true });
  }
}
