import type { Lang } from '../../contract/api.ts';
import { agree, countOf, NOUN } from '../count-words.ts';
import { formatNumber, productDescription, say } from '../format.ts';
import { column, rankedTable } from './answers.ts';
import { describeFilters, describePeriod } from './filters.ts';
import { checkCustomer, customerScope, customerSummary, dataUpTo } from './history.ts';
import { attributesOf, PRODUCT_COLUMNS } from './product-rows.ts';
import type { Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/** A customer buys tens of products: more rows than a ranking's five, and "more" continues. */
export const PRODUCTS_SHOWN = 10;

/** Each product's units and orders, as an answer's data lists them. */
export const productFigures = (rows: readonly Row[]) =>
  rows.map((r) => ({ product: Number(r.product), units: Number(r.units), orders: Number(r.orders) }));

/** One customer's units are few: a decimal tells 10.5 from 10. */
const customerUnits = (v: unknown, lang: Lang) => countOf(Number(v), lang, NOUN.unit, 1);

/** "producto 1370 (Brand 34, botella 1 L): 12,3 unidades en 4 pedidos": one of a customer's products. */
export function customerProductLine(r: Row, lang: Lang): string {
  const product = `${r.product} (${productDescription(attributesOf(r), lang)})`;
  const orders = countOf(Number(r.orders), lang, NOUN.order);
  return say(
    lang,
    `producto ${product}: ${customerUnits(r.units, lang)} en ${orders}`,
    `product ${product}: ${customerUnits(r.units, lang)} in ${orders}`,
  );
}

/** A customer's products as a table: product, description, units and orders, from `offset` on. */
export function customerProductsTable(offset: number, rows: readonly Row[], lang: Lang) {
  return rankedTable(
    offset,
    [column('product', lang), column('description', lang), column('units', lang), column('orders', lang)],
    rows,
    (r) => [
      String(r.product),
      productDescription(attributesOf(r), lang),
      formatNumber(Number(r.units), lang, 1),
      formatNumber(Number(r.orders), lang),
    ],
  );
}

/**
 * Which products one customer bought in a period (or over all its history): the summary of his
 * orders first (how many, units, how many different products, between which days), then each
 * product with its units (returns deducted) and orders, most units first. What a sales rep checks
 * before a visit: the list, not only the counts.
 */
export const customerProductsTool: Tool = async (box, req) => {
  const problem = checkCustomer(req);
  if (problem) return problem;
  const { lang, entities } = req;
  const id = entities.customer_id!;
  const { catalog, period } = customerScope(req);
  const k = Math.min(50, entities.count ?? PRODUCTS_SHOWN);
  const rows = await box.data.query(
    `SELECT t.product_id::DOUBLE AS product, sum(t.items)::DOUBLE AS units,
            count(DISTINCT t.order_id)::DOUBLE AS orders, ${PRODUCT_COLUMNS},
            count(*) OVER ()::DOUBLE AS found
     FROM transactions t JOIN products p USING (product_id)
     WHERE t.customer_id = $1 AND ${catalog.where} AND ${period.where}
     GROUP BY ALL ORDER BY units DESC, product LIMIT ${k} OFFSET ${req.offset}`,
    [id, ...catalog.params, ...period.params],
  );
  const summary = await customerSummary(box, req);
  const filters = describeFilters({ ...entities, customer_type: undefined }, lang);
  const found = Number(rows[0]?.found ?? 0);
  const listed = rows.map((r) => customerProductLine(r, lang)).join('; ');
  const list =
    rows.length === 0
      ? ''
      : found > rows.length + req.offset
        ? say(
            lang,
            ` ${agree(rows.length, ['El', 'Los'])} ${formatNumber(rows.length, lang)} con más unidades: ${listed}.`,
            ` The ${formatNumber(rows.length, lang)} with most units: ${listed}.`,
          )
        : say(
            lang,
            ` Sus productos, de más a menos unidades: ${listed}.`,
            ` Their products, most units first: ${listed}.`,
          );
  return {
    text: `${summary.text}${list}`,
    answered: true,
    basedOn: [
      ...dataUpTo(req),
      ...(entities.period ? [describePeriod(entities.period, lang)] : []),
      ...filters,
    ],
    table: customerProductsTable(req.offset, rows, lang),
    data: {
      ...summary.data,
      period: entities.period ?? null,
      found,
      products: productFigures(rows),
    },
    products: rows.map((r) => Number(r.product)),
    customers: [id],
    shown: rows.length,
  };
};
