import { agree, countOf, NOUN } from '../count-words.ts';
import { formatDay, formatNumber, productDescription, say } from '../format.ts';
import { meetsBar } from './bar.ts';
import { column, needsCustomer, needsProduct, table, unknownCustomer, unknownProduct } from './answers.ts';
import { catalogFilter, describeFilters, describePeriod, periodFilter } from './filters.ts';
import { rowsWanted, type Tool, type ToolAnswer, type ChatToolbox, type ToolRequest } from './toolbox.ts';
import { attributesOf, PRODUCT_COLUMNS } from './product-rows.ts';

/** The honest answer when the question names no customer, or one the data does not know. */
export function checkCustomer(req: ToolRequest): ToolAnswer | undefined {
  const id = req.entities.customer_id;
  if (id === undefined) return needsCustomer(req.lang);
  if (req.customerText || !req.vocab.customerIds.has(id))
    return unknownCustomer(req.customerText ?? String(id), req.lang, req.vocab.lastDay);
  return undefined;
}

/**
 * How the question narrows the named customer's purchases, as SQL numbered after the customer's id
 * ($1): its catalogue filters (not the customer type, which the customer fixes) and its period.
 */
export function customerScope(req: ToolRequest) {
  const catalog = catalogFilter({ ...req.entities, customer_type: undefined }, 2);
  const period = periodFilter(req.entities.period, 2 + catalog.params.length);
  return { catalog, period };
}

/** "transacciones hasta el …": how far the data goes, for an answer's "based on". */
export const dataUpTo = (req: ToolRequest) =>
  req.vocab.lastDay
    ? [
        say(
          req.lang,
          `transacciones hasta el ${formatDay(req.vocab.lastDay, req.lang)}`,
          `transactions up to ${formatDay(req.vocab.lastDay, req.lang)}`,
        ),
      ]
    : [];

/** Where the named customer's purchases are, as the question narrows them, with its parameters. */
function customerWhere(req: ToolRequest) {
  const id = req.entities.customer_id!;
  const { catalog, period } = customerScope(req);
  // "¿El 100001 compró el 20113 alguna vez?": that product's purchases only.
  const product = req.entities.product_id;
  const params = [id, ...catalog.params, ...period.params, ...(product === undefined ? [] : [product])];
  const where =
    `t.customer_id = $1 AND ${catalog.where} AND ${period.where}` +
    (product === undefined ? '' : ` AND t.product_id = $${params.length}`);
  return { where, params };
}

/**
 * "El cliente 1002 hizo 3 pedidos la semana pasada (…): 22 líneas, 1552 unidades de 12 productos
 * distintos, entre el … y el …": the summary of a customer's purchases in the question's scope, in
 * words and figures, which the history and the list of his products both open with.
 */
export async function customerSummary(box: ChatToolbox, req: ToolRequest) {
  const { lang, entities } = req;
  const id = entities.customer_id!;
  const product = entities.product_id;
  const { where, params } = customerWhere(req);
  const [summary] = await box.data.query(
    `SELECT count(*)::DOUBLE AS lines, count(DISTINCT t.order_id)::DOUBLE AS orders, coalesce(sum(t.items), 0)::DOUBLE AS units,
            count(DISTINCT t.product_id)::DOUBLE AS products,
            min(t.purchase_date)::DATE::VARCHAR AS first, max(t.purchase_date)::DATE::VARCHAR AS last
     FROM transactions t JOIN products p USING (product_id) WHERE ${where}`,
    params,
  );
  const orders = Number(summary?.orders ?? 0);
  // The period reads as part of the sentence: it carries its own dates in parentheses, and
  // "(la semana pasada (23 dic – 29 dic))" nested them.
  const periodWords = entities.period ? describePeriod(entities.period, lang) : null;
  const narrowedTo = [
    product === undefined ? null : say(lang, `producto ${product}`, `product ${product}`),
    ...describeFilters({ ...entities, customer_type: undefined }, lang),
  ].filter((x): x is string => x !== null);
  const scope = periodWords === null ? narrowedTo : [periodWords, ...narrowedTo];
  const within =
    (periodWords === null ? '' : ` ${periodWords}`) +
    (narrowedTo.length ? ` (${narrowedTo.join(', ')})` : '');
  // One product asked for: "of 1 different products" would say nothing.
  const ofProducts =
    product === undefined
      ? say(
          lang,
          ` de ${countOf(Number(summary?.products ?? 0), lang, NOUN.differentProduct)}`,
          ` of ${countOf(Number(summary?.products ?? 0), lang, NOUN.differentProduct)}`,
        )
      : '';
  const text =
    orders === 0
      ? say(lang, `El cliente ${id} no tiene compras${within}.`, `Customer ${id} has no purchases${within}.`)
      : say(
          lang,
          `El cliente ${id} hizo ${countOf(orders, lang, NOUN.order)}${within}: ${countOf(Number(summary!.lines), lang, NOUN.line)}, ${countOf(Number(summary!.units), lang, NOUN.unit)}${ofProducts}, entre el ${formatDay(String(summary!.first), lang)} y el ${formatDay(String(summary!.last), lang)}. Su última compra fue el ${formatDay(String(summary!.last), lang)}.`,
          `Customer ${id} placed ${countOf(orders, lang, NOUN.order)}${within}: ${countOf(Number(summary!.lines), lang, NOUN.line)}, ${countOf(Number(summary!.units), lang, NOUN.unit)}${ofProducts}, between ${formatDay(String(summary!.first), lang)} and ${formatDay(String(summary!.last), lang)}. Their last purchase was on ${formatDay(String(summary!.last), lang)}.`,
        );
  return {
    text,
    scope,
    measured: { units: Number(summary?.units ?? 0), orders, products: Number(summary?.products ?? 0) },
    data: {
      customer: id,
      orders,
      lines: Number(summary?.lines ?? 0),
      units: Number(summary?.units ?? 0),
      first: summary?.first ?? null,
      last: summary?.last ?? null,
    },
  };
}

/** What a customer bought and when: orders, units, first and last purchase, and the latest lines. */
export const customerHistoryTool: Tool = async (box, req) => {
  const problem = checkCustomer(req);
  if (problem) return problem;
  const { lang, entities } = req;
  const id = entities.customer_id!;
  const { where, params } = customerWhere(req);
  const { text, scope, measured, data } = await customerSummary(box, req);
  const k = rowsWanted(entities);
  const lines = await box.data.query(
    `SELECT t.purchase_date::DATE::VARCHAR AS day, t.product_id::DOUBLE AS product, sum(t.items)::DOUBLE AS units,
            ${PRODUCT_COLUMNS}
     FROM transactions t JOIN products p USING (product_id) WHERE ${where}
     GROUP BY ALL ORDER BY day DESC, units DESC, product LIMIT ${k} OFFSET ${req.offset}`,
    params,
  );
  // "¿El 1002 compró más de 50 unidades?" is a yes/no question: the answer opens with it.
  const bar = entities.threshold;
  const verdict =
    bar && bar.of !== 'customers'
      ? meetsBar(measured[bar.of], bar)
        ? say(lang, 'Sí. ', 'Yes. ')
        : 'No. '
      : '';
  return {
    text: `${verdict}${text}`,
    answered: true,
    basedOn: [...dataUpTo(req), ...scope],
    ...(lines.length
      ? {
          table: table(
            [
              [say(lang, 'Fecha', 'Date'), false],
              column('product', lang),
              column('description', lang),
              column('units', lang),
            ],
            lines.map((r) => [
              formatDay(String(r.day), lang),
              String(r.product),
              productDescription(attributesOf(r), lang),
              formatNumber(Number(r.units), lang),
            ]),
          ),
        }
      : {}),
    data,
    products: lines.map((r) => Number(r.product)),
    customers: [id],
    shown: lines.length,
    suggestions: [
      say(lang, `¿Cuál es la canasta habitual del cliente ${id}?`, `What is customer ${id}'s usual basket?`),
      say(lang, `¿Qué le ofrezco al cliente ${id}?`, `What should I offer customer ${id}?`),
    ],
  };
};

/** A customer's usual basket: the products bought in the most weeks. */
export const customerBasketTool: Tool = async (box, req) => {
  const problem = checkCustomer(req);
  if (problem) return problem;
  const { lang, entities } = req;
  const id = entities.customer_id!;
  const period = periodFilter(entities.period, 2);
  const k = rowsWanted(entities);
  const rows = await box.data.query(
    `WITH w AS (SELECT count(DISTINCT date_trunc('week', t.purchase_date))::DOUBLE AS weeks FROM transactions t WHERE t.customer_id = $1 AND ${period.where})
     SELECT t.product_id::DOUBLE AS product, count(DISTINCT date_trunc('week', t.purchase_date))::DOUBLE AS weeks,
            sum(t.items)::DOUBLE AS units, any_value(w.weeks) AS active_weeks,
            ${PRODUCT_COLUMNS}
     FROM transactions t JOIN products p USING (product_id), w
     WHERE t.customer_id = $1 AND ${period.where}
     GROUP BY t.product_id HAVING sum(t.items) > 0
     ORDER BY weeks DESC, units DESC, product LIMIT ${k} OFFSET ${req.offset}`,
    [id, ...period.params],
  );
  const active = Number(rows[0]?.active_weeks ?? 0);
  const text =
    rows.length === 0
      ? say(
          lang,
          `El cliente ${id} no tiene compras${entities.period ? ` ${entities.period.label}` : ''}.`,
          `Customer ${id} has no purchases${entities.period ? ` ${entities.period.label}` : ''}.`,
        )
      : say(
          lang,
          `La canasta habitual del cliente ${id} (compró en ${countOf(active, lang, NOUN.week)}): ${rows.map((r) => `producto ${r.product} (${productDescription(attributesOf(r), lang)}) en ${countOf(Number(r.weeks), lang, NOUN.week)}`).join('; ')}.`,
          `Customer ${id}'s usual basket (bought in ${countOf(active, lang, NOUN.week)}): ${rows.map((r) => `product ${r.product} (${productDescription(attributesOf(r), lang)}) in ${countOf(Number(r.weeks), lang, NOUN.week)}`).join('; ')}.`,
        );
  return {
    text,
    answered: true,
    basedOn: [...dataUpTo(req), ...(entities.period ? [describePeriod(entities.period, lang)] : [])],
    table: table(
      [
        column('product', lang),
        column('description', lang),
        [say(lang, 'Semanas con compra', 'Weeks bought'), true],
        column('units', lang),
      ],
      rows.map((r) => [
        String(r.product),
        productDescription(attributesOf(r), lang),
        formatNumber(Number(r.weeks), lang),
        formatNumber(Number(r.units), lang),
      ]),
    ),
    data: {
      customer: id,
      active_weeks: active,
      basket: rows.map((r) => ({
        product: Number(r.product),
        weeks: Number(r.weeks),
        units: Number(r.units),
      })),
    },
    products: rows.map((r) => Number(r.product)),
    customers: [id],
    shown: rows.length,
  };
};

/**
 * How often a customer buys (or buys one product): the days and orders with a purchase, the weeks
 * and the usual gap, in the period named ("¿cuántas veces compró en noviembre?") or over all its
 * history.
 */
export const customerFrequencyTool: Tool = async (box, req) => {
  const problem = checkCustomer(req);
  if (problem) return problem;
  const { lang, entities } = req;
  const id = entities.customer_id!;
  if (entities.product_id !== undefined && !req.vocab.productIds.has(entities.product_id))
    return unknownProduct(String(entities.product_id), lang);
  const product = entities.product_id === undefined ? null : entities.product_id;
  const period = periodFilter(entities.period, product === null ? 2 : 3);
  const params = [id, ...(product === null ? [] : [product]), ...period.params];
  const bought = `t.customer_id = $1${product === null ? '' : ' AND t.product_id = $2'} AND ${period.where}`;
  const [r] = await box.data.query(
    `WITH days AS (SELECT DISTINCT t.purchase_date::DATE AS d FROM transactions t WHERE ${bought}),
          gaps AS (SELECT d, d - lag(d) OVER (ORDER BY d) AS gap FROM days)
     SELECT count(*)::DOUBLE AS days, median(gap)::DOUBLE AS median_gap, min(d)::VARCHAR AS first, max(d)::VARCHAR AS last,
            count(DISTINCT date_trunc('week', d))::DOUBLE AS weeks,
            (SELECT count(DISTINCT t.order_id) FROM transactions t WHERE ${bought})::DOUBLE AS orders
     FROM gaps`,
    params,
  );
  const days = Number(r?.days ?? 0);
  const what = product !== null ? say(lang, ` el producto ${product}`, ` product ${product}`) : '';
  const within = entities.period ? ` ${describePeriod(entities.period, lang)}` : '';
  const basedOn = [...dataUpTo(req), ...(entities.period ? [describePeriod(entities.period, lang)] : [])];
  if (days === 0) {
    return {
      text: entities.period
        ? say(
            lang,
            `El cliente ${id} no compró${what}${within}.`,
            `Customer ${id} did not buy${what}${within}.`,
          )
        : say(lang, `El cliente ${id} nunca compró${what}.`, `Customer ${id} never bought${what}.`),
      answered: true,
      basedOn,
      data: { customer: id, period: entities.period ?? null, purchase_days: 0, orders: 0 },
      customers: [id],
    };
  }
  const gap = r!.median_gap === null ? null : Number(r!.median_gap);
  const orders = Number(r!.orders);
  const rhythm =
    gap === null
      ? say(lang, 'solo compró un día', 'bought on one day only')
      : say(
          lang,
          `compra cada ${countOf(gap, lang, NOUN.day)} (mediana)`,
          `buys every ${countOf(gap, lang, NOUN.day)} (median)`,
        );
  const first = formatDay(String(r!.first), lang);
  const last = formatDay(String(r!.last), lang);
  // A period named is the answer's frame: its days and orders, then when within it he bought.
  const text = entities.period
    ? say(
        lang,
        `El cliente ${id} compró${what}${within} en ${countOf(days, lang, NOUN.differentDay)}, con ${countOf(orders, lang, NOUN.order)} (${countOf(Number(r!.weeks), lang, NOUN.week)}), entre el ${first} y el ${last}: ${rhythm}.`,
        `Customer ${id} bought${what}${within} on ${countOf(days, lang, NOUN.differentDay)}, in ${countOf(orders, lang, NOUN.order)} (${countOf(Number(r!.weeks), lang, NOUN.week)}), between ${first} and ${last}: ${rhythm}.`,
      )
    : say(
        lang,
        `El cliente ${id} compró${what} en ${countOf(days, lang, NOUN.differentDay)} (${countOf(Number(r!.weeks), lang, NOUN.week)}) entre el ${first} y el ${last}: ${rhythm}. Última compra: ${last}.`,
        `Customer ${id} bought${what} on ${countOf(days, lang, NOUN.differentDay)} (${countOf(Number(r!.weeks), lang, NOUN.week)}) between ${first} and ${last}: ${rhythm}. Last purchase: ${last}.`,
      );
  return {
    text,
    answered: true,
    basedOn,
    data: {
      customer: id,
      period: entities.period ?? null,
      purchase_days: days,
      orders,
      weeks: Number(r!.weeks),
      median_gap_days: gap,
      last: r!.last,
    },
    customers: [id],
  };
};

/** A product's attributes and its sales in the data. */
export const productInfoTool: Tool = async (box, req) => {
  const { lang, entities } = req;
  const id = entities.product_id;
  if (id === undefined) return needsProduct(lang);
  if (req.productText || !req.vocab.productIds.has(id))
    return unknownProduct(req.productText ?? String(id), lang);
  const [r] = await box.data.query(
    `SELECT p.brand, p.category, p.sub_category, p.segment, p.package, p.size::DOUBLE AS size,
            (SELECT count(DISTINCT customer_id)::DOUBLE FROM transactions WHERE product_id = $1) AS customers,
            (SELECT coalesce(sum(items), 0)::DOUBLE FROM transactions WHERE product_id = $1) AS units,
            (SELECT max(purchase_date)::DATE::VARCHAR FROM transactions WHERE product_id = $1) AS last
     FROM products p WHERE p.product_id = $1`,
    [id],
  );
  const a = attributesOf(r!);
  const text = say(
    lang,
    `El producto ${id} es ${productDescription(a, lang)}, ${a.sub_category ?? ''} (${a.category ?? ''}), segmento ${a.segment ?? '—'}. ${agree(Number(r!.customers), ['Lo compró', 'Lo compraron'])} ${countOf(Number(r!.customers), lang, NOUN.customer)}, ${countOf(Number(r!.units), lang, NOUN.unit)} en total${r!.last ? `; última venta el ${formatDay(String(r!.last), lang)}` : ''}.`,
    `Product ${id} is ${productDescription(a, lang)}, ${a.sub_category ?? ''} (${a.category ?? ''}), segment ${a.segment ?? '—'}. ${countOf(Number(r!.customers), lang, NOUN.customer)} bought it, ${countOf(Number(r!.units), lang, NOUN.unit)} in total${r!.last ? `; last sold on ${formatDay(String(r!.last), lang)}` : ''}.`,
  );
  return {
    text,
    answered: true,
    basedOn: dataUpTo(req),
    data: { product: id, customers: Number(r!.customers), units: Number(r!.units) },
    products: [id],
  };
};
