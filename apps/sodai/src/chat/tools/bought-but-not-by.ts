import { countOf, NOUN } from '../count-words.ts';
import type { Lang } from '../../contract/api.ts';
import { formatNumber, say } from '../format.ts';
import type { BoughtButNotBy } from '../understanding/bought-but-not-by-words.ts';
import { noTransactions, unknownCustomer } from './answers.ts';
import { customerProductLine, customerProductsTable, PRODUCTS_SHOWN } from './customer-products.ts';
import { catalogFilter, describeFilters, describePeriod, periodOrWeeks } from './filters.ts';
import { PRODUCT_COLUMNS } from './product-rows.ts';
import type { Tool } from './toolbox.ts';

/** "El 181101 y el 188331 compraron los dos 20 de los 24 productos del 181101 …: …". */
function sharedWords(
  customer: number,
  other: number,
  found: number,
  all: number,
  when: string,
  rows: readonly Readonly<Record<string, unknown>>[],
  lang: Lang,
): string {
  if (found === 0)
    return say(
      lang,
      `Los clientes ${customer} y ${other} no compraron ningún producto en común ${when}.`,
      `Customers ${customer} and ${other} bought no product in common ${when}.`,
    );
  const list = rows.map((r) => customerProductLine(r, lang)).join('; ');
  return say(
    lang,
    `Los clientes ${customer} y ${other} compraron los dos ${formatNumber(found, lang)} de los ${countOf(all, lang, NOUN.product)} que compró el ${customer} ${when} (unidades del ${customer}): ${list}.`,
    `Customers ${customer} and ${other} both bought ${formatNumber(found, lang)} of the ${countOf(all, lang, NOUN.product)} customer ${customer} bought ${when} (units of ${customer}): ${list}.`,
  );
}

/**
 * "¿Qué productos compra el 181101 que no compra el 188331?": the products the first customer
 * bought in the period (default the last 12 weeks, a season of his buying) that the second did not
 * buy in it, with the first's units, most first; within the kinds of product named. What one
 * customer's habits suggest offering the other, as a sales person sees two accounts side by side.
 */
export const boughtButNotByTool =
  (asked: BoughtButNotBy): Tool =>
  async (box, req) => {
    const { lang, vocab } = req;
    const { customer, other } = asked;
    for (const id of [customer, other])
      if (!vocab.customerIds.has(id)) return unknownCustomer(String(id), lang, vocab.lastDay);
    const period = periodOrWeeks(req, 12);
    if (!period) return noTransactions(lang);
    const catalog = catalogFilter({ ...req.entities, customer_type: undefined }, 5);
    // Every product the first bought, each marked when the second bought it too: a customer buys
    // tens of products, so the few not shared are picked here rather than in a second query.
    const mine = await box.data.query(
      `WITH theirs AS (SELECT DISTINCT product_id FROM transactions
                       WHERE customer_id = $2 AND items > 0 AND purchase_date >= $3::DATE AND purchase_date < $4::DATE + 1)
       SELECT t.product_id::DOUBLE AS product, sum(t.items)::DOUBLE AS units,
              count(DISTINCT t.order_id)::DOUBLE AS orders, ${PRODUCT_COLUMNS},
              bool_or(t.product_id IN (SELECT product_id FROM theirs)) AS shared
       FROM transactions t JOIN products p USING (product_id)
       WHERE t.customer_id = $1 AND t.purchase_date >= $3::DATE AND t.purchase_date < $4::DATE + 1 AND ${catalog.where}
       GROUP BY t.product_id HAVING sum(t.items) > 0
       ORDER BY units DESC, product`,
      [customer, other, period.from, period.to, ...catalog.params],
    );
    const k = Math.min(50, req.entities.count ?? PRODUCTS_SHOWN);
    // Those not shared, or ("en común") those shared.
    const listed = mine.filter((r) => (r.shared === true) === (asked.shared === true));
    const rows = listed.slice(req.offset, req.offset + k);
    const filters = describeFilters({ ...req.entities, customer_type: undefined }, lang);
    const within = filters.length ? ` (${filters.join(', ')})` : '';
    const when = describePeriod(period, lang);
    const found = listed.length;
    const all = mine.length;
    const text =
      asked.shared === true
        ? sharedWords(customer, other, found, all, `${when}${within}`, rows, lang)
        : all === 0
          ? say(
              lang,
              `El cliente ${customer} no compró nada ${when}${within}: no hay productos suyos que el ${other} no compre.`,
              `Customer ${customer} bought nothing ${when}${within}: there are no products of theirs that ${other} does not buy.`,
            )
          : found === 0
            ? say(
                lang,
                `El cliente ${other} compró ${when}${within} todos los productos que compró el ${customer} (${countOf(all, lang, NOUN.differentProduct)}).`,
                `Customer ${other} bought ${when}${within} every product customer ${customer} bought (${countOf(all, lang, NOUN.differentProduct)}).`,
              )
            : say(
                lang,
                `El cliente ${other} no compró ${formatNumber(found, lang)} de los ${countOf(all, lang, NOUN.product)} que compró el ${customer} ${when}${within}: ${rows.map((r) => customerProductLine(r, lang)).join('; ')}.`,
                `Customer ${other} did not buy ${formatNumber(found, lang)} of the ${countOf(all, lang, NOUN.product)} customer ${customer} bought ${when}${within}: ${rows.map((r) => customerProductLine(r, lang)).join('; ')}.`,
              );
    return {
      text,
      answered: true,
      basedOn: [
        when,
        say(
          lang,
          `compras del cliente ${customer} y del ${other}`,
          `purchases of customers ${customer} and ${other}`,
        ),
        ...filters,
      ],
      table: customerProductsTable(req.offset, rows, lang),
      data: {
        period,
        customer,
        other,
        bought: all,
        found,
        products: rows.map((r) => ({ product: Number(r.product), units: Number(r.units) })),
      },
      products: rows.map((r) => Number(r.product)),
      shown: rows.length,
    };
  };
