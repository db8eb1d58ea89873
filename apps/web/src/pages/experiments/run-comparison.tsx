import { useId, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApp } from '../../app/app-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { paramValue } from './param-value.ts';
import { runLabel } from './run-label.ts';
import { paramDiff, preferredMetrics, type RunRow } from './run-row.ts';
import { metricName } from '../../components/metric-name.ts';

const COLORS = ['#0b5fa5', '#b3261e', '#1b7f4b', '#8a5300', '#6a3fa0'];

/** 2–5 runs side by side: the params that differ first, and one metric's curve per run. */
export function RunComparison({ rows }: { rows: readonly RunRow[] }) {
  const { t, tOr, num, locale } = useI18n();
  const { api } = useApp();
  const metricId = useId();
  const keys = preferredMetrics(rows.flatMap((r) => Object.keys(r.metrics)));
  const [metric, setMetric] = useState(keys[0] ?? '');
  const chosen = keys.includes(metric) ? metric : (keys[0] ?? '');
  const ids = rows.map((r) => r.run.id).join(',');
  const curves = useAsync(async () => {
    const histories = await Promise.all(rows.map((r) => api.metricHistory(r.run.id, chosen).catch(() => [])));
    const steps = [...new Set(histories.flatMap((h) => h.map((p) => p.step)))].sort((a, b) => a - b);
    return steps.map((step) =>
      Object.fromEntries([
        ['step', step],
        ...histories.map((h, i) => [`r${i}`, h.find((p) => p.step === step)?.value ?? null]),
      ]),
    );
  }, [api, ids, chosen]);
  const diff = paramDiff(rows);
  // Named in words as in the runs table's headers ('F1 (prueba)'); a metric without words keeps its id.
  const metricLabel = (key: string) => metricName(key, t, tOr);
  return (
    <section className="card" aria-labelledby="compare-title" data-testid="comparison">
      <h2 id="compare-title">{t('experiments.compareTitle', { n: rows.length })}</h2>
      <div className="table-wrap">
        <table className="table compact">
          <caption>{t('experiments.paramsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('experiments.param')}</th>
              {rows.map((r) => (
                <th scope="col" key={r.run.id}>
                  {runLabel(r.run.name, tOr)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {diff.map((d) => (
              <tr key={d.key} className={d.differs ? 'differs' : ''}>
                <th scope="row" translate="no">
                  {d.key}
                </th>
                {d.values.map((v, i) => (
                  <td key={i} translate="no">
                    {v === null ? '—' : paramValue(v, locale)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {keys.length > 0 ? (
        <>
          <div className="field">
            <label htmlFor={metricId}>{t('experiments.metric')}</label>
            <select id={metricId} value={chosen} onChange={(e) => setMetric(e.currentTarget.value)}>
              {keys.map((k) => (
                <option key={k} value={k}>
                  {metricLabel(k)}
                </option>
              ))}
            </select>
          </div>
          <AsyncView state={curves}>
            {(data) => (
              <div
                className="chart"
                role="img"
                aria-label={t('experiments.curveLabel', { metric: metricLabel(chosen) })}
                style={{ height: 280 }}
              >
                <ResponsiveContainer width="100%" height="100%">
                  {/* Room for the axis titles and for ticks like "0,1234", which the defaults clip. */}
                  <LineChart data={data} margin={{ left: 16, right: 16, top: 8, bottom: 24 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis
                      dataKey="step"
                      label={{ value: t('experiments.step'), position: 'insideBottom', offset: -16 }}
                    />
                    <YAxis
                      width={72}
                      tickFormatter={(v: number) => num(v, 3)}
                      domain={['auto', 'auto']}
                      label={{ value: metricLabel(chosen), angle: -90, position: 'insideLeft', offset: -8 }}
                    />
                    <Tooltip formatter={(v) => num(Number(v), 4)} />
                    {/* At the bottom it sat on the "Step" axis title. */}
                    <Legend verticalAlign="top" />
                    {rows.map((r, i) => (
                      <Line
                        key={r.run.id}
                        dataKey={`r${i}`}
                        name={runLabel(r.run.name, tOr)}
                        stroke={COLORS[i % COLORS.length]}
                        dot={data.length < 30}
                        connectNulls
                        isAnimationActive={false}
                      />
                    ))}
                  </LineChart>
                </ResponsiveContainer>
              </div>
            )}
          </AsyncView>
        </>
      ) : null}
    </section>
  );
}
