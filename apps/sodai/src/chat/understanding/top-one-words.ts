import { asksByMonth } from './by-month-words.ts';

/** What "the best-selling one" may be: a brand or a product (said in the singular: one of them). */
export type TopOne = 'brand' | 'product';

const NOUN_KIND: Readonly<Record<string, TopOne>> = {
  marca: 'brand',
  brand: 'brand',
  producto: 'product',
  articulo: 'product',
  product: 'product',
  item: 'product',
};
const NOUN = Object.keys(NOUN_KIND).join('|');

/**
 * "La marca más vendida", "el producto que más se vende", "la mejor marca", "el producto estrella",
 * "the best-selling brand", "our top product", "the brand that sells the most": one brand or product
 * named by its rank rather than its name.
 */
const TOP_ONE = new RegExp(
  [
    `\\b(${NOUN}) (?:mas vendid[oa]|que mas (?:se )?vend\\w*|top|lider|estrella|numero (?:uno|1))\\b`,
    `\\bmejor (${NOUN})\\b`,
    `\\b(?:best[ -]?selling|top[ -]?selling|top|biggest|leading|number (?:one|1)|most sold|best) (${NOUN})\\b`,
    `\\b(${NOUN}) that (?:sells|sold|sell) (?:the )?most\\b`,
  ].join('|'),
);

/** Sales over time: "por semana", "semanal", "weekly", "tendencia", "trend", "evolución". */
const OVER_TIME =
  /\b(?:por semana|semanal\w*|cada semana|semana a semana|weekly|per week|each week|week by week|by week|tendencia|trend\w*|evolucion)\b/;

/**
 * Sales said before the one they are of: "ventas por mes de …", "monthly sales of …", "¿cuánto
 * vendió … cada mes?", "how much did … sell each month?". Month by month without them ("la marca
 * más vendida de cada mes", "top brand per month") asks for each month's leader
 * (monthly-leaders-words.ts), not the one's months.
 */
const SALES_BEFORE =
  /\b(?:ventas|vendimos|cuant[oa]s?|how much|how many|vendio|vendieron|vende|unidades|sales|sold|sell|units|tendencia|trend\w*|evolucion)\b/;

/** "¿Cuál es …?", "which brand …": the one is what is asked for, the ranking answers it. */
const ASKS_WHICH = /^(?:y |and )?(?:cual|cuales|which|what|que (?:marca|producto)|quien|who)\b/;

/**
 * Whether a question asks how the best-selling brand or product sells over time ("ventas de la
 * marca más vendida por semana", "weekly sales of the best-selling brand", "tendencia del producto
 * más vendido", "ventas por mes de la marca más vendida"), and which of the two; not which one it is ("¿cuál es la marca más vendida?").
 *
 * @example
 * topOneOverTime('ventas de la marca mas vendida por semana'); // 'brand'
 * topOneOverTime('monthly sales of the top brand'); // 'brand'
 * topOneOverTime('la marca mas vendida de cada mes'); // undefined (each month's leader)
 * topOneOverTime('cual es la marca mas vendida'); // undefined
 */
export function topOneOverTime(text: string): TopOne | undefined {
  if (ASKS_WHICH.test(text)) return undefined;
  const m = TOP_ONE.exec(text);
  if (!m) return undefined;
  const byMonth = asksByMonth(text) && SALES_BEFORE.test(text.slice(0, m.index));
  if (!byMonth && !OVER_TIME.test(text)) return undefined;
  const noun = m.slice(1).find((g) => g !== undefined);
  return noun === undefined ? undefined : NOUN_KIND[noun];
}
