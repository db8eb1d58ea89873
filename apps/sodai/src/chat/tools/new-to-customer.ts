import {
  customerTypeWords,
  formatNumber,
  formatPercent,
  productDescription,
  productLabel,
  say,
} from '../format.ts';
import { column, needsCustomer, noTransactions, rankedTable, unknownCustomer } from './answers.ts';
import { CROSS_SELL_WEEKS } from './bought-with.ts';
import { catalogFilter, describeFilters, describePeriod, periodOrWeeks } from './filters.ts';
import { attributesOf, PRODUCT_COLUMNS } from './product-rows.ts';
import { rowsWanted, type Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/**
 * Products new to a customer ("¿qué le puedo vender al 1002 que no compre?", "what can I sell 1002
 * that he doesn't buy?"): those the customer never bought in the data that most other customers of
 * its type bought in the period (default the last twelve weeks), with how many of them did. The
 * model ranks only products a customer has bought before, so this is the peers' evidence instead.
 * Catalogue filters named narrow the products.
 */
export const newToCustomerTool: Tool = async (box, req) => {
  const { lang } = req;
  const id = req.entities.customer_id;
  if (id === undefined) return needsCustomer(lang);
  if (req.customerText || !req.vocab.customerIds.has(id))
    return unknownCustomer(req.customerText ?? String(id), lang, req.vocab.lastDay);
  const period = periodOrWeeks(req, CROSS_SELL_WEEKS);
  if (!period) return noTransactions(lang);
  // The customer's own type sets its peers, unless the question names them ("¿qué no compra el 1002
  // que otros restaurantes sí?"): a type named is whom he is compared with, not another filter.
  const named = req.entities.customer_type ?? null;
  const products = { ...req.entities, customer_type: undefined };
  const f = catalogFilter(products, 5);
  const k = rowsWanted(req.entities);
  const rows = await box.data.query(
    `WITH me AS (SELECT coalesce($4::VARCHAR, customer_type) AS customer_type FROM customers WHERE customer_id = $1),
          peers AS (SELECT customer_id FROM customers WHERE customer_type = (SELECT customer_type FROM me) AND customer_id <> $1),
          win AS (SELECT t.* FROM transactions t JOIN peers USING (customer_id)
                  WHERE t.purchase_date >= $2::DATE AND t.purchase_date < $3::DATE + 1),
          mine AS (SELECT DISTINCT product_id FROM transactions WHERE customer_id = $1 AND items > 0),
          theirs AS (SELECT t.product_id, count(DISTINCT t.customer_id)::DOUBLE AS buyers, sum(t.items)::DOUBLE AS units,
                            ${PRODUCT_COLUMNS}
                     FROM win t JOIN products p USING (product_id)
                     WHERE ${f.where} GROUP BY 1 HAVING sum(t.items) > 0)
     SELECT product_id::DOUBLE AS product, buyers, units, brand, category, sub_category, segment, package, size,
            (SELECT count(DISTINCT customer_id) FROM win)::DOUBLE AS active,
            (SELECT customer_type FROM me) AS type,
            count(*) OVER ()::DOUBLE AS found
     FROM theirs WHERE product_id NOT IN (SELECT product_id FROM mine)
     ORDER BY buyers DESC, units DESC, product LIMIT ${k} OFFSET ${req.offset}`,
    [id, period.from, period.to, named, ...f.params],
  );
  const [typeRow] = await box.data.query(
    `SELECT customer_type AS type FROM customers WHERE customer_id = $1`,
    [id],
  );
  const own = typeRow?.type === undefined || typeRow.type === null ? null : String(typeRow.type);
  const type = named ?? own;
  const peers = customerTypeWords(type, lang);
  const when = describePeriod(period, lang);
  const filters = describeFilters(products, lang);
  const scope = filters.length ? ` (${filters.join(', ')})` : '';
  const active = Number(rows[0]?.active ?? 0);
  const share = (r: Row) => (active > 0 ? Number(r.buyers) / active : 0);
  const line = (r: Row) =>
    say(
      lang,
      `${productLabel(Number(r.product), attributesOf(r), lang)}: lo compraron ${formatNumber(Number(r.buyers), lang)} de ${formatNumber(active, lang)} ${peers} (${formatPercent(share(r), lang)})`,
      `${productLabel(Number(r.product), attributesOf(r), lang)}: bought by ${formatNumber(Number(r.buyers), lang)} of ${formatNumber(active, lang)} ${peers} (${formatPercent(share(r), lang)})`,
    );
  const text =
    rows.length === 0
      ? say(
          lang,
          `No encuentro productos${scope} que compren otros ${peers} ${when} y el cliente ${id} no haya comprado nunca.`,
          `I find no products${scope} that other ${peers} bought ${when} and customer ${id} never has.`,
        )
      : say(
          lang,
          `Productos${scope} que el cliente ${id} nunca compró y sí compraron otros ${peers} ${when}: ${rows.map(line).join('; ')}.`,
          `Products${scope} customer ${id} has never bought that other ${peers} bought ${when}: ${rows.map(line).join('; ')}.`,
        );
  return {
    text,
    answered: true,
    basedOn: [
      when,
      ...filters,
      say(
        lang,
        `productos sin ninguna compra del cliente ${id} en los datos, por cuántos otros ${peers} los compraron`,
        `products with no purchase by customer ${id} in the data, by how many other ${peers} bought them`,
      ),
    ],
    table: rankedTable(
      req.offset,
      [
        column('product', lang),
        column('description', lang),
        [say(lang, `Otros ${peers} que lo compran`, `Other ${peers} buying it`), true],
        column('share', lang),
      ],
      rows,
      (r) => [
        String(r.product),
        productDescription(attributesOf(r), lang),
        formatNumber(Number(r.buyers), lang),
        formatPercent(share(r), lang),
      ],
    ),
    data: {
      customer: id,
      customer_type: type,
      period,
      peers_buying: active,
      found: Number(rows[0]?.found ?? 0),
      products: rows.map((r) => ({ product: Number(r.product), buyers: Number(r.buyers), share: share(r) })),
    },
    products: rows.map((r) => Number(r.product)),
    customers: [id],
    shown: rows.length,
  };
};
