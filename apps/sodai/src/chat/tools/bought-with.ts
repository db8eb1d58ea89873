import { countOf, NOUN } from '../count-words.ts';
import { formatNumber, formatPercent, productDescription, say } from '../format.ts';
import { column, noTransactions, rankedTable } from './answers.ts';
import { catalogFilter, describeFilters, describePeriod, periodOrWeeks } from './filters.ts';
import { attributesOf, PRODUCT_COLUMNS } from './product-rows.ts';
import { rowsWanted, type Tool, type ToolAnswer, type ToolRequest } from './toolbox.ts';
import { needsProduct, unknownProduct } from './answers.ts';

type Row = Readonly<Record<string, unknown>>;

/** Cross-selling reads habits, which a few weeks do not show: twelve unless a period is named. */
export const CROSS_SELL_WEEKS = 12;

/** The product a cross-selling question is about, or the honest answer when it is unknown. */
export function crossSellProduct(req: ToolRequest): number | ToolAnswer {
  const id = req.entities.product_id;
  if (id === undefined && !req.productText) return needsProduct(req.lang);
  if (req.productText || id === undefined || !req.vocab.productIds.has(id))
    return unknownProduct(req.productText ?? String(id), req.lang);
  return id;
}

/**
 * What else the buyers of one product buy: of the customers who bought it in the period (default the
 * last twelve weeks), how many also bought each other product there (the share of them), and in how
 * many of its orders the two went together; most shared buyers first. Catalogue filters named narrow
 * the other products ("¿qué latas compran también …?"). A sales rep's cross-selling list.
 */
export const boughtWithTool: Tool = async (box, req) => {
  const { lang } = req;
  const product = crossSellProduct(req);
  if (typeof product !== 'number') return product;
  const period = periodOrWeeks(req, CROSS_SELL_WEEKS);
  if (!period) return noTransactions(lang);
  const entities = { ...req.entities, period, customer_type: undefined };
  const f = catalogFilter(entities, 4);
  const k = rowsWanted(entities);
  const rows = await box.data.query(
    `WITH win AS (SELECT * FROM transactions t WHERE t.purchase_date >= $2::DATE AND t.purchase_date < $3::DATE + 1 AND t.items > 0),
          base AS (SELECT DISTINCT customer_id FROM win WHERE product_id = $1),
          base_orders AS (SELECT DISTINCT order_id FROM win WHERE product_id = $1)
     SELECT t.product_id::DOUBLE AS product, ${PRODUCT_COLUMNS},
            count(DISTINCT t.customer_id)::DOUBLE AS customers,
            count(DISTINCT t.order_id) FILTER (WHERE t.order_id IN (SELECT order_id FROM base_orders))::DOUBLE AS together,
            (SELECT count(*) FROM base)::DOUBLE AS buyers, (SELECT count(*) FROM base_orders)::DOUBLE AS orders
     FROM win t JOIN base USING (customer_id) JOIN products p ON p.product_id = t.product_id
     WHERE t.product_id <> $1 AND ${f.where}
     GROUP BY ALL ORDER BY customers DESC, together DESC, product LIMIT ${k} OFFSET ${req.offset}`,
    [product, period.from, period.to, ...f.params],
  );
  const [base] = await box.data.query(
    `SELECT count(DISTINCT customer_id)::DOUBLE AS buyers FROM transactions
     WHERE product_id = $1 AND items > 0 AND purchase_date >= $2::DATE AND purchase_date < $3::DATE + 1`,
    [product, period.from, period.to],
  );
  const buyers = Number(base?.buyers ?? 0);
  const orders = Number(rows[0]?.orders ?? 0);
  const when = describePeriod(period, lang);
  const filters = describeFilters(entities, lang);
  const within = filters.length ? ` (${filters.join(', ')})` : '';
  const share = (r: Row) => formatPercent(Number(r.customers) / buyers, lang);
  const togetherShare = (r: Row) => (orders > 0 ? formatPercent(Number(r.together) / orders, lang) : '—');
  const line = (r: Row) =>
    say(
      lang,
      `producto ${r.product} (${productDescription(attributesOf(r), lang)}): ${formatNumber(Number(r.customers), lang)} de ellos (${share(r)}), en el mismo pedido el ${togetherShare(r)} de las veces`,
      `product ${r.product} (${productDescription(attributesOf(r), lang)}): ${formatNumber(Number(r.customers), lang)} of them (${share(r)}), in the same order ${togetherShare(r)} of the time`,
    );
  const text =
    buyers === 0
      ? say(
          lang,
          `Nadie compró el producto ${product} ${when}, así que no hay qué compran también.`,
          `Nobody bought product ${product} ${when}, so there is nothing they also buy.`,
        )
      : rows.length === 0
        ? say(
            lang,
            `Los ${countOf(buyers, lang, NOUN.customer)} que compraron el producto ${product} ${when} no compraron otros productos${within}.`,
            `The ${countOf(buyers, lang, NOUN.customer)} who bought product ${product} ${when} bought no other products${within}.`,
          )
        : say(
            lang,
            `De los ${countOf(buyers, lang, NOUN.customer)} que compraron el producto ${product} ${when}, lo que más compran también${within}: ${rows.map(line).join('; ')}.`,
            `Of the ${countOf(buyers, lang, NOUN.customer)} who bought product ${product} ${when}, what they also buy most${within}: ${rows.map(line).join('; ')}.`,
          );
  return {
    text,
    answered: true,
    basedOn: [
      when,
      ...filters,
      say(
        lang,
        `clientes que compraron el producto ${product} en el período y los otros productos que compraron en él; mismo pedido: parte de los pedidos con el ${product} que también lo llevan`,
        `customers who bought product ${product} in the period and the other products they bought in it; same order: share of the orders with ${product} that also hold it`,
      ),
    ],
    table: rankedTable(
      req.offset,
      [
        column('product', lang),
        column('description', lang),
        column('customers', lang),
        [say(lang, `% de compradores del ${product}`, `% of ${product}'s buyers`), true],
        [say(lang, 'Mismo pedido', 'Same order'), true],
      ],
      rows,
      (r) => [
        String(r.product),
        productDescription(attributesOf(r), lang),
        formatNumber(Number(r.customers), lang),
        share(r),
        togetherShare(r),
      ],
    ),
    data: {
      product,
      period,
      buyers,
      orders,
      also_bought: rows.map((r) => ({
        product: Number(r.product),
        customers: Number(r.customers),
        together: Number(r.together),
      })),
    },
    products: rows.map((r) => Number(r.product)),
    shown: rows.length,
  };
};
