import { countOf, NOUN } from '../count-words.ts';
import { formatNumber, formatPercent, productDescription, say } from '../format.ts';
import { noTransactions, rankedTable } from './answers.ts';
import { CROSS_SELL_WEEKS } from './bought-with.ts';
import {
  catalogFilter,
  describeFilters,
  describePeriod,
  FROM,
  periodOrWeeks,
  placed,
  withinDates,
} from './filters.ts';
import { attributesOf } from './product-rows.ts';
import { rowsWanted, type Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/** One side of a pair's row: its product's id and attributes, under a prefix. */
const side = (prefix: 'a' | 'b', id: string) =>
  `${id}::DOUBLE AS ${prefix}_product, ${prefix}p.brand AS ${prefix}_brand, ${prefix}p.category AS ${prefix}_category,
   ${prefix}p.sub_category AS ${prefix}_sub_category, ${prefix}p.segment AS ${prefix}_segment,
   ${prefix}p.package AS ${prefix}_package, ${prefix}p.size AS ${prefix}_size`;

/** The product of one side of a row, with its attributes as the product rows carry them. */
function productOf(r: Row, prefix: 'a' | 'b') {
  const attributes = attributesOf({
    brand: r[`${prefix}_brand`],
    category: r[`${prefix}_category`],
    sub_category: r[`${prefix}_sub_category`],
    segment: r[`${prefix}_segment`],
    package: r[`${prefix}_package`],
    size: r[`${prefix}_size`],
  });
  return { id: Number(r[`${prefix}_product`]), attributes };
}

/**
 * The pairs of products most often in the same order ("¿qué productos se compran juntos?", "which
 * products are bought together most?"): over the orders of the period (default the last twelve
 * weeks, as cross-selling reads habits), each pair's orders, their share of all orders, and how
 * often an order with the first product also holds the second. Catalogue filters narrow both
 * products; a customer type or place, the orders.
 */
export const pairsBoughtTogetherTool: Tool = async (box, req) => {
  const { lang } = req;
  const period = periodOrWeeks(req, CROSS_SELL_WEEKS);
  if (!period) return noTransactions(lang);
  const entities = { ...placed(req), period };
  const f = catalogFilter(entities, 3);
  const k = rowsWanted(entities);
  const rows = await box.data.query(
    `WITH lines AS (
       SELECT DISTINCT t.order_id, t.product_id FROM ${FROM}
       WHERE ${withinDates(1)} AND t.items > 0 AND ${f.where}),
     per_product AS (SELECT product_id, count(*) AS orders FROM lines GROUP BY 1),
     pairs AS (
       SELECT a.product_id AS first, b.product_id AS second, count(*) AS together
       FROM lines a JOIN lines b ON a.order_id = b.order_id AND a.product_id < b.product_id
       GROUP BY ALL)
     SELECT ${side('a', 'x.first')}, ${side('b', 'x.second')},
            x.together::DOUBLE AS together, pa.orders::DOUBLE AS first_orders, pb.orders::DOUBLE AS second_orders,
            (SELECT count(DISTINCT order_id) FROM lines)::DOUBLE AS all_orders
     FROM pairs x
       JOIN per_product pa ON pa.product_id = x.first JOIN per_product pb ON pb.product_id = x.second
       JOIN products ap ON ap.product_id = x.first JOIN products bp ON bp.product_id = x.second
     ORDER BY together DESC, x.first, x.second LIMIT ${k} OFFSET ${req.offset}`,
    [period.from, period.to, ...f.params],
  );
  const allOrders = Number(rows[0]?.all_orders ?? 0);
  const when = describePeriod(period, lang);
  const filters = describeFilters(entities, lang);
  const within = filters.length ? ` (${filters.join(', ')})` : '';
  const label = (r: Row, prefix: 'a' | 'b') => {
    const p = productOf(r, prefix);
    return say(
      lang,
      `producto ${p.id} (${productDescription(p.attributes, lang)})`,
      `product ${p.id} (${productDescription(p.attributes, lang)})`,
    );
  };
  // Of the orders with the product bought less often, the share that also hold the other: the
  // pairing's strength, which the count alone hides behind two best-sellers.
  const strength = (r: Row) =>
    formatPercent(Number(r.together) / Math.min(Number(r.first_orders), Number(r.second_orders)), lang);
  const lessOften = (r: Row) =>
    Number(r.first_orders) <= Number(r.second_orders) ? productOf(r, 'a').id : productOf(r, 'b').id;
  const line = (r: Row) =>
    say(
      lang,
      `${label(r, 'a')} y ${label(r, 'b')}: juntos en ${countOf(Number(r.together), lang, NOUN.order)} (${formatPercent(Number(r.together) / allOrders, lang)} de los pedidos; el ${strength(r)} de los pedidos con el ${lessOften(r)} lleva también el otro)`,
      `${label(r, 'a')} and ${label(r, 'b')}: together in ${countOf(Number(r.together), lang, NOUN.order)} (${formatPercent(Number(r.together) / allOrders, lang)} of the orders; ${strength(r)} of the orders with ${lessOften(r)} also hold the other)`,
    );
  const text =
    rows.length === 0
      ? say(
          lang,
          `Ningún pedido ${when}${within} llevó dos productos distintos.`,
          `No order ${when}${within} held two different products.`,
        )
      : say(
          lang,
          `Los pares de productos que más se compran en el mismo pedido ${when}${within}, de ${countOf(allOrders, lang, NOUN.order)}: ${rows.map(line).join('; ')}.`,
          `The pairs of products most often bought in the same order ${when}${within}, of ${countOf(allOrders, lang, NOUN.order)}: ${rows.map(line).join('; ')}.`,
        );
  return {
    text,
    answered: true,
    basedOn: [
      when,
      ...filters,
      say(
        lang,
        'pedidos con compras (sin devoluciones); cada par de productos distintos de un mismo pedido cuenta una vez',
        'orders with purchases (returns left out); each pair of different products in one order counts once',
      ),
    ],
    table: rankedTable(
      req.offset,
      [
        [say(lang, 'Producto', 'Product'), false],
        [say(lang, 'Con el producto', 'With product'), false],
        [say(lang, 'Pedidos juntos', 'Orders together'), true],
        [say(lang, '% de los pedidos', '% of orders'), true],
      ],
      rows,
      (r) => [
        label(r, 'a'),
        label(r, 'b'),
        formatNumber(Number(r.together), lang),
        formatPercent(Number(r.together) / allOrders, lang),
      ],
    ),
    data: {
      period,
      orders: allOrders,
      pairs: rows.map((r) => ({
        products: [productOf(r, 'a').id, productOf(r, 'b').id],
        together: Number(r.together),
      })),
    },
    products: rows.flatMap((r) => [productOf(r, 'a').id, productOf(r, 'b').id]),
    shown: rows.length,
  };
};
