/** One sample of the Prometheus text format: name, labels and value. */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const LINE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/**
 * Parses the Prometheus exposition text (comments skipped, label values unescaped).
 *
 * @example
 * parsePrometheus('a_total{route="/x"} 3'); // [{ name: 'a_total', labels: { route: '/x' }, value: 3 }]
 */
export function parsePrometheus(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = LINE.exec(line.trim());
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(LABEL)) {
      labels[l[1]!] = l[2]!.replace(/\\(.)/g, (_w, c: string) => (c === 'n' ? '\n' : c));
    }
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

/** Requests, latency quantiles and error count of one route, or of the routes grouped under one name. */
export interface RouteStats {
  /** The route, or the name `groupOf` gave it. */
  readonly route: string;
  readonly requests: number;
  readonly errors: number;
  readonly meanMs: number | null;
  /** The upper bound of the bucket holding the 95th percentile (ms), as Prometheus estimates it. */
  readonly p95Ms: number | null;
}

/**
 * Per-route figures from `sodai_http_requests_total` and `sodai_http_request_duration_seconds`,
 * the UI's static files left out. Routes `groupOf` gives the same name are added up into one row
 * (their histograms share buckets, so the p95 of the group is read from the summed buckets).
 *
 * @example
 * routeStats(parsePrometheus(text)).find((r) => r.route === '/predict')?.p95Ms;
 * routeStats(parsePrometheus(text), (route) => (route.startsWith('/api/tracking') ? 'tracking' : route));
 */
export function routeStats(
  samples: readonly Sample[],
  groupOf: (route: string) => string = (route) => route,
): RouteStats[] {
  const byRoute = new Map<
    string,
    { requests: number; errors: number; sum: number; count: number; buckets: [number, number][] }
  >();
  const entry = (route: string) => {
    let e = byRoute.get(route);
    if (!e) byRoute.set(route, (e = { requests: 0, errors: 0, sum: 0, count: 0, buckets: [] }));
    return e;
  };
  for (const s of samples) {
    const labelled = s.labels.route;
    // The UI's own files (one route each) would bury the API routes.
    if (!labelled || labelled === '/' || labelled.startsWith('/assets/')) continue;
    const route = groupOf(labelled);
    if (s.name === 'sodai_http_requests_total') {
      const e = entry(route);
      e.requests += s.value;
      if (Number(s.labels.status) >= 500) e.errors += s.value;
    } else if (s.name === 'sodai_http_request_duration_seconds_sum') entry(route).sum += s.value;
    else if (s.name === 'sodai_http_request_duration_seconds_count') entry(route).count += s.value;
    else if (s.name === 'sodai_http_request_duration_seconds_bucket') {
      const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
      const e = entry(route);
      const same = e.buckets.find((b) => b[0] === le);
      if (same) same[1] += s.value;
      else e.buckets.push([le, s.value]);
    }
  }
  return [...byRoute.entries()]
    .map(([route, e]) => {
      const buckets = e.buckets.sort((a, b) => a[0] - b[0]);
      const target = 0.95 * e.count;
      const p95 = e.count === 0 ? undefined : buckets.find(([, cumulative]) => cumulative >= target);
      return {
        route,
        requests: e.requests,
        errors: e.errors,
        meanMs: e.count === 0 ? null : (1000 * e.sum) / e.count,
        p95Ms: p95 === undefined || !Number.isFinite(p95[0]) ? null : p95[0] * 1000,
      };
    })
    .sort((a, b) => b.requests - a.requests);
}

/** Pairs scored per model version (`sodai_predictions_total`, all routes). */
export function predictionsByVersion(samples: readonly Sample[]): { version: string; predictions: number }[] {
  const totals = new Map<string, number>();
  for (const s of samples) {
    if (s.name !== 'sodai_predictions_total') continue;
    const v = s.labels.model_version ?? '?';
    totals.set(v, (totals.get(v) ?? 0) + s.value);
  }
  return [...totals.entries()]
    .map(([version, predictions]) => ({ version: `v${version}`, predictions }))
    .sort((a, b) => a.version.localeCompare(b.version));
}
