import type { ChatAttribute, ChatIntent } from '../../contract/api.ts';
import type { FoundEntities } from './entities.ts';
import { GROUP_RE } from './intent-words.ts';
import { asksNotBought } from './not-bought.ts';
import { asksByMonth } from './by-month-words.ts';
import { askedAttribute, attributeNoun, ATTRIBUTE_ENTITY, splitBy } from './share-of.ts';
import type { WritableEntities } from './understanding.ts';

/** Whether customers (a customer noun, or a type of them) are named before any product noun. */
function namesCustomersFirst(text: string, customerTypeAt: number | undefined): boolean {
  const c = Math.min(
    ...[text.search(GROUP_RE.customer), customerTypeAt ?? -1].map((i) => (i < 0 ? Infinity : i)),
  );
  const p = text.search(GROUP_RE.product);
  return c !== Infinity && (p < 0 || c < p);
}

/** A question's grain once read: its intent, and the attribute noun it names, if any. */
export interface Grain {
  readonly intent: ChatIntent;
  /** "marca", "categoría", "envase", "tamaño", "tipo de cliente" named as a noun. */
  readonly noun?: ChatAttribute;
  /** Whether a value of that attribute is named too ("bebidas carbonatadas"): then it is a filter. */
  readonly valueNamed: boolean;
}

/**
 * What a ranking, count or split is of: brands, the values of an attribute, customers who did not
 * buy, customers with fewest orders, a share or a split ("latas por marca"). Sets `group_by`,
 * `share_of` or `rank_by` on `entities` and returns the intent (`at`: where each value was named).
 */
export function rankingGrain(
  text: string,
  asked: ChatIntent,
  entities: WritableEntities,
  at: FoundEntities['at'],
): Grain {
  let intent = asked;
  // "¿Cuánto vendió cada marca el mes pasado?", "units of each package": the period's sales split by
  // that attribute (brands ranked), not its total. A question by month or of one customer or product
  // is read by its own rules.
  const eachOf = splitBy(text);
  if (
    (intent === 'sales_trend' || intent === 'unknown') &&
    eachOf !== undefined &&
    entities[ATTRIBUTE_ENTITY[eachOf]] === undefined &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    !asksByMonth(text)
  ) {
    intent = eachOf === 'brand' ? 'top_products' : 'sales_share';
    entities.group_by = eachOf;
  }
  // "¿qué marcas venden más?" ranks brands; "lo más vendido de la marca X" names one.
  if (
    (intent === 'top_products' || intent === 'movers' || intent === 'slow_movers') &&
    entities.brand === undefined &&
    /\b(?:marcas?|brands?)\b/.test(text)
  ) {
    entities.group_by = 'brand';
  }
  // "¿Qué categoría / envase / tamaño vende más?" ranks the values of that attribute: the split of
  // sales by it, largest first (brands have their own ranking above). The attribute's value named
  // ("bebidas carbonatadas") is a filter, not what is ranked; "los productos más vendidos de cada
  // categoría" still ranks products.
  const noun = attributeNoun(text);
  const valueNamed = noun !== undefined && entities[ATTRIBUTE_ENTITY[noun]] !== undefined;
  // "¿Qué segmento crece más?": the segments ranked by their change (brands have their rule above;
  // sizes and customer types are no kinds a change is ranked by).
  if (
    intent === 'movers' &&
    noun !== undefined &&
    noun !== 'brand' &&
    noun !== 'size' &&
    noun !== 'customer_type' &&
    !valueNamed &&
    !GROUP_RE.product.test(text)
  ) {
    entities.group_by = noun;
  }
  const valuesRanked =
    intent === 'top_products' &&
    noun !== undefined &&
    noun !== 'brand' &&
    !valueNamed &&
    !GROUP_RE.product.test(text);
  if (valuesRanked) {
    intent = 'sales_share';
    entities.group_by = noun;
  }
  // "Mayoristas que no compraron el mes pasado": how many of them did not buy (a list of who
  // stopped is "¿quiénes dejaron de comprar?").
  if (
    asksNotBought(text) &&
    (intent === 'top_products' || intent === 'top_customers' || intent === 'unknown') &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    namesCustomersFirst(text, at.customer_type)
  ) {
    intent = 'count_customers';
  }
  // "¿Cuántas marcas / categorías hay?": the values of that attribute counted.
  if (intent === 'count_products' && noun !== undefined && noun !== 'customer_type' && !valueNamed) {
    entities.group_by = noun;
  }
  // "Clientes con menos pedidos / compras": the fewest orders first, not the fewest units.
  if (
    intent === 'small_customers' &&
    /\b(?:menos|pocos|pocas|fewest|fewer|less|least) (?:pedidos|ordenes|orders|compras|purchases|veces|times)\b/.test(
      text,
    )
  ) {
    entities.rank_by = 'orders';
  }
  // "Latas por marca" splits the cans by brand; "¿qué porcentaje de las ventas son latas?" asks the
  // share of cans.
  if (intent === 'sales_share') {
    const split = splitBy(text);
    const asked = askedAttribute(entities, at);
    if (split && (asked === undefined || split !== asked)) entities.group_by = split;
    // "¿Qué tamaño de botella se vende más?": the sizes ranked within bottles, which are no share asked.
    else if (asked && !valuesRanked) entities.share_of = asked;
  }
  // "¿Qué tipo de clientes compran más latas?": the split of those sales by customer
  // type (after the share rules, which would read the cans as the share asked).
  if (intent === 'top_customers' && noun === 'customer_type' && entities.customer_type === undefined) {
    intent = 'sales_share';
    entities.group_by = 'customer_type';
  }
  return { intent, ...(noun !== undefined ? { noun } : {}), valueNamed };
}
