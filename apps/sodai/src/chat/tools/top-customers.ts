import type { ChatChart, Lang } from '../../contract/api.ts';
import { agree, countOf, NOUN } from '../count-words.ts';
import { formatDay, formatNumber, productLabel, say } from '../format.ts';
import { column, needsProduct, netUnits, rankedTable, unitsChart, unknownProduct } from './answers.ts';
import { describeFilters, FROM, joinFilters, periodOr4Weeks, placedLeavingOut } from './filters.ts';
import { noSalesSaid } from './last-sale-note.ts';
import { rankingWords } from './market.ts';
import { attributesOf } from './product-rows.ts';
import { customerTypeCell } from './customer-rows.ts';
import { rowsWanted, type Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/**
 * Customers ranked by units bought (returns deducted) for a period (default: the last four weeks)
 * and any product or customer filters, the customer-side twin of the best-selling products.
 */
export const topCustomersTool: Tool = async (box, req) => {
  const { lang } = req;
  const period = periodOr4Weeks(req);
  const entities = { ...placedLeavingOut(req), ...(period ? { period } : {}) };
  const f = joinFilters(entities);
  const k = rowsWanted(entities);
  // "Top customers by number of orders", "¿quién compra más seguido?": how often, not how much.
  const byOrders = req.entities.rank_by === 'orders';
  const rows = await box.data.query(
    `SELECT t.customer_id::DOUBLE AS customer, any_value(c.customer_type) AS type,
            sum(t.items)::DOUBLE AS units, count(DISTINCT t.order_id)::DOUBLE AS orders
     FROM ${FROM} WHERE ${f.where}
     GROUP BY t.customer_id HAVING sum(t.items) > 0
     ORDER BY ${byOrders ? 'orders DESC, units DESC' : 'units DESC'}, customer LIMIT ${k} OFFSET ${req.offset}`,
    f.params,
  );
  const { when, scope, noSales } = rankingWords(entities, period, lang);
  const units = (r: Row) => formatNumber(Number(r.units), lang);
  const orders = (r: Row) => formatNumber(Number(r.orders), lang);
  const bought = (r: Row) =>
    say(
      lang,
      `${countOf(Number(r.units), lang, NOUN.unit)} en ${countOf(Number(r.orders), lang, NOUN.order)}`,
      `${countOf(Number(r.units), lang, NOUN.unit)} in ${countOf(Number(r.orders), lang, NOUN.order)}`,
    );
  const oftenest = (r: Row) =>
    `${countOf(Number(r.orders), lang, NOUN.order)} (${countOf(Number(r.units), lang, NOUN.unit)})`;
  const figures = byOrders ? oftenest : bought;
  const lead = byOrders
    ? say(lang, 'Los clientes con más pedidos', 'Customers with the most orders')
    : say(lang, 'Los mejores clientes', 'Best customers');
  const listed = rows
    .map((r) =>
      say(
        lang,
        `cliente ${r.customer} (${customerTypeCell(r, lang)}) con ${figures(r)}`,
        `customer ${r.customer} (${customerTypeCell(r, lang)}) with ${figures(r)}`,
      ),
    )
    .join('; ');
  const { period: _asked, ...anyTime } = entities;
  const empty =
    rows.length === 0 ? await noSalesSaid(box, req, period, joinFilters(anyTime), noSales) : undefined;
  const text = empty ? empty.text : `${lead} ${when}${scope}: ${listed}.`;
  return {
    text,
    answered: true,
    exclusionApplied: true,
    basedOn: [
      when,
      ...describeFilters(entities, lang),
      ...(byOrders ? [say(lang, 'pedidos distintos', 'distinct orders')] : []),
      netUnits('bought', lang),
    ],
    table: rankedTable(
      req.offset,
      [column('customer', lang), column('type', lang), column('units', lang), column('orders', lang)],
      rows,
      (r) => [String(r.customer), customerTypeCell(r, lang), units(r), orders(r)],
    ),
    chart: byOrders
      ? ordersChart(when, rows, lang)
      : unitsChart(say(lang, 'cliente', 'customer'), when, rows, (r) => String(r.customer), lang),
    data: {
      period: period ?? null,
      ...(byOrders ? { ranked_by: 'orders' } : {}),
      ...(empty?.lastSale !== undefined ? { last_sale: empty.lastSale } : {}),
      customers: rows.map((r) => ({
        customer: Number(r.customer),
        units: Number(r.units),
        orders: Number(r.orders),
      })),
    },
    customers: rows.map((r) => Number(r.customer)),
    shown: rows.length,
    placeApplied: true,
  };
};

/** The orders of each customer ranked by them, as a bar chart. */
function ordersChart(when: string, rows: readonly Row[], lang: Lang): ChatChart {
  return {
    kind: 'bar',
    title: say(lang, `Pedidos por cliente, ${when}`, `Orders by customer, ${when}`),
    labels: rows.map((r) => String(r.customer)),
    series: [{ name: say(lang, 'pedidos', 'orders'), values: rows.map((r) => Number(r.orders)) }],
  };
}

/**
 * The customers who bought one product in a period (default: the last four weeks), largest first,
 * with their last purchase of it: who already buys it, where `likely_buyers` says who will.
 */
export const productBuyersTool: Tool = async (box, req) => {
  const { lang, vocab } = req;
  const id = req.entities.product_id;
  if (id === undefined) return needsProduct(lang);
  if (req.productText || !vocab.productIds.has(id))
    return unknownProduct(req.productText ?? String(id), lang);
  const period = periodOr4Weeks(req);
  const entities = { ...req.entities, ...(period ? { period } : {}) };
  const f = joinFilters(entities);
  const k = rowsWanted(entities);
  const [attributes] = await box.data.query(
    `SELECT brand, category, sub_category, segment, package, size::DOUBLE AS size FROM products WHERE product_id = $1`,
    [id],
  );
  const label = productLabel(id, attributes && attributesOf(attributes), lang);
  const rows = await box.data.query(
    `SELECT t.customer_id::DOUBLE AS customer, any_value(c.customer_type) AS type,
            sum(t.items)::DOUBLE AS units, max(t.purchase_date)::DATE::VARCHAR AS last,
            count(*) OVER ()::DOUBLE AS buyers, sum(sum(t.items)) OVER ()::DOUBLE AS total
     FROM ${FROM} WHERE ${f.where} AND t.product_id = $${f.params.length + 1}
     GROUP BY t.customer_id HAVING sum(t.items) > 0
     ORDER BY units DESC, last DESC, customer LIMIT ${k} OFFSET ${req.offset}`,
    [...f.params, id],
  );
  const { when, scope } = rankingWords(entities, period, lang);
  const buyers = Number(rows[0]?.buyers ?? 0);
  const total = countOf(Number(rows[0]?.total ?? 0), lang, NOUN.unit);
  const units = (r: Row) => formatNumber(Number(r.units), lang);
  const last = (r: Row) => formatDay(String(r.last), lang);
  const text =
    rows.length === 0
      ? say(lang, `Nadie compró el ${label} ${when}${scope}.`, `No customer bought ${label} ${when}${scope}.`)
      : say(
          lang,
          `El ${label} lo ${agree(buyers, ['compró', 'compraron'])} ${countOf(buyers, lang, NOUN.customer)} ${when}${scope}, ${total} en total: ${rows.map((r) => `cliente ${r.customer} con ${countOf(Number(r.units), lang, NOUN.unit)} (última compra el ${last(r)})`).join('; ')}.`,
          `${countOf(buyers, lang, NOUN.customer)} bought ${label} ${when}${scope}, ${total} in all: ${rows.map((r) => `customer ${r.customer} with ${countOf(Number(r.units), lang, NOUN.unit)} (last purchase on ${last(r)})`).join('; ')}.`,
        );
  return {
    text,
    answered: true,
    basedOn: [when, label, ...describeFilters(entities, lang), netUnits('bought', lang)],
    table: rankedTable(
      req.offset,
      [column('customer', lang), column('type', lang), column('units', lang), column('lastPurchase', lang)],
      rows,
      (r) => [String(r.customer), customerTypeCell(r, lang), units(r), last(r)],
    ),
    data: {
      period: period ?? null,
      product: id,
      buyers,
      customers: rows.map((r) => ({ customer: Number(r.customer), units: Number(r.units), last: r.last })),
    },
    products: [id],
    customers: rows.map((r) => Number(r.customer)),
    shown: rows.length,
  };
};
