import { GROUP_RE } from './intent-words.ts';

/**
 * Growth measured against the base, not in units: "en porcentaje", "porcentual", "%" (spelt
 * "percent"), "relative", "proporcionalmente", "growth rate", "fastest", "más rápido", "a mayor
 * ritmo".
 */
const RELATIVE =
  /\b(?:(?:en|in|by|por) percent|percent(?:age)?|porcentual(?:es|mente)?|(?:en )?porcentaje|por ciento|relativ\w*|proporcional\w*|(?:growth|crecimiento) rate|tasa de (?:crecimiento|caida)|fastest|faster|quickest|mas rapid(?:o|a|os|as|amente)|a mayor (?:ritmo|velocidad))\b/;

/** What a ranking of movers lists: products or brands. */
const ITEMS = /\b(?:productos?|products?|articulos?|items?|skus?|referencias?|marcas?|brands?)\b/;

/**
 * Whether a question ranks products or brands by how much they grew or fell relative to before
 * ("¿qué marcas crecieron más en porcentaje?", "fastest growing products"), not by units gained.
 * Customers ranked by their change are another ranking ("¿qué cliente creció más rápido?").
 *
 * @example
 * asksRelativeGrowth('que marcas crecieron mas en porcentaje el ultimo trimestre'); // true
 * asksRelativeGrowth('que marcas crecieron mas'); // false
 */
export function asksRelativeGrowth(text: string): boolean {
  return (
    RELATIVE.test(text) &&
    (GROUP_RE.rising.test(text) || GROUP_RE.falling.test(text)) &&
    ITEMS.test(text) &&
    !GROUP_RE.customer.test(text)
  );
}
