import type { RequestArea, RequestFigures } from '../contract/requests-api.ts';
import { routeArea } from './route-area.ts';
import type { ServerMetrics } from './server-metrics.ts';

/** What one row adds up while the counters are read. */
interface Tally {
  readonly routes: Set<string>;
  requests: number;
  errors: number;
  seconds: number;
  answered: number;
  /** Cumulative answers at or under each bucket's upper bound (s), summed over the row's routes. */
  readonly buckets: Map<number, number>;
}

/** The web UI's own files (`/`, one route per hashed asset) would bury the API's routes. */
function isUiFile(route: string): boolean {
  return route === '/' || route.startsWith('/assets/');
}

/** The upper bound (ms) of the first bucket holding 95 % of the answers; null past the last finite one. */
function p95Ms(buckets: ReadonlyMap<number, number>, answered: number): number | null {
  if (answered === 0) return null;
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const bound = bounds.find((le) => buckets.get(le)! >= 0.95 * answered);
  return bound === undefined || !Number.isFinite(bound) ? null : bound * 1000;
}

/**
 * Requests, 5xx errors, mean and 95th-percentile time to answer per part of the server (routes
 * `routeArea` does not place are a row each, under their own name), and pairs scored per model
 * version, read from the server's counters since it started. The p95 of a part is read from its
 * routes' summed histogram buckets, as Prometheus's `histogram_quantile` over a `sum by (le)` would
 * bound it.
 *
 * @example
 * const figures = await requestFigures(metrics);
 * figures.areas.find((a) => a.area === 'predict')?.p95_ms; // e.g. 5
 */
export async function requestFigures(
  metrics: Pick<ServerMetrics, 'requests' | 'latency' | 'predictions'>,
): Promise<RequestFigures> {
  const rows = new Map<string, Tally>();
  const tally = (route: string): Tally => {
    const key = routeArea(route) ?? route;
    let row = rows.get(key);
    if (!row) {
      row = { routes: new Set(), requests: 0, errors: 0, seconds: 0, answered: 0, buckets: new Map() };
      rows.set(key, row);
    }
    row.routes.add(route);
    return row;
  };
  for (const { labels, value } of (await metrics.requests.get()).values) {
    const route = String(labels.route);
    if (isUiFile(route)) continue;
    const row = tally(route);
    row.requests += value;
    if (Number(labels.status) >= 500) row.errors += value;
  }
  for (const { labels, value, metricName } of (await metrics.latency.get()).values) {
    const route = String(labels.route);
    if (isUiFile(route)) continue;
    const row = tally(route);
    if (metricName?.endsWith('_sum')) row.seconds += value;
    else if (metricName?.endsWith('_count')) row.answered += value;
    else if (metricName?.endsWith('_bucket')) {
      // prom-client's label type lists the histogram's own labels; the bucket bound `le` rides along.
      const { le } = labels as Readonly<Record<string, string | number | undefined>>;
      const bound = le === '+Inf' ? Infinity : Number(le);
      row.buckets.set(bound, (row.buckets.get(bound) ?? 0) + value);
    }
  }
  const areas = [...rows.values()].map((row): RequestArea => {
    // Every route of a row is in the same part (or the row is one route no part names).
    const route = [...row.routes][0]!;
    return {
      area: routeArea(route),
      routes: [...row.routes].sort(),
      requests: row.requests,
      errors: row.errors,
      mean_ms: row.answered === 0 ? null : (1000 * row.seconds) / row.answered,
      p95_ms: p95Ms(row.buckets, row.answered),
    };
  });
  const scored = new Map<number, number>();
  for (const { labels, value } of (await metrics.predictions.get()).values) {
    const version = Number(labels.model_version);
    scored.set(version, (scored.get(version) ?? 0) + value);
  }
  return {
    areas: areas.sort((a, b) => b.requests - a.requests),
    predictions: [...scored.entries()]
      .sort(([a], [b]) => a - b)
      .map(([model_version, predictions]) => ({ model_version, predictions })),
  };
}
