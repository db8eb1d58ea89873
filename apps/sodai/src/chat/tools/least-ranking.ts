import type { ChatEntities, ChatPeriod, Lang } from '../../contract/api.ts';
import type { Row } from '../data-source.ts';
import { formatDay } from '../format.ts';
import { addDays } from '../understanding/days.ts';
import { catalogFilter, FROM } from './filters.ts';
import { PRODUCT_COLUMNS } from './product-rows.ts';
import { rowsWanted, type ChatToolbox } from './toolbox.ts';

/**
 * How far before the period something must have sold to count as slow rather than gone: a product
 * last sold in January is no slow mover of December, nor a customer who last bought then one of its
 * small customers, but out of the range.
 */
export const LEAST_LOOKBACK_WEEKS = 12;

/** What is ranked: products, brands or customers. */
export type LeastGrain = 'product' | 'brand' | 'customer';

/** How each grain is grouped and what second count tells two items with the same units apart. */
const GRAINS: Readonly<
  Record<LeastGrain, { readonly item: string; readonly columns: string; readonly also: string }>
> = {
  // Buyers: a product few shops buy is slower than one as many units sold to many.
  product: { item: 't.product_id::DOUBLE', columns: `, ${PRODUCT_COLUMNS}`, also: 'customer_id' },
  brand: { item: 'p.brand', columns: '', also: 'customer_id' },
  // Orders: a customer who orders once buys less often than one who spreads the same units.
  customer: {
    item: 't.customer_id::DOUBLE',
    columns: ', any_value(c.customer_type) AS type',
    also: 'order_id',
  },
};

/** A ranking of what sold (or bought) least, and what it covered. */
export interface LeastRanking {
  readonly period: ChatPeriod;
  /** The first day of the look-back: only what sold (or bought) since then is ranked. */
  readonly since: string;
  /**
   * Rows `item`, `units` (net, in the period), `count` (buyers of a product or brand, orders of a
   * customer, in the period) and `last` (the last day with a sale, or null), plus the product
   * columns for products and `type` for customers.
   */
  readonly rows: readonly Row[];
  /** Everything that sold in the look-back and was ranked. */
  readonly ranked: number;
  /** Of those, how many sold nothing in the period. */
  readonly idle: number;
  /** The median net units in the period of everything ranked (idle ones included). */
  readonly median: number;
  /**
   * Of those ranked, how many sold (or bought) little: under half the median. A rep's "little" is
   * relative to the rest of the range, and half the median reads plainly in an answer.
   */
  readonly little: number;
}

/**
 * The items of a grain that sold (or, customers, bought) least in `period`: net units, then the
 * second count, then the oldest last sale, `entities`' catalog and customer filters applied, the
 * page `offset` on. Only what sold in the period or in the {@link LEAST_LOOKBACK_WEEKS} weeks before
 * it is ranked, so what went quiet lately comes first and what the distributor never sold is left
 * out. `orders` ranks customers by their orders before their units.
 */
export async function rankLeast(
  box: ChatToolbox,
  grain: LeastGrain,
  entities: ChatEntities,
  period: ChatPeriod,
  offset: number,
  orders = false,
): Promise<LeastRanking> {
  const g = GRAINS[grain];
  const f = catalogFilter(entities);
  const n = f.params.length + 1;
  const inPeriod = `t.purchase_date >= $${n}::DATE`;
  const since = addDays(period.from, -7 * LEAST_LOOKBACK_WEEKS);
  const order = orders ? 'count, round(units, 6)' : 'round(units, 6), count';
  const rows = await box.data.query(
    `WITH ranked AS (
       SELECT ${g.item} AS item${g.columns},
              coalesce(sum(t.items) FILTER (WHERE ${inPeriod}), 0)::DOUBLE AS units,
              count(DISTINCT t.${g.also}) FILTER (WHERE ${inPeriod} AND t.items > 0)::DOUBLE AS count,
              max(t.purchase_date) FILTER (WHERE t.items > 0)::DATE::VARCHAR AS last
       FROM ${FROM}
       WHERE ${f.where} AND t.purchase_date >= $${n + 2}::DATE AND t.purchase_date < $${n + 1}::DATE + 1
             ${grain === 'brand' ? 'AND p.brand IS NOT NULL' : ''}
       GROUP BY item HAVING max(t.items) > 0),
     typical AS (SELECT coalesce(median(units), 0)::DOUBLE AS median FROM ranked)
     SELECT ranked.*, typical.median, count(*) OVER ()::DOUBLE AS ranked,
            sum(CASE WHEN count = 0 THEN 1 ELSE 0 END) OVER ()::DOUBLE AS idle,
            sum(CASE WHEN units < typical.median / 2 THEN 1 ELSE 0 END) OVER ()::DOUBLE AS little
     FROM ranked, typical
     ORDER BY ${order}, last, item LIMIT ${rowsWanted(entities)} OFFSET ${offset}`,
    [...f.params, period.from, period.to, since],
  );
  return {
    period,
    since,
    rows,
    ranked: Number(rows[0]?.ranked ?? 0),
    idle: Number(rows[0]?.idle ?? 0),
    median: Number(rows[0]?.median ?? 0),
    little: Number(rows[0]?.little ?? 0),
  };
}

/** A {@link LeastRanking} row's `last` as a table cell or in a sentence: the day, or a dash when none. */
export function lastDayCell(r: Row, lang: Lang): string {
  return r.last === null ? '—' : formatDay(String(r.last), lang);
}
