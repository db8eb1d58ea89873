import type { ChatPeriod } from '../../contract/api.ts';
import { FROM, joinFiltersAndIds, type ScopedEntities } from './filters.ts';
import type { ChatToolbox } from './toolbox.ts';

/** What was sold in one period: units (returns deducted), orders and distinct customers. */
export interface PeriodFigures {
  readonly units: number;
  /** Units times each product's size in litres (products with no size count none), when asked. */
  readonly litres?: number;
  readonly orders: number;
  readonly customers: number;
}

/**
 * The figures of `period` within what the question narrows to (`joinFiltersAndIds`).
 */
export async function periodFigures(
  box: ChatToolbox,
  entities: ScopedEntities,
  period: ChatPeriod,
  withLitres = false,
): Promise<PeriodFigures> {
  const { where, params } = joinFiltersAndIds({ ...entities, period });
  const [r] = await box.data.query(
    `SELECT coalesce(sum(t.items), 0)::DOUBLE AS units, coalesce(sum(t.items * p.size), 0)::DOUBLE AS litres,
            count(DISTINCT t.order_id)::DOUBLE AS orders,
            count(DISTINCT t.customer_id)::DOUBLE AS customers
     FROM ${FROM} WHERE ${where}`,
    params,
  );
  return {
    units: Number(r!.units),
    ...(withLitres ? { litres: Number(r!.litres) } : {}),
    orders: Number(r!.orders),
    customers: Number(r!.customers),
  };
}
