import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Contribution } from '../../api/contract.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { featureValueText } from './feature-value.ts';

/**
 * The largest contributions as horizontal bars: green pushes towards buying, red away. A table
 * with the same numbers follows for screen readers and for copying.
 */
export function ContributionsChart({ contributions }: { contributions: readonly Contribution[] }) {
  const { t, num, pct } = useI18n();
  const rows = contributions.map((c) => ({
    label: c.label,
    contribution: c.contribution,
    value: featureValueText(c, { t, num, pct }),
  }));
  return (
    <section className="card" aria-labelledby="contrib-title">
      <h2 id="contrib-title">{t('predict.contributionsTitle')}</h2>
      <p className="explain">{t('predict.contributionsExplain')}</p>
      <p className="explain small" data-testid="contribution-scale">
        {t('predict.contributionScale')}
      </p>
      <div
        className="chart"
        role="img"
        aria-label={t('predict.contributionsTitle')}
        style={{ height: 40 + rows.length * 52 }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" tickFormatter={(v: number) => num(v, 1)} />
            <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 12 }} />
            <ReferenceLine x={0} stroke="#555" />
            <Tooltip formatter={(v) => num(Number(v), 3)} />
            <Bar dataKey="contribution" name={t('predict.contributionUnit')} isAnimationActive={false}>
              {rows.map((r) => (
                <Cell key={r.label} fill={r.contribution >= 0 ? '#1b7f4b' : '#b3261e'} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      {/* Under the chart, not as an axis title: at 390 px a title would be cut off. */}
      <p className="muted chart-unit">{t('predict.contributionUnit')}</p>
      <details>
        <summary>{t('common.showTable')}</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('predict.feature')}</th>
              <th scope="col">{t('predict.value')}</th>
              <th scope="col">{t('predict.contributionUnit')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <td>{r.label}</td>
                <td>{r.value}</td>
                <td>{num(r.contribution, 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
