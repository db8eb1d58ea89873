import type { Direction } from '../storages/storage.ts';
import type { FrozenTrial, JsonValue } from '../trial/frozen-trial.ts';

/** A flat, table-friendly view of a trial. */
export type TrialRow = Record<string, string | number | boolean | null>;

/**
 * Flattens trials into rows with a fixed column set (the union over all trials), like Optuna's
 * `trials_dataframe`: number, state, value, timing, `params_<name>`, `user_attrs_<key>`, error.
 *
 * @example
 * console.table(exportTrials(study.trials));
 */
export function exportTrials(trials: readonly FrozenTrial[]): TrialRow[] {
  const paramNames = [...new Set(trials.flatMap((t) => Object.keys(t.params)))].sort();
  const attrNames = [...new Set(trials.flatMap((t) => Object.keys(t.userAttrs)))].sort();
  return trials.map((t) => {
    const row: TrialRow = {
      number: t.number,
      state: t.state,
      value: t.value,
      started_at: t.startedAtMs === null ? null : new Date(t.startedAtMs).toISOString(),
      completed_at: t.completedAtMs === null ? null : new Date(t.completedAtMs).toISOString(),
      duration_ms:
        t.startedAtMs !== null && t.completedAtMs !== null ? t.completedAtMs - t.startedAtMs : null,
    };
    for (const p of paramNames) row[`params_${p}`] = t.params[p] ?? null;
    for (const a of attrNames) row[`user_attrs_${a}`] = flatten(t.userAttrs[a]);
    row.error = t.error;
    return row;
  });
}

function flatten(v: JsonValue | undefined): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'object' ? JSON.stringify(v) : v;
}

/**
 * Rows as CSV (RFC 4180 quoting), header from the first row.
 *
 * @example
 * await writeFile('trials.csv', toCsv(await study.exportTrials()));
 */
export function toCsv(rows: readonly TrialRow[]): string {
  if (rows.length === 0) return '';
  const cols = Object.keys(rows[0] as TrialRow);
  const cell = (v: string | number | boolean | null | undefined): string => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

export interface HistoryPoint {
  readonly number: number;
  readonly value: number;
  /** Best value among complete trials up to and including this one. */
  readonly best: number;
}

/**
 * The optimisation history: each complete trial in number order with the running best.
 *
 * @example
 * for (const p of optimizationHistory(study.trials, 'minimize')) console.log(p.number, p.best);
 */
export function optimizationHistory(trials: readonly FrozenTrial[], direction: Direction): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  let best: number | null = null;
  for (const t of [...trials].sort((a, b) => a.number - b.number)) {
    if (t.state !== 'complete' || t.value === null) continue;
    if (best === null || (direction === 'minimize' ? t.value < best : t.value > best)) best = t.value;
    out.push(Object.freeze({ number: t.number, value: t.value, best }));
  }
  return out;
}
