import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageResponse } from '../../api/contract.ts';
import { useCatalog } from '../../app/use-catalog.ts';
import { customerOptions, productOptions } from '../../components/catalog-options.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { isRouteArea, routeAreaKey } from './route-area.ts';
import { versionLabel } from './version-label.ts';

/**
 * Two columns of (who or what, answers): the customers or products asked about most, each named as
 * in the pickers ("7 · ABARROTES", "41 · Brand 2 · JUGOS · LATA · 0.33") once the catalogue is in.
 */
function TopTable(props: {
  caption: string;
  idHeader: string;
  labels: ReadonlyMap<number, string>;
  rows: readonly { id: number; answers: number }[];
}) {
  const { t, num } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table compact">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.idHeader}</th>
            <th scope="col">{t('usage.answers')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.id}>
              <td translate="no">{props.labels.get(r.id) ?? r.id}</td>
              <td>{num(r.answers)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Usage from the prediction log (kept in the store, so it survives restarts): answers per day, per
 * model version and route, latency percentiles, and who and what is asked about most.
 */
export function UsageSection({ usage }: { usage: UsageResponse }) {
  const { t, num, locale } = useI18n();
  const catalog = useCatalog();
  const labels = useMemo(
    () => ({
      customers: new Map(customerOptions(catalog).map((o) => [o.id, o.label])),
      products: new Map(productOptions(catalog).map((o) => [o.id, o.label])),
    }),
    [catalog],
  );
  const ms = (v: number) => t('usage.ms', { value: v.toLocaleString(locale, { maximumFractionDigits: 1 }) });
  const plural = new Intl.PluralRules(locale);
  const count = (kind: 'answers' | 'customers' | 'products', n: number) =>
    t(`usage.count.${kind}.${plural.select(n) === 'one' ? 'one' : 'other'}`, { n: num(n) });
  return (
    <section className="card" aria-labelledby="usage-title" data-testid="usage">
      <h2 id="usage-title">{t('usage.title', { from: usage.from, to: usage.to })}</h2>
      <p className="muted">{t('usage.explain')}</p>
      {usage.answers === 0 ? (
        <p className="muted">{t('usage.none')}</p>
      ) : (
        <>
          <p data-testid="usage-totals">
            {t('usage.totals', {
              answers: count('answers', usage.answers),
              customers: count('customers', usage.customers),
              products: count('products', usage.products),
            })}
          </p>
          {usage.latency_ms ? (
            <p className="muted" data-testid="usage-latency">
              {t('usage.latency', {
                p50: ms(usage.latency_ms.p50),
                p90: ms(usage.latency_ms.p90),
                p99: ms(usage.latency_ms.p99),
              })}
            </p>
          ) : null}
          <p className="muted">
            {t('usage.byVersion')}{' '}
            {usage.per_version.map((v) => `${versionLabel(v.version, t)}: ${num(v.answers)}`).join(' · ')}
            {' — '}
            {/* The logged routes (predict, recommend) are named as on the Monitoring table. */}
            <span data-testid="usage-routes">
              {t('usage.byRoute')}{' '}
              {usage.per_route
                .map((r) => `${isRouteArea(r.route) ? t(routeAreaKey(r.route)) : r.route}: ${num(r.answers)}`)
                .join(' · ')}
            </span>
          </p>
          <div className="chart" role="img" aria-label={t('usage.chart')} style={{ height: 180 }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={[...usage.per_day]}>
                <CartesianGrid vertical={false} strokeDasharray="3 3" />
                <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} minTickGap={12} />
                <YAxis allowDecimals={false} width={40} />
                <Tooltip />
                <Bar dataKey="answers" name={t('usage.answers')} fill="#0b5fa5" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <div className="grid-2">
            <TopTable
              caption={t('usage.topCustomers')}
              idHeader={t('usage.customer')}
              labels={labels.customers}
              rows={usage.top_customers.map((c) => ({ id: c.customer_id, answers: c.answers }))}
            />
            <TopTable
              caption={t('usage.topProducts')}
              idHeader={t('usage.product')}
              labels={labels.products}
              rows={usage.top_products.map((p) => ({ id: p.product_id, answers: p.answers }))}
            />
          </div>
        </>
      )}
    </section>
  );
}
