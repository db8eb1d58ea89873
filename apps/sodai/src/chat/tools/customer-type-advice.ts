import type { Lang } from '../../contract/api.ts';
import type { ServingModel } from '../../scoring/serving-model.ts';
import { countOf, NOUN } from '../count-words.ts';
import { customerTypeWords, formatNumber, formatPercent, productDescription, say } from '../format.ts';
import { scorerLabel } from '../scorer-label.ts';
import { column, netUnits, noTransactions, notAnswered, rankedTable } from './answers.ts';
import { describeFilters, describePeriod, FROM, joinFilters, periodOr4Weeks, scopeWords } from './filters.ts';
import { passesCatalogFilters } from './product-filter.ts';
import { attributesOf, PRODUCT_COLUMNS } from './product-rows.ts';
import { rowsWanted, type Tool, type ToolAnswer, type ToolRequest } from './toolbox.ts';
import { weekOf } from './with-model.ts';

/** What customers of the type are expected to buy of one product next week, from the model's rows. */
interface ProductOutlook {
  readonly product: number;
  /** Sum of the purchase probabilities: how many of those customers are expected to buy it. */
  expected: number;
  /** Customers whose probability passes the model's buying threshold. */
  above: number;
}

const NOUN_EXPECTED = {
  es: ['comprador esperado', 'compradores esperados'],
  en: ['expected buyer', 'expected buyers'],
} as const;

/**
 * What to offer a type of customer ("¿qué le vendo a los minimarkets?", "what should I offer
 * restaurants?"): the products its customers are most likely to buy next week, ranked by the
 * expected number of buyers among them (the sum of the served model's probabilities over the
 * type's scored customers), with how many pass the buying threshold. Without a served model, the
 * products most of them bought in the last four weeks, said to be from history. The type's size
 * comes from the customer master, so a type the data does not hold says so.
 */
export const customerTypeAdviceTool: Tool = async (box, req) => {
  const { lang, entities } = req;
  const type = entities.customer_type!;
  const [row] = await box.data.query('SELECT count(*)::DOUBLE AS n FROM customers WHERE customer_type = $1', [
    type,
  ]);
  const customers = Number(row?.n ?? 0);
  if (customers === 0)
    return notAnswered(
      say(
        lang,
        `No hay clientes de tipo ${customerTypeWords(type, lang)} en los datos, así que no tengo qué recomendarles.`,
        `There are no ${customerTypeWords(type, lang)} among the customers in the data, so I have nothing to recommend to them.`,
      ),
      [say(lang, '¿Cuántos clientes hay de cada tipo?', 'How many customers of each type are there?')],
      { customer_type: type, customers: 0 },
    );
  const model = box.serving.current()?.acquire();
  if (!model) return fromHistory(box, req, customers);
  try {
    return fromModel(model, req, customers);
  } finally {
    model.release();
  }
};

/** The type's customers the model scored, and each product's outlook among them, best first. */
function outlook(model: ServingModel, req: ToolRequest): { scored: number; products: ProductOutlook[] } {
  const { entities } = req;
  const { customerIds, productIds } = model.features.matrix;
  const byProduct = new Map<number, ProductOutlook>();
  const scored = new Set<number>();
  for (let r = 0; r < model.features.rows; r++) {
    const customer = customerIds[r]!;
    if (model.catalog.customers.get(customer)?.customerType !== entities.customer_type) continue;
    const product = productIds[r]!;
    const attributes = model.catalog.products.get(product)?.attributes;
    if (!attributes || !passesCatalogFilters(attributes, entities)) continue;
    scored.add(customer);
    const p = byProduct.get(product) ?? { product, expected: 0, above: 0 };
    p.expected += model.scores[r]!;
    if (model.scores[r]! >= model.threshold) p.above++;
    byProduct.set(product, p);
  }
  const products = [...byProduct.values()].sort((a, b) => b.expected - a.expected || a.product - b.product);
  return { scored: scored.size, products };
}

function fromModel(model: ServingModel, req: ToolRequest, customers: number): ToolAnswer {
  const { lang, entities } = req;
  const type = entities.customer_type!;
  const { scored, products } = outlook(model, req);
  const items = products.slice(req.offset, req.offset + rowsWanted(entities));
  const week = weekOf(model, lang);
  const who = theCustomersOfType(type, customers, lang);
  const scope = scopeWords({ ...entities, customer_type: undefined }, lang);
  const describe = (p: ProductOutlook) => {
    const a = model.catalog.products.get(p.product)!.attributes;
    return say(
      lang,
      `producto ${p.product} (${productDescription(a, lang)}): ${countOf(p.expected, lang, NOUN_EXPECTED, 1)} (${formatNumber(p.above, lang)} sobre el umbral)`,
      `product ${p.product} (${productDescription(a, lang)}): ${countOf(p.expected, lang, NOUN_EXPECTED, 1)} (${formatNumber(p.above, lang)} above the threshold)`,
    );
  };
  const text =
    items.length === 0
      ? say(
          lang,
          `Para ${week} el modelo no tiene productos candidatos${scope} para ${who} (${formatNumber(scored, lang)} con predicción).`,
          `For ${week} the model has no candidate products${scope} for ${who} (${formatNumber(scored, lang)} scored).`,
        )
      : say(
          lang,
          `Para ${week}, lo que más probablemente compren ${who} (${formatNumber(scored, lang)} con predicción del modelo)${scope}: ${items.map(describe).join('; ')}.`,
          `For ${week}, what ${who} (${formatNumber(scored, lang)} scored by the model) are most likely to buy${scope}: ${items.map(describe).join('; ')}.`,
        );
  return {
    text,
    answered: true,
    basedOn: [
      scorerLabel(model, lang),
      say(lang, `predicción para ${week}`, `prediction for ${week}`),
      say(
        lang,
        'compradores esperados: suma de las probabilidades de compra de los clientes del tipo; sobre el umbral: los que el modelo da por compradores',
        "expected buyers: the sum of the type's customers' purchase probabilities; above the threshold: those the model counts as buyers",
      ),
      ...describeFilters(entities, lang),
    ],
    table: rankedTable(
      req.offset,
      [
        column('product', lang),
        column('description', lang),
        [say(lang, 'Compradores esperados', 'Expected buyers'), true],
        [say(lang, 'Sobre el umbral', 'Above threshold'), true],
        [say(lang, 'Probabilidad media', 'Mean probability'), true],
      ],
      items,
      (p) => [
        String(p.product),
        productDescription(model.catalog.products.get(p.product)!.attributes, lang),
        formatNumber(p.expected, lang, 1),
        formatNumber(p.above, lang),
        formatPercent(scored > 0 ? p.expected / scored : 0, lang),
      ],
    ),
    data: {
      customer_type: type,
      customers,
      scored_customers: scored,
      model_version: model.version,
      from: 'model',
      products: items.map((p) => ({
        product: p.product,
        expected_buyers: p.expected,
        above_threshold: p.above,
      })),
    },
    products: items.map((p) => p.product),
    shown: items.length,
    suggestions: [
      say(lang, 'Muéstrame más', 'Show me more'),
      say(
        lang,
        `¿Qué ${customerTypeWords(type, lang)} compran más?`,
        `Which ${customerTypeWords(type, lang)} buy the most?`,
      ),
    ],
  };
}

/** Without a served model: what most of the type's customers bought in the last four weeks. */
async function fromHistory(
  box: Parameters<Tool>[0],
  req: ToolRequest,
  customers: number,
): Promise<ToolAnswer> {
  const { lang, entities } = req;
  const period = periodOr4Weeks({ ...req, entities: { ...entities, period: undefined } });
  if (!period) return noTransactions(lang);
  const f = joinFilters({ ...entities, period });
  const rows = await box.data.query(
    `SELECT t.product_id::DOUBLE AS product, count(DISTINCT t.customer_id)::DOUBLE AS buyers,
            sum(t.items)::DOUBLE AS units, ${PRODUCT_COLUMNS}
     FROM ${FROM} WHERE ${f.where}
     GROUP BY t.product_id HAVING sum(t.items) > 0
     ORDER BY buyers DESC, units DESC, product LIMIT ${rowsWanted(entities)} OFFSET ${req.offset}`,
    f.params,
  );
  const type = entities.customer_type!;
  const who = theCustomersOfType(type, customers, lang);
  const when = describePeriod(period, lang);
  const list = rows
    .map((r) =>
      say(
        lang,
        `producto ${r.product} (${productDescription(attributesOf(r), lang)}): ${countOf(Number(r.buyers), lang, NOUN.customer)}`,
        `product ${r.product} (${productDescription(attributesOf(r), lang)}): ${countOf(Number(r.buyers), lang, NOUN.customer)}`,
      ),
    )
    .join('; ');
  return {
    text: say(
      lang,
      `No hay un modelo sirviendo predicciones, así que me baso en el historial: lo que compraron más de ${who} ${when}: ${list || 'nada'}.`,
      `No model is serving predictions, so this is from purchase history: what most of ${who} bought ${when}: ${list || 'nothing'}.`,
    ),
    answered: true,
    basedOn: [when, ...describeFilters(entities, lang), netUnits('bought', lang)],
    table: rankedTable(
      req.offset,
      [
        column('product', lang),
        column('description', lang),
        column('customers', lang),
        column('units', lang),
      ],
      rows,
      (r) => [
        String(r.product),
        productDescription(attributesOf(r), lang),
        formatNumber(Number(r.buyers), lang),
        formatNumber(Number(r.units), lang),
      ],
    ),
    data: {
      customer_type: type,
      customers,
      from: 'history',
      products: rows.map((r) => ({ product: Number(r.product), buyers: Number(r.buyers) })),
    },
    products: rows.map((r) => Number(r.product)),
    shown: rows.length,
  };
}

/** "los 8 mayoristas", "the 8 wholesalers"; "el único minimarket", "the one minimarket". */
function theCustomersOfType(type: string, customers: number, lang: Lang): string {
  const words = customerTypeWords(type, lang, customers !== 1);
  if (customers === 1) return say(lang, `el único ${words}`, `the one ${words}`);
  return say(
    lang,
    `los ${formatNumber(customers, lang)} ${words}`,
    `the ${formatNumber(customers, lang)} ${words}`,
  );
}
