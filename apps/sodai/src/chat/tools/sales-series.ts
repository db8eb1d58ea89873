import type { ChatPeriod } from '../../contract/api.ts';
import { addDays } from '../understanding/days.ts';
import { FROM, joinFiltersAndIds, type ScopedEntities } from './filters.ts';
import type { ChatToolbox } from './toolbox.ts';

/** The buckets a series of sales is cut into: Monday-to-Sunday weeks or calendar months. */
export type SeriesGrain = 'week' | 'month';

/** Units, litres and customers of one week or month (`start` its first day, YYYY-MM-DD). */
export interface SeriesPoint {
  readonly start: string;
  readonly units: number;
  /** Units times each product's size in litres (products with no size count none). */
  readonly litres: number;
  readonly customers: number;
}

/**
 * Units and customers per week or month in a period, within the filters, customer or product named,
 * oldest first: the series the trend draws and the best or worst week is picked from.
 */
export async function salesSeries(
  box: ChatToolbox,
  entities: ScopedEntities,
  period: ChatPeriod,
  grain: SeriesGrain,
): Promise<SeriesPoint[]> {
  const f = joinFiltersAndIds({ ...entities, period });
  const rows = await box.data.query(
    `SELECT date_trunc('${grain}', t.purchase_date)::DATE::VARCHAR AS start, sum(t.items)::DOUBLE AS units,
            coalesce(sum(t.items * p.size), 0)::DOUBLE AS litres, count(DISTINCT t.customer_id)::DOUBLE AS customers
     FROM ${FROM} WHERE ${f.where} GROUP BY 1 ORDER BY 1`,
    f.params,
  );
  return rows.map((r) => ({
    start: String(r.start),
    units: Number(r.units),
    litres: Number(r.litres),
    customers: Number(r.customers),
  }));
}

/** The last day of the week or month starting on `start`. */
export function bucketEnd(start: string, grain: SeriesGrain): string {
  if (grain === 'week') return addDays(start, 6);
  const [y, m] = start.split('-').map(Number) as [number, number];
  return addDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`, -1);
}

/**
 * Whether the week or month starting on `start` lies wholly within the days with data of the period:
 * one the period or the data cut short sold over fewer days, so it is no weak one.
 */
export function isWholeBucket(
  start: string,
  grain: SeriesGrain,
  period: ChatPeriod,
  data: { readonly firstDay: string | null; readonly lastDay: string | null },
): boolean {
  const from = data.firstDay && data.firstDay > period.from ? data.firstDay : period.from;
  const to = data.lastDay && data.lastDay < period.to ? data.lastDay : period.to;
  return start >= from && bucketEnd(start, grain) <= to;
}
