import type { Run, RunDetails } from '../../api/tracking-types.ts';

/** A run as the runs table shows it: the record plus its latest metrics and params by key. */
export interface RunRow {
  readonly run: Run;
  readonly metrics: Readonly<Record<string, number>>;
  readonly params: Readonly<Record<string, string>>;
}

/** Flattens run details into a table row. */
export function toRunRow(details: RunDetails): RunRow {
  return {
    run: details.run,
    metrics: Object.fromEntries(details.latestMetrics.map((m) => [m.key, m.value])),
    params: Object.fromEntries(details.params.map((p) => [p.key, p.value])),
  };
}

/** What the table sorts by: a run field or a metric key. */
export type SortKey =
  { kind: 'field'; field: 'name' | 'status' | 'startTime' } | { kind: 'metric'; key: string };

/**
 * Filters by a case-insensitive text (name, status or id) and status, then sorts; runs without the
 * sorted metric go last either way.
 *
 * @example
 * filterAndSort(rows, 'trial', 'FINISHED', { kind: 'metric', key: 'aucpr' }, 'desc');
 */
export function filterAndSort(
  rows: readonly RunRow[],
  text: string,
  status: string,
  sort: SortKey,
  direction: 'asc' | 'desc',
): RunRow[] {
  const needle = text.trim().toLowerCase();
  const kept = rows.filter(
    (r) =>
      (status === '' || r.run.status === status) &&
      (needle === '' || `${r.run.name} ${r.run.status} ${r.run.id}`.toLowerCase().includes(needle)),
  );
  const sign = direction === 'asc' ? 1 : -1;
  const value = (r: RunRow): string | number | undefined =>
    sort.kind === 'metric' ? r.metrics[sort.key] : r.run[sort.field];
  return kept.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === undefined || vb === undefined) return va === vb ? 0 : va === undefined ? 1 : -1;
    return (
      sign *
      (typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb)))
    );
  });
}

/**
 * Puts each run's children (tuning trials, the gate) right under it, keeping the given order among
 * top-level runs and among siblings; a child whose parent is not in the list stays where it is.
 * Without this a trial sorted by time lands under whichever training ran next to it.
 *
 * @example
 * underParents([t1, trialOfT2, t2]).map((r) => r.run.id); // ['t1', 't2', 'trialOfT2']
 */
export function underParents<T extends Pick<RunRow, 'run'>>(rows: readonly T[]): T[] {
  const ids = new Set(rows.map((r) => r.run.id));
  const children = new Map<string, T[]>();
  for (const r of rows) {
    const parent = r.run.parentRunId;
    if (parent && ids.has(parent)) children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: T[] = [];
  const place = (r: T) => {
    out.push(r);
    for (const child of children.get(r.run.id) ?? []) place(child);
  };
  for (const r of rows) {
    const parent = r.run.parentRunId;
    if (!parent || !ids.has(parent)) place(r);
  }
  return out;
}

/**
 * Param keys of the compared runs, those whose values differ first.
 *
 * @example
 * paramDiff([{ params: { a: '1', b: '2' } }, { params: { a: '1', b: '3' } }] as RunRow[]);
 * // [{ key: 'b', values: ['2', '3'], differs: true }, { key: 'a', values: ['1', '1'], differs: false }]
 */
export function paramDiff(
  rows: readonly Pick<RunRow, 'params'>[],
): { key: string; values: (string | null)[]; differs: boolean }[] {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.params)))].sort();
  return keys
    .map((key) => {
      const values = rows.map((r) => r.params[key] ?? null);
      return { key, values, differs: new Set(values).size > 1 };
    })
    .sort((a, b) => Number(b.differs) - Number(a.differs));
}

/**
 * The metrics a training is judged by, in the order the table shows them first: the test week's
 * scores, the gain over the best simple rule, and the validation loss each tuning trial logs.
 */
const HEADLINE = [
  'test_f1',
  'test_precision',
  'test_recall',
  'test_pr_auc',
  'f1_gain_vs_best_baseline',
  'valid_logloss',
];

/**
 * Distinct metric keys: the headline ones first (in that order), then the model's other metrics,
 * then the baselines' (`baseline_*`), each group alphabetical. The table shows the first few, so
 * an alphabetical list would show `best_iteration` and `calibration_error` and hide the F1.
 *
 * @example
 * preferredMetrics(['baseline_f1', 'best_iteration', 'test_f1', 'aucpr', 'test_f1']);
 * // ['test_f1', 'aucpr', 'best_iteration', 'baseline_f1']
 */
export function preferredMetrics(keys: readonly string[]): string[] {
  const rank = (k: string) => {
    const headline = HEADLINE.indexOf(k);
    if (headline >= 0) return headline;
    return k.startsWith('baseline_') ? HEADLINE.length + 1 : HEADLINE.length;
  };
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
