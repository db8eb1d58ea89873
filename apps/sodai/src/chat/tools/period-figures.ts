import type { ChatEntities, ChatPeriod } from '../../contract/api.ts';
import { FROM, joinFilters } from './filters.ts';
import type { ChatToolbox } from './toolbox.ts';

/** What was sold in one period: units (returns deducted), orders and distinct customers. */
export interface PeriodFigures {
  readonly units: number;
  readonly orders: number;
  readonly customers: number;
}

/**
 * The figures of `period` within what the question narrows to: catalogue filters, customer type, and
 * one product or customer when named ("ventas del 20012 el mes pasado" counts that product only).
 */
export async function periodFigures(
  box: ChatToolbox,
  entities: ChatEntities,
  period: ChatPeriod,
): Promise<PeriodFigures> {
  const f = joinFilters({ ...entities, period });
  const params = [...f.params];
  let where = f.where;
  if (entities.product_id !== undefined) {
    params.push(entities.product_id);
    where += ` AND t.product_id = $${params.length}`;
  }
  if (entities.customer_id !== undefined) {
    params.push(entities.customer_id);
    where += ` AND t.customer_id = $${params.length}`;
  }
  const [r] = await box.data.query(
    `SELECT coalesce(sum(t.items), 0)::DOUBLE AS units, count(DISTINCT t.order_id)::DOUBLE AS orders,
            count(DISTINCT t.customer_id)::DOUBLE AS customers
     FROM ${FROM} WHERE ${where}`,
    params,
  );
  return { units: Number(r!.units), orders: Number(r!.orders), customers: Number(r!.customers) };
}
