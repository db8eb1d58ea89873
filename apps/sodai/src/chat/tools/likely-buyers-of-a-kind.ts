import type { ServingModel } from '../../scoring/serving-model.ts';
import { agree, countOf, NOUN } from '../count-words.ts';
import { customerTypeWords, formatNumber, formatPercent, say } from '../format.ts';
import { scorerLabel } from '../scorer-label.ts';
import { column, notAnswered, rankedTable } from './answers.ts';
import { describeFilters } from './filters.ts';
import { passesCatalogFilters } from './product-filter.ts';
import { rowsWanted, type Tool, type ToolAnswer, type ToolRequest } from './toolbox.ts';
import { weekOf, withModel } from './with-model.ts';

/** One customer's outlook for a kind of product next week. */
interface CustomerOutlook {
  readonly customer: number;
  /** Product of (1 − p) over the kind's products: the chance of buying none of them. */
  none: number;
  /** The kind's products whose probability passes the buying threshold. */
  above: number;
  /** The kind's products the model scored for the customer. */
  products: number;
}

/** Each customer's chance of buying some product of the kind, best first. */
function outlooks(model: ServingModel, req: ToolRequest): CustomerOutlook[] {
  const { entities } = req;
  const { customerIds, productIds } = model.features.matrix;
  const byCustomer = new Map<number, CustomerOutlook>();
  for (let r = 0; r < model.features.rows; r++) {
    const attributes = model.catalog.products.get(productIds[r]!)?.attributes;
    if (!attributes || !passesCatalogFilters(attributes, entities)) continue;
    const customer = customerIds[r]!;
    if (
      entities.customer_type !== undefined &&
      model.catalog.customers.get(customer)?.customerType !== entities.customer_type
    )
      continue;
    const o = byCustomer.get(customer) ?? { customer, none: 1, above: 0, products: 0 };
    o.none *= 1 - model.scores[r]!;
    o.products++;
    if (model.scores[r]! >= model.threshold) o.above++;
    byCustomer.set(customer, o);
  }
  return [...byCustomer.values()].sort((a, b) => a.none - b.none || a.customer - b.customer);
}

/**
 * Who is likely to buy a kind of product next week ("¿quién va a comprar productos de la marca X
 * la próxima semana?", "which customers will buy cans?"): the likely-buyers question over every
 * product of that brand, category, package… at once. Each customer's chance of buying at least one
 * of them is 1 − ∏(1 − p) over the served model's probabilities for the kind's products (taken as
 * independent), and how many of them pass the buying threshold; customers that are likelier first.
 */
export const likelyBuyersOfAKindTool: Tool = async (box, req) =>
  withModel(box, req, (model) => answer(model, req));

function answer(model: ServingModel, req: ToolRequest): ToolAnswer {
  const { lang, entities } = req;
  const kind = describeFilters({ ...entities, customer_type: undefined }, lang).join(', ');
  const all = outlooks(model, req);
  const week = weekOf(model, lang);
  const type = entities.customer_type;
  const among = type
    ? say(lang, ` entre los ${customerTypeWords(type, lang)}`, ` among ${customerTypeWords(type, lang)}`)
    : '';
  if (all.length === 0)
    return notAnswered(
      say(
        lang,
        `Ningún cliente${among} tiene productos de ${kind} entre sus candidatos de ${week}.`,
        `No customer${among} has products of ${kind} among their candidates for ${week}.`,
      ),
      [],
      { buyers: [] },
    );
  const items = all.slice(req.offset, req.offset + rowsWanted(entities));
  const likely = all.filter((o) => o.above > 0).length;
  const chance = (o: CustomerOutlook) => formatPercent(1 - o.none, lang);
  const text = say(
    lang,
    `Para ${week}, ${countOf(likely, lang, NOUN.customer)}${among} ${agree(likely, ['supera', 'superan'])} el umbral de compra en algún producto de ${kind} (de ${formatNumber(all.length, lang)} con predicción). Los más probables: ${items.map((o) => `cliente ${o.customer} (${chance(o)} de comprar alguno)`).join(', ')}.`,
    `For ${week}, ${countOf(likely, lang, NOUN.customer)}${among} ${agree(likely, ['is', 'are'])} above the buying threshold for some product of ${kind} (of ${formatNumber(all.length, lang)} scored). Most likely: ${items.map((o) => `customer ${o.customer} (${chance(o)} to buy any)`).join(', ')}.`,
  );
  return {
    text,
    answered: true,
    basedOn: [
      scorerLabel(model, lang),
      say(lang, `predicción para ${week}`, `prediction for ${week}`),
      say(
        lang,
        'probabilidad de comprar alguno: 1 − ∏(1 − p) sobre los productos del grupo',
        'chance to buy any: 1 − ∏(1 − p) over the products of the kind',
      ),
      ...describeFilters(entities, lang),
    ],
    table: rankedTable(
      req.offset,
      [
        column('customer', lang),
        column('type', lang),
        [say(lang, 'Probabilidad de comprar alguno', 'Chance to buy any'), true],
        [say(lang, 'Productos sobre el umbral', 'Products above threshold'), true],
        [say(lang, 'Productos con predicción', 'Products scored'), true],
      ],
      items,
      (o) => [
        String(o.customer),
        customerTypeWords(model.catalog.customers.get(o.customer)?.customerType ?? null, lang, false),
        chance(o),
        formatNumber(o.above, lang),
        formatNumber(o.products, lang),
      ],
    ),
    data: {
      likely_customers: likely,
      scored_customers: all.length,
      buyers: items.map((o) => ({ customer: o.customer, probability: 1 - o.none, above_threshold: o.above })),
    },
    customers: items.map((o) => o.customer),
    shown: items.length,
  };
}
