import { useId } from 'react';
import { runLabel } from './run-label.ts';
import type { RunRow, SortKey } from './run-row.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { metricName } from '../../components/metric-name.ts';

/** A sort key as an option value of the phone's "sort by" list. */
function keyValue(k: SortKey): string {
  return k.kind === 'field' ? `field:${k.field}` : `metric:${k.key}`;
}

/**
 * The runs with sortable headers and a compare checkbox each (at most `maxSelected`).
 *
 * On a phone each run is a card (styles.css, `.run-cards`): name, status and start on top, the
 * metrics it has two to a line under their names (a tuning trial has one or two of the six: a
 * card of dashes would bury them), so nothing scrolls sideways. The column headers are not
 * on screen there, so a "sort by" list and an ascending/descending button above the cards sort the
 * same way the headers do.
 */
export function RunsTable({
  rows,
  metricKeys,
  sort,
  direction,
  onSort,
  selected,
  onToggle,
  maxSelected,
}: {
  rows: readonly RunRow[];
  metricKeys: readonly string[];
  sort: SortKey;
  direction: 'asc' | 'desc';
  onSort(key: SortKey): void;
  selected: readonly string[];
  onToggle(id: string): void;
  maxSelected: number;
}) {
  const { t, tOr, num, lang } = useI18n();
  const sortId = useId();
  const same = (k: SortKey) => keyValue(k) === keyValue(sort);
  const arrow = direction === 'asc' ? ' ▲' : ' ▼';
  const metricLabel = (k: string) => metricName(k, t, tOr);
  const fields: readonly (readonly [SortKey, string])[] = [
    [{ kind: 'field', field: 'name' }, t('experiments.name')],
    [{ kind: 'field', field: 'status' }, t('experiments.status')],
    [{ kind: 'field', field: 'startTime' }, t('experiments.started')],
  ];
  const columns: readonly (readonly [SortKey, string])[] = [
    ...fields,
    ...metricKeys.map((k): readonly [SortKey, string] => [{ kind: 'metric', key: k }, metricLabel(k)]),
  ];
  const started = new Intl.DateTimeFormat(lang === 'es' ? 'es-ES' : 'en-US', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
  // Counts (best_iteration) read as whole numbers; scores keep the three decimals they differ by.
  const metric = (v: number | undefined) =>
    v === undefined ? '—' : Number.isInteger(v) ? num(v) : num(v, 3);
  return (
    <>
      <div className="form-row phone-only">
        <div className="field">
          <label htmlFor={sortId}>{t('experiments.sortBy')}</label>
          <select
            id={sortId}
            value={keyValue(sort)}
            onChange={(e) => {
              const chosen = columns.find(([k]) => keyValue(k) === e.currentTarget.value);
              if (chosen) onSort(chosen[0]);
            }}
          >
            {columns.map(([k, label]) => (
              <option key={keyValue(k)} value={keyValue(k)}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="secondary" onClick={() => onSort(sort)}>
          {t(direction === 'asc' ? 'experiments.sortAsc' : 'experiments.sortDesc')}
        </button>
      </div>
      <div className="table-wrap">
        <table className="table compact run-cards" data-testid="runs">
          <caption>{t('experiments.runsCaption', { n: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('experiments.compare')}</th>
              {columns.map(([k, label]) => (
                <th
                  key={keyValue(k)}
                  className={k.kind === 'metric' ? 'metric' : undefined}
                  scope="col"
                  aria-sort={same(k) ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" className="sort" onClick={() => onSort(k)}>
                    {label}
                    {same(k) ? arrow : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const checked = selected.includes(r.run.id);
              return (
                <tr key={r.run.id} className={r.run.parentRunId ? 'child-run' : undefined}>
                  <td className="run-compare">
                    <input
                      type="checkbox"
                      aria-label={t('experiments.compareRun', { name: runLabel(r.run.name, tOr) })}
                      checked={checked}
                      disabled={!checked && selected.length >= maxSelected}
                      onChange={() => onToggle(r.run.id)}
                    />
                  </td>
                  <td className="run-name">
                    {r.run.parentRunId ? `↳ ${runLabel(r.run.name, tOr)}` : runLabel(r.run.name, tOr)}
                  </td>
                  <td className="run-status">
                    <span className={`status ${r.run.status}`}>
                      {t(`experiments.status.${r.run.status}`)}
                    </span>
                  </td>
                  <td className="run-started" data-label={t('experiments.started')}>
                    {started.format(r.run.startTime)}
                  </td>
                  {metricKeys.map((k) => (
                    <td
                      key={k}
                      className={r.metrics[k] === undefined ? 'run-metric none' : 'run-metric'}
                      data-label={metricLabel(k)}
                    >
                      {metric(r.metrics[k])}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
