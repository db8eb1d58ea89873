import { useEffect, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApp } from '../../app/app-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { PageIntro } from '../../components/page-intro.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { parsePrometheus, predictionsByVersion, routeStats } from './prometheus-text.ts';
import { RealizedSection } from './realized-section.tsx';
import { AlertInbox } from './alert-inbox.tsx';
import { UsageSection } from './usage-section.tsx';
import { isRouteArea, routeArea, routeAreaKey } from './route-area.ts';

const REFRESH_MS = 10_000;

/** Monitoring: requests and latency per route, predictions per model version, since the server started. */
export default function MonitoringPage() {
  const { t, num, locale } = useI18n();
  // A bucket bound is a whole number of ms but for the smallest (2.5 ms): no ",0" after each.
  const upTo1 = (ms: number) => ms.toLocaleString(locale, { maximumFractionDigits: 1 });
  const { api } = useApp();
  const metrics = useAsync(() => api.metrics(), [api]);
  const realized = useAsync(() => api.realized(), [api]);
  const usage = useAsync(() => api.usage(), [api]);
  const { reload } = metrics;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const parsed = useMemo(() => {
    if (metrics.status !== 'done') return null;
    const samples = parsePrometheus(metrics.value);
    // One row per part of the server, named in words: the API's paths mean nothing to most readers.
    return {
      routes: routeStats(samples, (route) => routeArea(route) ?? route),
      versions: predictionsByVersion(samples),
    };
  }, [metrics]);
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
      <AsyncView state={metrics}>
        {() =>
          parsed ? (
            <div className="grid-2">
              <section className="card">
                <h2>{t('monitoring.predictionsTitle')}</h2>
                {parsed.versions.length === 0 ? (
                  <p className="muted">{t('monitoring.noPredictions')}</p>
                ) : (
                  <div
                    className="chart"
                    role="img"
                    aria-label={t('monitoring.predictionsTitle')}
                    style={{ height: 240 }}
                  >
                    <ResponsiveContainer width="100%" height="100%">
                      <BarChart data={parsed.versions}>
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
                  <table className="table compact" data-testid="routes">
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
                      {parsed.routes.map((r) => (
                        <tr key={r.route}>
                          {isRouteArea(r.route) ? (
                            <td>{t(routeAreaKey(r.route))}</td>
                          ) : (
                            <td translate="no">{r.route}</td>
                          )}
                          <td>{num(r.requests)}</td>
                          <td>{num(r.errors)}</td>
                          <td>{r.meanMs === null ? '—' : num(r.meanMs, 1)}</td>
                          <td className="nowrap">{r.p95Ms === null ? '—' : `≤ ${upTo1(r.p95Ms)}`}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            </div>
          ) : null
        }
      </AsyncView>
    </>
  );
}
