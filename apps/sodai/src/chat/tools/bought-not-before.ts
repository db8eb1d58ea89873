import { countOf, NOUN } from '../count-words.ts';
import { formatNumber, say } from '../format.ts';
import { previousPeriod } from '../understanding/periods.ts';
import {
  customerProductLine,
  customerProductsTable,
  customerProductsTool,
  productFigures,
  PRODUCTS_SHOWN,
} from './customer-products.ts';
import { describeFilters, describePeriod } from './filters.ts';
import { checkCustomer, customerScope, dataUpTo } from './history.ts';
import { PRODUCT_COLUMNS } from './product-rows.ts';
import type { Tool } from './toolbox.ts';

/**
 * "¿Qué compró el 181101 la semana pasada que no compró la anterior?": the products one customer
 * bought in the period that he did not buy in the period before (the one named, or the one just
 * before of the same length), with their units and orders, most units first; within the kinds of
 * product named. What is new in his basket, which a sales person follows up on.
 */
export const boughtNotBeforeTool: Tool = async (box, req) => {
  const problem = checkCustomer(req);
  if (problem) return problem;
  const { lang, entities } = req;
  // With no period there is no "before": the products he bought over his history.
  if (!entities.period) return customerProductsTool(box, req);
  const id = entities.customer_id!;
  // "The week before" can read as the same week again: a period that overlaps is no "before".
  const named = entities.compare_to;
  const before =
    named && (named.to < entities.period.from || named.from > entities.period.to)
      ? named
      : previousPeriod(entities.period, lang);
  const { catalog, period } = customerScope(req);
  const at = 2 + catalog.params.length + period.params.length;
  // Every product he bought in the period, each marked when he bought it in the period before too:
  // a customer buys tens of products, so the new ones are picked here rather than in a second query.
  const mine = await box.data.query(
    `WITH earlier AS (SELECT DISTINCT product_id FROM transactions
                      WHERE customer_id = $1 AND items > 0 AND purchase_date >= $${at}::DATE AND purchase_date < $${at + 1}::DATE + 1)
     SELECT t.product_id::DOUBLE AS product, sum(t.items)::DOUBLE AS units,
            count(DISTINCT t.order_id)::DOUBLE AS orders, ${PRODUCT_COLUMNS},
            bool_or(t.product_id IN (SELECT product_id FROM earlier)) AS bought_before
     FROM transactions t JOIN products p USING (product_id)
     WHERE t.customer_id = $1 AND ${catalog.where} AND ${period.where}
     GROUP BY t.product_id HAVING sum(t.items) > 0
     ORDER BY units DESC, product`,
    [id, ...catalog.params, ...period.params, before.from, before.to],
  );
  const k = Math.min(50, entities.count ?? PRODUCTS_SHOWN);
  const fresh = mine.filter((r) => r.bought_before !== true);
  const rows = fresh.slice(req.offset, req.offset + k);
  const filters = describeFilters({ ...entities, customer_type: undefined }, lang);
  const within = filters.length ? ` (${filters.join(', ')})` : '';
  const now = describePeriod(entities.period, lang);
  const then = describePeriod(before, lang);
  const found = fresh.length;
  const all = mine.length;
  const text =
    all === 0
      ? say(
          lang,
          `El cliente ${id} no compró nada ${now}${within}.`,
          `Customer ${id} bought nothing ${now}${within}.`,
        )
      : found === 0
        ? say(
            lang,
            `El cliente ${id} ya había comprado ${then} los ${countOf(all, lang, NOUN.product)} que compró ${now}${within}: nada nuevo.`,
            `Customer ${id} had already bought ${then} all ${countOf(all, lang, NOUN.product)} they bought ${now}${within}: nothing new.`,
          )
        : say(
            lang,
            `El cliente ${id} compró ${now} ${formatNumber(found, lang)} de ${countOf(all, lang, NOUN.product)}${within} que no compró ${then}${found > rows.length + req.offset ? `; los ${formatNumber(rows.length, lang)} con más unidades` : ''}: ${rows.map((r) => customerProductLine(r, lang)).join('; ')}.`,
            `Customer ${id} bought ${now} ${formatNumber(found, lang)} of ${countOf(all, lang, NOUN.product)}${within} that they did not buy ${then}${found > rows.length + req.offset ? `; the ${formatNumber(rows.length, lang)} with most units` : ''}: ${rows.map((r) => customerProductLine(r, lang)).join('; ')}.`,
          );
  return {
    text,
    answered: true,
    basedOn: [...dataUpTo(req), now, then, ...filters],
    table: customerProductsTable(req.offset, rows, lang),
    data: {
      customer: id,
      period: entities.period,
      before,
      bought: all,
      found,
      products: productFigures(rows),
    },
    products: rows.map((r) => Number(r.product)),
    customers: [id],
    shown: rows.length,
  };
};
