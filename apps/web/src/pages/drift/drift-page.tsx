import { lazy, Suspense, useMemo, useState } from 'react';
import type { DriftFile } from '../../api/report-types.ts';
import { useApp } from '../../app/app-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageIntro } from '../../components/page-intro.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { FeatureDriftTable } from './feature-drift-table.tsx';
import { featureNamer } from './feature-label.ts';
import { DriftReason, weekColumns } from './drift-reason.tsx';

// The chart library loads beside the reports, not before them: the verdicts show first.
const HistogramChart = lazy(() =>
  import('./histogram-chart.tsx').then((m) => ({ default: m.HistogramChart })),
);

/** Weeks of drift reports loaded at once (newest first). */
const WEEKS_SHOWN = 12;

/** Drift: the weekly verdicts, per-feature statistics and reference-vs-current histograms. */
export default function DriftPage() {
  const { t, tOr, pct, lang } = useI18n();
  const { api } = useApp();
  // Without labels the raw names still show: the page does not fail for want of words.
  const features = useAsync(() => api.features().catch(() => []), [api]);
  const nameOf = useMemo(
    () =>
      featureNamer(features.status === 'done' ? features.value : [], lang, (n) => {
        const line = tOr(`drift.line.${n}`, '');
        return line === '' ? null : line;
      }),
    [features, lang, tOr],
  );
  const reports = useAsync(async () => {
    const list = (await api.reports('drift')).slice(0, WEEKS_SHOWN);
    const files = await Promise.all(
      list.map(async (r) => ({ name: r.name, file: (await api.report('drift', r.name)) as DriftFile })),
    );
    return files.sort((a, b) => b.file.week.localeCompare(a.file.week));
  }, [api]);
  const [week, setWeek] = useState<string | null>(null);
  const [feature, setFeature] = useState<string | null>(null);
  return (
    <>
      <PageIntro title={t('drift.title')} explanation={t('drift.explain')} />
      <AsyncView state={reports}>
        {(files) => {
          if (files.length === 0) return <p className="card muted">{t('drift.none')}</p>;
          const current = files.find((f) => f.name === week) ?? files[0]!;
          const columns = weekColumns(current.file);
          const column =
            columns.find((c) => c.name === feature) ?? columns.find((c) => c.drifted) ?? columns[0];
          return (
            <>
              <section className="card">
                <div className="table-wrap">
                  <table className="table cards" data-testid="drift-weeks">
                    <caption>{t('drift.weeksCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('drift.week')}</th>
                        <th scope="col">{t('drift.model')}</th>
                        <th scope="col">{t('drift.shareDrifted')}</th>
                        <th scope="col">{t('drift.verdict')}</th>
                        <th scope="col">{t('drift.reason')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {files.map(({ name, file }) => (
                        <tr key={name} className={name === current.name ? 'selected' : ''}>
                          <td data-label={t('drift.week')}>
                            <button
                              type="button"
                              className="link"
                              aria-pressed={name === current.name}
                              onClick={() => {
                                setWeek(name);
                                setFeature(null);
                              }}
                            >
                              {file.week}
                            </button>
                          </td>
                          <td data-label={t('drift.model')}>v{file.championVersion}</td>
                          <td data-label={t('drift.shareDrifted')}>
                            {pct(
                              weekColumns(file).filter((c) => c.drifted).length / weekColumns(file).length,
                              0,
                            )}
                          </td>
                          <td data-label={t('drift.verdict')}>
                            <span className={`status ${file.drifted ? 'drift' : 'ok'}`}>
                              {file.drifted ? t('drift.changed') : t('drift.stable')}
                            </span>
                          </td>
                          <td className="reason" data-label={t('drift.reason')}>
                            <DriftReason file={file} nameOf={nameOf} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              <div className="grid-2 wide-left">
                <section className="card">
                  <FeatureDriftTable
                    columns={columns}
                    selected={column?.name ?? null}
                    onSelect={setFeature}
                    nameOf={nameOf}
                  />
                </section>
                <section className="card">
                  {column ? (
                    <Suspense fallback={<Loading />}>
                      <HistogramChart column={column} label={nameOf(column.name)} />
                    </Suspense>
                  ) : null}
                </section>
              </div>
            </>
          );
        }}
      </AsyncView>
    </>
  );
}
