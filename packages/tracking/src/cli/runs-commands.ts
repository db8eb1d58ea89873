import type { TrackingClient } from '../client.ts';
import { parseRunFilter, parseRunOrder, parseStatuses, type RunSearch } from '../runs/run-filter.ts';
import type { RunDetails } from '../store/records.ts';
import { formatDuration, formatNumber, formatTable, formatTime } from './table.ts';

// The text behind `sodai runs list|show|compare`. Commander-free: the app's CLI parses flags and
// prints what these return, and the tests check the text directly.

export interface RunsListOptions {
  readonly experiment?: string;
  /** Textual filter, e.g. `metrics.auc > 0.8 and params.depth = '6'`. */
  readonly filter?: string;
  /** Comma-separated, e.g. `metrics.auc desc`. */
  readonly orderBy?: string;
  readonly status?: string;
  readonly limit?: number;
  /** Metric columns to show (default: ordered-by metrics, else up to 4 keys found). */
  readonly metrics?: readonly string[];
}

/**
 * The runs `sodai runs list` shows, with their details (for `--json`, or a table by {@link runsList}).
 *
 * @example
 * const runs = await findRuns(client, { experiment: 'weekly', orderBy: 'metrics.auc desc', limit: 10 });
 */
export async function findRuns(client: TrackingClient, options: RunsListOptions = {}): Promise<RunDetails[]> {
  const search: RunSearch = {
    ...(options.experiment
      ? { experimentIds: [(await client.getExperimentByName(options.experiment)).id] }
      : {}),
    ...(options.filter ? { where: parseRunFilter(options.filter) } : {}),
    ...(options.orderBy ? { orderBy: options.orderBy.split(',').map(parseRunOrder) } : {}),
    ...(options.status ? { statuses: parseStatuses(options.status) } : {}),
    limit: options.limit ?? 20,
  };
  const runs = await client.searchRuns(search);
  return runs.length === 0 ? [] : client.compareRuns(runs.map((r) => r.id));
}

/**
 * `sodai runs list`: one line per run with status, start, duration and metric columns.
 *
 * @example
 * console.log(await runsList(client, { experiment: 'weekly', orderBy: 'metrics.auc desc', limit: 10 }));
 */
export async function runsList(client: TrackingClient, options: RunsListOptions = {}): Promise<string> {
  return formatRunsList(await findRuns(client, options), options);
}

/** The table of {@link runsList}, from runs already found. */
export function formatRunsList(details: readonly RunDetails[], options: RunsListOptions = {}): string {
  if (details.length === 0) return 'no runs';
  const orderBy = options.orderBy ? options.orderBy.split(',').map(parseRunOrder) : undefined;
  let keys = options.metrics
    ? [...options.metrics]
    : (orderBy ?? []).flatMap((o) => (o.field.kind === 'metric' ? [o.field.key] : []));
  if (keys.length === 0)
    keys = [...new Set(details.flatMap((d) => d.latestMetrics.map((m) => m.key)))].sort().slice(0, 4);
  const rows = details.map((d) => {
    const latest = new Map(d.latestMetrics.map((m) => [m.key, m.value]));
    return [
      d.run.id,
      d.run.name,
      d.run.status,
      formatTime(d.run.startTime),
      formatDuration(d.run.endTime === null ? null : d.run.endTime - d.run.startTime),
      ...keys.map((k) => formatNumber(latest.get(k))),
    ];
  });
  return formatTable(['RUN ID', 'NAME', 'STATUS', 'STARTED', 'DURATION', ...keys], rows);
}

/**
 * `sodai runs show <id>`: the run, its params, latest metrics, tags, inputs and artifacts.
 *
 * @example
 * console.log(await runsShow(client, runId));
 */
export async function runsShow(client: TrackingClient, runId: string): Promise<string> {
  return formatRunDetails(await client.getRunDetails(runId));
}

export function formatRunDetails(d: RunDetails): string {
  const r = d.run;
  const out = [
    `run ${r.id} (${r.name})`,
    `status:   ${r.status}`,
    `started:  ${formatTime(r.startTime)}`,
    `ended:    ${formatTime(r.endTime)}`,
    `parent:   ${r.parentRunId ?? '-'}`,
    `process:  ${r.host} pid ${r.pid}`,
  ];
  const section = (title: string, headers: string[], rows: string[][]) => {
    out.push('', `${title}:`, rows.length === 0 ? '(none)' : formatTable(headers, rows));
  };
  section(
    'params',
    ['KEY', 'VALUE'],
    d.params.map((p) => [p.key, p.value]),
  );
  section(
    'metrics (latest)',
    ['KEY', 'VALUE', 'STEP'],
    d.latestMetrics.map((m) => [m.key, formatNumber(m.value), String(m.step)]),
  );
  section(
    'tags',
    ['KEY', 'VALUE'],
    d.tags.map((t) => [t.key, t.value]),
  );
  section(
    'inputs',
    ['NAME', 'CONTEXT', 'ROWS', 'DIGEST'],
    d.inputs.map((i) => [i.name, i.context, i.rowCount === null ? '-' : String(i.rowCount), i.digest]),
  );
  section(
    'artifacts',
    ['PATH', 'BYTES', 'TYPE', 'DIGEST'],
    d.artifacts.map((a) => [a.path, String(a.sizeBytes), a.contentType, a.digest]),
  );
  return out.join('\n');
}

/**
 * `sodai runs compare <id>...`: params and latest metrics side by side; rows whose values differ
 * between runs are marked with `*`.
 *
 * @example
 * console.log(await runsCompare(client, [runA, runB]));
 */
export async function runsCompare(client: TrackingClient, runIds: readonly string[]): Promise<string> {
  return formatRunsComparison(await client.compareRuns(runIds));
}

export function formatRunsComparison(details: readonly RunDetails[]): string {
  const headers = ['', 'KEY', ...details.map((d) => d.run.name)];
  const rows: string[][] = [];
  const add = (kind: string, keys: string[], value: (d: RunDetails, k: string) => string) => {
    for (const k of keys) {
      const values = details.map((d) => value(d, k));
      rows.push([new Set(values).size > 1 ? '*' : '', `${kind}.${k}`, ...values]);
    }
  };
  const unionKeys = (pick: (d: RunDetails) => readonly { key: string }[]) =>
    [...new Set(details.flatMap((d) => pick(d).map((x) => x.key)))].sort();
  add(
    'params',
    unionKeys((d) => d.params),
    (d, k) => d.params.find((p) => p.key === k)?.value ?? '-',
  );
  add(
    'metrics',
    unionKeys((d) => d.latestMetrics),
    (d, k) => formatNumber(d.latestMetrics.find((m) => m.key === k)?.value),
  );
  rows.unshift(['', 'status', ...details.map((d) => d.run.status)]);
  rows.unshift(['', 'run id', ...details.map((d) => d.run.id)]);
  return formatTable(headers, rows);
}
