import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../store/duckdb.ts';
import { PREDICTION_LOG_TABLE } from '../store/prediction-log-table.ts';

const DAY_MS = 86_400_000;

export interface UsageReport {
  readonly from: string;
  readonly to: string;
  readonly answers: number;
  readonly customers: number;
  readonly products: number;
  readonly perDay: readonly { day: string; answers: number; customers: number }[];
  readonly perRoute: readonly { route: string; answers: number }[];
  readonly perVersion: readonly { version: number; answers: number }[];
  readonly topCustomers: readonly { customerId: number; answers: number }[];
  readonly topProducts: readonly { productId: number; answers: number }[];
  readonly latencyMs: { p50: number; p90: number; p99: number; max: number } | null;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const num = (v: unknown) => Number(v ?? 0);

/**
 * Usage over the last `days` UTC days (today included) from the prediction log in the catalog, so it
 * survives restarts, unlike the Prometheus counters. Every figure counts answered pairs; latency
 * percentiles weigh each pair by its request's latency.
 *
 * @example
 * const report = await lane.run((c) => usageReport(c, { days: 30, top: 10, now: Date.now() }));
 */
export async function usageReport(
  connection: DuckDBConnection,
  options: { readonly days: number; readonly top: number; readonly now: number },
): Promise<UsageReport> {
  const to = day(options.now);
  const from = day(options.now - (options.days - 1) * DAY_MS);
  const scope = `FROM ${PREDICTION_LOG_TABLE} WHERE logged_at >= TIMESTAMP '${from} 00:00:00'`;
  const rows = (sql: string) => queryRows(connection, sql);
  const [totals] = await rows(
    `SELECT count(*) AS answers, count(DISTINCT customer_id) AS customers, count(DISTINCT product_id) AS products,
            quantile_cont(latency_ms, 0.5) AS p50, quantile_cont(latency_ms, 0.9) AS p90,
            quantile_cont(latency_ms, 0.99) AS p99, max(latency_ms) AS max ${scope}`,
  );
  const answers = num(totals?.answers);
  const perDay = await rows(
    `SELECT strftime(logged_at, '%Y-%m-%d') AS day, count(*) AS answers, count(DISTINCT customer_id) AS customers
     ${scope} GROUP BY ALL ORDER BY day`,
  );
  const perRoute = await rows(
    `SELECT route, count(*) AS answers ${scope} GROUP BY ALL ORDER BY answers DESC, route`,
  );
  const perVersion = await rows(
    `SELECT model_version AS version, count(*) AS answers ${scope} AND model_version IS NOT NULL
     GROUP BY ALL ORDER BY version`,
  );
  const top = (column: string) =>
    rows(
      `SELECT ${column} AS id, count(*) AS answers ${scope} AND ${column} IS NOT NULL
       GROUP BY ALL ORDER BY answers DESC, id LIMIT ${Math.trunc(options.top)}`,
    );
  const [customers, products] = [await top('customer_id'), await top('product_id')];
  return {
    from,
    to,
    answers,
    customers: num(totals?.customers),
    products: num(totals?.products),
    perDay: perDay.map((r) => ({ day: String(r.day), answers: num(r.answers), customers: num(r.customers) })),
    perRoute: perRoute.map((r) => ({ route: String(r.route), answers: num(r.answers) })),
    perVersion: perVersion.map((r) => ({ version: num(r.version), answers: num(r.answers) })),
    topCustomers: customers.map((r) => ({ customerId: num(r.id), answers: num(r.answers) })),
    topProducts: products.map((r) => ({ productId: num(r.id), answers: num(r.answers) })),
    latencyMs:
      answers === 0 || totals?.p50 === null
        ? null
        : { p50: num(totals?.p50), p90: num(totals?.p90), p99: num(totals?.p99), max: num(totals?.max) },
  };
}
