import { useEffect } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApp } from '../../app/app-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { PageIntro } from '../../components/page-intro.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { RealizedSection } from './realized-section.tsx';
import { AlertInbox } from './alert-inbox.tsx';
import { UsageSection } from './usage-section.tsx';
import { routeAreaKey } from './route-area.ts';
import { versionLabel } from './version-label.ts';

const REFRESH_MS = 10_000;

/** Monitoring: requests and latency per route, predictions per model version, since the server started. */
export default function MonitoringPage() {
  const { t, num, locale } = useI18n();
  // A bucket bound is a whole number of ms but for the smallest (2.5 ms): no ",0" after each.
  const upTo1 = (ms: number) => ms.toLocaleString(locale, { maximumFractionDigits: 1 });
  const { api } = useApp();
  const requests = useAsync(() => api.requestFigures(), [api]);
  const realized = useAsync(() => api.realized(), [api]);
  const usage = useAsync(() => api.usage(), [api]);
  const { reload } = requests;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return (
    <>
      <PageIntro title={t('monitoring.title')} explanation={t('monitoring.explain')}>
        <button type="button" className="secondary" onClick={reload}>
          {t('monitoring.refresh')}
        </button>
      </PageIntro>
      <AsyncView state={realized}>{(value) => <RealizedSection realized={value} />}</AsyncView>
      <AlertInbox />
      <AsyncView state={usage}>{(value) => <UsageSection usage={value} />}</AsyncView>
      <AsyncView state={requests}>
        {(figures) => (
          <div className="grid-2">
            <section className="card">
              <h2>{t('monitoring.predictionsTitle')}</h2>
              {figures.predictions.length === 0 ? (
                <p className="muted">{t('monitoring.noPredictions')}</p>
              ) : (
                <div
                  className="chart"
                  role="img"
                  aria-label={t('monitoring.predictionsTitle')}
                  style={{ height: 240 }}
                >
                  <ResponsiveContainer width="100%" height="100%">
                    <BarChart
                      data={figures.predictions.map((p) => ({
                        version: versionLabel(p.model_version, t),
                        predictions: p.predictions,
                      }))}
                    >
                      <CartesianGrid vertical={false} strokeDasharray="3 3" />
                      <XAxis dataKey="version" />
                      <YAxis allowDecimals={false} />
                      <Tooltip />
                      <Bar
                        dataKey="predictions"
                        name={t('monitoring.predictions')}
                        fill="#0b5fa5"
                        isAnimationActive={false}
                      />
                    </BarChart>
                  </ResponsiveContainer>
                </div>
              )}
            </section>
            <section className="card">
              <h2>{t('monitoring.routesTitle')}</h2>
              <div className="table-wrap">
                <table className="table compact row-cards" data-testid="routes">
                  <thead>
                    <tr>
                      <th scope="col">{t('monitoring.route')}</th>
                      <th scope="col">{t('monitoring.requests')}</th>
                      <th scope="col">{t('monitoring.errors')}</th>
                      <th scope="col">{t('monitoring.mean')}</th>
                      <th scope="col">{t('monitoring.p95')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {figures.areas.map((a) => (
                      <tr key={a.area ?? a.routes.join(' ')}>
                        {/* One row per part of the server, named in words: the API's paths mean nothing to most readers. */}
                        {a.area ? (
                          <td className="card-title">{t(routeAreaKey(a.area))}</td>
                        ) : (
                          <td className="card-title" translate="no">
                            {a.routes.join(', ')}
                          </td>
                        )}
                        <td className="card-figure" data-label={t('monitoring.requests')}>
                          {num(a.requests)}
                        </td>
                        <td className="card-figure" data-label={t('monitoring.errors')}>
                          {num(a.errors)}
                        </td>
                        <td className="card-figure" data-label={t('monitoring.mean')}>
                          {a.mean_ms === null ? '—' : num(a.mean_ms, 1)}
                        </td>
                        <td className="nowrap card-figure" data-label={t('monitoring.p95')}>
                          {a.p95_ms === null ? '—' : `≤ ${upTo1(a.p95_ms)}`}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          </div>
        )}
      </AsyncView>
    </>
  );
}
