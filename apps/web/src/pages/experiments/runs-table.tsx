import { runLabel } from './run-label.ts';
import type { RunRow, SortKey } from './run-row.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** The runs with sortable headers and a compare checkbox each (at most `maxSelected`). */
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
  const same = (k: SortKey) => JSON.stringify(k) === JSON.stringify(sort);
  const header = (k: SortKey, label: string) => (
    <th scope="col" aria-sort={same(k) ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" onClick={() => onSort(k)}>
        {label}
        {same(k) ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  return (
    <div className="table-wrap">
      <table className="table compact" data-testid="runs">
        <caption>{t('experiments.runsCaption', { n: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('experiments.compare')}</th>
            {header({ kind: 'field', field: 'name' }, t('experiments.name'))}
            {header({ kind: 'field', field: 'status' }, t('experiments.status'))}
            {header({ kind: 'field', field: 'startTime' }, t('experiments.started'))}
            {metricKeys.map((k) => (
              <th
                key={k}
                className="metric"
                scope="col"
                aria-sort={
                  same({ kind: 'metric', key: k })
                    ? direction === 'asc'
                      ? 'ascending'
                      : 'descending'
                    : 'none'
                }
              >
                <button type="button" className="sort" onClick={() => onSort({ kind: 'metric', key: k })}>
                  {tOr(`models.metric.${k}`, k)}
                  {same({ kind: 'metric', key: k }) ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const checked = selected.includes(r.run.id);
            return (
              <tr key={r.run.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('experiments.compareRun', { name: runLabel(r.run.name, tOr) })}
                    checked={checked}
                    disabled={!checked && selected.length >= maxSelected}
                    onChange={() => onToggle(r.run.id)}
                  />
                </td>
                <td>{r.run.parentRunId ? `↳ ${runLabel(r.run.name, tOr)}` : runLabel(r.run.name, tOr)}</td>
                <td>
                  <span className={`status ${r.run.status}`}>{t(`experiments.status.${r.run.status}`)}</span>
                </td>
                <td>{new Date(r.run.startTime).toLocaleString(lang === 'es' ? 'es-ES' : 'en-US')}</td>
                {metricKeys.map((k) => (
                  <td key={k}>{r.metrics[k] === undefined ? '—' : num(r.metrics[k], 4)}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
