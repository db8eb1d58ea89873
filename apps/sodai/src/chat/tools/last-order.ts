import { countOf, NOUN } from '../count-words.ts';
import { formatDay, formatNumber, productDescription, say } from '../format.ts';
import { column, table } from './answers.ts';
import { checkCustomer, customerScope, dataUpTo } from './history.ts';
import { describeFilters } from './filters.ts';
import { attributesOf, PRODUCT_COLUMNS } from './product-rows.ts';
import type { Tool } from './toolbox.ts';

/**
 * What a customer's last order held: the products and units of their latest purchase day (within
 * the period and catalogue filters asked, if any), most units first. A day, not an order id, since
 * a customer's lines of one day are the order a sales rep saw delivered.
 */
export const lastOrderTool: Tool = async (box, req) => {
  const problem = checkCustomer(req);
  if (problem) return problem;
  const { lang, entities } = req;
  const id = entities.customer_id!;
  const { catalog, period } = customerScope(req);
  const where = `t.customer_id = $1 AND ${catalog.where} AND ${period.where}`;
  const rows = await box.data.query(
    `WITH mine AS (SELECT t.* FROM transactions t JOIN products p USING (product_id) WHERE ${where})
     SELECT t.purchase_date::DATE::VARCHAR AS day, t.product_id::DOUBLE AS product, sum(t.items)::DOUBLE AS units,
            ${PRODUCT_COLUMNS}
     FROM mine t JOIN products p USING (product_id)
     WHERE t.purchase_date = (SELECT max(purchase_date) FROM mine)
     GROUP BY ALL ORDER BY units DESC, product`,
    [id, ...catalog.params, ...period.params],
  );
  const filters = describeFilters({ ...entities, customer_type: undefined }, lang);
  const within = filters.length ? ` (${filters.join(', ')})` : '';
  if (rows.length === 0)
    return {
      text: say(
        lang,
        `El cliente ${id} no tiene compras${within}.`,
        `Customer ${id} has no purchases${within}.`,
      ),
      answered: true,
      basedOn: dataUpTo(req),
      data: { customer: id, day: null, last_order: [] },
      customers: [id],
    };
  const day = String(rows[0]!.day);
  // One customer's units are few: a decimal tells 10.5 from 10.
  const units = (r: Readonly<Record<string, unknown>>) => countOf(Number(r.units), lang, NOUN.unit, 1);
  const lines = rows.map((r) =>
    say(
      lang,
      `producto ${r.product} (${productDescription(attributesOf(r), lang)}) con ${units(r)}`,
      `product ${r.product} (${productDescription(attributesOf(r), lang)}) with ${units(r)}`,
    ),
  );
  return {
    text: say(
      lang,
      `La última compra del cliente ${id}${within} fue el ${formatDay(day, lang)}: ${lines.join('; ')}.`,
      `Customer ${id}'s last purchase${within} was on ${formatDay(day, lang)}: ${lines.join('; ')}.`,
    ),
    answered: true,
    basedOn: [...dataUpTo(req), ...filters],
    table: table(
      [column('product', lang), column('description', lang), column('units', lang)],
      rows.map((r) => [
        String(r.product),
        productDescription(attributesOf(r), lang),
        formatNumber(Number(r.units), lang, 1),
      ]),
    ),
    data: {
      customer: id,
      day,
      last_order: rows.map((r) => ({ product: Number(r.product), units: Number(r.units) })),
    },
    products: rows.map((r) => Number(r.product)),
    customers: [id],
    shown: rows.length,
    suggestions: [
      say(lang, `¿Qué le ofrezco al cliente ${id}?`, `What should I offer customer ${id}?`),
      say(lang, `¿Cuál es la canasta habitual del cliente ${id}?`, `What is customer ${id}'s usual basket?`),
    ],
  };
};
