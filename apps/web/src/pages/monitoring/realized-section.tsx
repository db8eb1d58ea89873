import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RealizedResponse } from '../../api/contract.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { realizedSeries } from './realized-series.ts';

const VERSION_COLORS = ['#0b5fa5', '#2e7d32', '#8e24aa', '#ef6c00', '#00838f'];
const RULE_COLOR = '#6b6b6b';

/**
 * Realized F1 per week for each serving version beside the best rule, and the week-by-week table.
 *
 * On a phone both week tables are cards (styles.css, `.row-cards`): the week on top, each figure
 * under its column's name two to a line, so the five or six columns never scroll sideways.
 */
export function RealizedSection({ realized }: { realized: RealizedResponse }) {
  const { t, num } = useI18n();
  const series = useMemo(() => realizedSeries(realized.weeks), [realized]);
  const f = (v: number | undefined) => (v === undefined ? '—' : num(v, 3));
  return (
    <section className="card" data-testid="realized">
      <h2>{t('realized.title')}</h2>
      <p className="muted">{t('realized.explain')}</p>
      {realized.waiting.map((w) => (
        <p key={w.week} className="muted" data-testid="realized-waiting">
          {t('realized.waiting', { week: w.week, days: w.days_observed })}
        </p>
      ))}
      {realized.weeks.length === 0 ? (
        <p className="muted">{t('realized.none')}</p>
      ) : (
        <>
          <div
            className="chart"
            role="img"
            aria-label={t('realized.chart')}
            data-testid="realized-chart"
            style={{ height: 260 }}
          >
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={[...series.points]} margin={{ left: 0, right: 8, top: 8, bottom: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="week" tick={{ fontSize: 11 }} />
                <YAxis domain={[0, 1]} width={36} tick={{ fontSize: 11 }} />
                <Tooltip formatter={(v) => (typeof v === 'number' ? num(v, 3) : String(v))} />
                <Legend />
                {series.versions.map((key, i) => (
                  <Line
                    key={key}
                    dataKey={key}
                    name={t('realized.version', { version: key.slice(1) })}
                    stroke={VERSION_COLORS[i % VERSION_COLORS.length]}
                    strokeWidth={2}
                    connectNulls={false}
                    isAnimationActive={false}
                  />
                ))}
                <Line
                  dataKey="rule"
                  name={t('realized.rule')}
                  stroke={RULE_COLOR}
                  strokeDasharray="6 4"
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <div className="table-wrap">
            <table className="table compact row-cards" data-testid="realized-weeks">
              <caption className="muted">{t('realized.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('realized.week')}</th>
                  <th scope="col">{t('realized.served')}</th>
                  <th scope="col">{t('realized.f1')}</th>
                  <th scope="col">{t('realized.ruleF1')}</th>
                  <th scope="col">{t('realized.ndcg5')}</th>
                </tr>
              </thead>
              <tbody>
                {[...realized.weeks].reverse().map((w) => {
                  const served = w.served[0];
                  return (
                    <tr key={w.week}>
                      <td className="nowrap card-title" data-label={t('realized.week')}>
                        {w.week}
                      </td>
                      <td className="card-figure" data-label={t('realized.served')}>
                        {served ? t('realized.version', { version: served.version }) : '—'}
                      </td>
                      <td className="card-figure" data-label={t('realized.f1')}>
                        {f(served?.metrics.f1)}
                      </td>
                      <td className="card-figure" data-label={t('realized.ruleF1')}>
                        {f(w.best_rule?.metrics.f1)}
                      </td>
                      <td className="card-figure" data-label={t('realized.ndcg5')}>
                        {f(served?.metrics.ndcg_at_5)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="muted">{t('realized.ndcgExplain')}</p>
          <BusinessTable realized={realized} />
        </>
      )}
    </section>
  );
}

/**
 * What the predictions were worth in sales terms, week by week: lists that sold, products sold from
 * the top 5 against the best rule's, and units expected against units sold of the predicted pairs.
 */
function BusinessTable({ realized }: { realized: RealizedResponse }) {
  const { t, num, pct } = useI18n();
  const count = (v: number | undefined) => (v === undefined ? '—' : num(v, 0));
  const share = (v: number | undefined) => (v === undefined ? '—' : pct(v, 0));
  const signed = (v: number) => `${v > 0 ? '+' : ''}${num(v, 0)}`;
  const weeks = [...realized.weeks].reverse().filter((w) => w.served[0]?.metrics.top5_hits !== undefined);
  if (weeks.length === 0) return null;
  return (
    <>
      <h3>{t('business.title')}</h3>
      <div className="table-wrap">
        <table className="table compact row-cards" data-testid="business-weeks">
          <caption className="muted">{t('business.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('realized.week')}</th>
              <th scope="col">{t('business.listsSold')}</th>
              <th scope="col">{t('business.top5Sold')}</th>
              <th scope="col">{t('business.uplift')}</th>
              <th scope="col">{t('business.expectedUnits')}</th>
              <th scope="col">{t('business.soldUnits')}</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => {
              const m = w.served[0]!.metrics;
              const rule = w.best_rule?.metrics.top5_hits;
              return (
                <tr key={w.week}>
                  <td className="nowrap card-title" data-label={t('realized.week')}>
                    {w.week}
                  </td>
                  <td className="card-figure" data-label={t('business.listsSold')}>
                    {share(m.top5_hit_rate)}
                  </td>
                  <td className="card-figure" data-label={t('business.top5Sold')}>
                    {count(m.top5_hits)}
                  </td>
                  <td className="card-figure" data-label={t('business.uplift')}>
                    {rule === undefined || m.top5_hits === undefined ? '—' : signed(m.top5_hits - rule)}
                  </td>
                  <td className="card-figure" data-label={t('business.expectedUnits')}>
                    {count(m.expected_units)}
                  </td>
                  <td className="card-figure" data-label={t('business.soldUnits')}>
                    {count(m.realized_units)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('business.explain')}</p>
    </>
  );
}
