import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ColumnDrift } from '../../api/report-types.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { histogramRows } from './histogram-rows.ts';

/** Reference and current distribution of one feature, side by side, as shares of rows. */
export function HistogramChart({ column, label }: { column: ColumnDrift; label: string }) {
  const { t, pct, num } = useI18n();
  const edge = (v: number) => (Number.isInteger(v) || Math.abs(v) >= 100 ? num(Math.round(v)) : num(v, 2));
  const rows = histogramRows(column.referenceHistogram, column.currentHistogram, edge);
  return (
    <figure className="chart-figure">
      <figcaption>{t('drift.histogramTitle', { feature: label })}</figcaption>
      <div
        className="chart"
        role="img"
        aria-label={t('drift.histogramTitle', { feature: label })}
        style={{ height: 280 }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ left: 8, right: 16, top: 8, bottom: 8 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="bin" tick={{ fontSize: 11 }} />
            <YAxis tickFormatter={(v: number) => pct(v, 0)} />
            <Tooltip formatter={(v) => pct(Number(v))} />
            <Legend />
            <Bar dataKey="reference" name={t('drift.reference')} fill="#8aa4c0" isAnimationActive={false} />
            <Bar dataKey="current" name={t('drift.current')} fill="#0b5fa5" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
