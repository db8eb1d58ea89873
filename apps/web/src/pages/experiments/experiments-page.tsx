import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useApp } from '../../app/app-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageIntro } from '../../components/page-intro.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { filterAndSort, preferredMetrics, toRunRow, underParents, type SortKey } from './run-row.ts';
import { RunsTable } from './runs-table.tsx';

// The chart library loads when two runs are ticked, not with the list: the page opens lighter.
const RunComparison = lazy(() => import('./run-comparison.tsx').then((m) => ({ default: m.RunComparison })));

/** Runs whose details are loaded for the table (newest first). */
const RUNS_SHOWN = 100;
const MAX_COMPARED = 5;
const STATUSES = ['RUNNING', 'FINISHED', 'FAILED', 'KILLED'] as const;

/** Experiments: every training run with its metrics, sortable and filterable; compare 2–5. */
export default function ExperimentsPage() {
  const { t } = useI18n();
  const { api } = useApp();
  const textId = useId();
  const statusId = useId();
  const runs = useAsync(async () => {
    const list = (await api.runs(RUNS_SHOWN)).slice(0, RUNS_SHOWN);
    return (await Promise.all(list.map((r) => api.run(r.id)))).map(toRunRow);
  }, [api]);
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const [sort, setSort] = useState<SortKey>({ kind: 'field', field: 'startTime' });
  const [direction, setDirection] = useState<'asc' | 'desc'>('desc');
  const [selected, setSelected] = useState<string[]>([]);
  const all = runs.status === 'done' ? runs.value : [];
  const metricKeys = useMemo(
    () => preferredMetrics(all.flatMap((r) => Object.keys(r.metrics))).slice(0, 6),
    [all],
  );
  const shown = useMemo(
    () => underParents(filterAndSort(all, text, status, sort, direction)),
    [all, text, status, sort, direction],
  );
  const onSort = (k: SortKey) => {
    if (JSON.stringify(k) === JSON.stringify(sort)) setDirection((d) => (d === 'asc' ? 'desc' : 'asc'));
    else {
      setSort(k);
      setDirection(k.kind === 'metric' ? 'desc' : 'asc');
    }
  };
  const toggle = (id: string) =>
    setSelected((s) =>
      s.includes(id) ? s.filter((x) => x !== id) : s.length < MAX_COMPARED ? [...s, id] : s,
    );
  const compared = all.filter((r) => selected.includes(r.run.id));
  return (
    <>
      <PageIntro title={t('experiments.title')} explanation={t('experiments.explain')} />
      <section className="card">
        <div className="form-row">
          <div className="field">
            <label htmlFor={textId}>{t('experiments.filter')}</label>
            <input id={textId} type="search" value={text} onChange={(e) => setText(e.currentTarget.value)} />
          </div>
          <div className="field">
            <label htmlFor={statusId}>{t('experiments.status')}</label>
            <select id={statusId} value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
              <option value="">{t('recommend.any')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`experiments.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <p className="muted">{t('experiments.compareHint', { max: MAX_COMPARED })}</p>
        </div>
        <AsyncView state={runs}>
          {(list) =>
            list.length === 0 ? (
              <p className="muted" data-testid="no-runs">
                {t('experiments.none')}
              </p>
            ) : shown.length === 0 ? (
              <p className="muted" data-testid="no-runs">
                {t('experiments.noMatch')}
              </p>
            ) : (
              <RunsTable
                rows={shown}
                metricKeys={metricKeys}
                sort={sort}
                direction={direction}
                onSort={onSort}
                selected={selected}
                onToggle={toggle}
                maxSelected={MAX_COMPARED}
              />
            )
          }
        </AsyncView>
      </section>
      {compared.length >= 2 ? (
        <Suspense fallback={<Loading />}>
          <RunComparison rows={compared} />
        </Suspense>
      ) : null}
    </>
  );
}
