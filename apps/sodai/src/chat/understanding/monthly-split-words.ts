import type { ChatAttribute, ChatEntities } from '../../contract/api.ts';
import { asksByMonth } from './by-month-words.ts';
import { ATTRIBUTE_ENTITY, splitBy } from './share-of.ts';

/**
 * A ranking word: "la marca más vendida de cada mes", "top brands per month" ask each month's
 * leaders (monthly-leaders-words.ts), not every value's units.
 */
const RANKED =
  /\b(?:mas|menos|mejor(?:es)?|peor(?:es)?|top|best|worst|most|least|leading|lider(?:es)?|leaders?|ranking|primer[oa]s?)\b/;

/**
 * The attribute as a plural noun ("ventas por mes de las marcas") or before the word for sales in
 * English ("brand sales by month"): every value of it, when none of its values is named.
 */
const NOUNS: readonly (readonly [ChatAttribute, RegExp])[] = [
  [
    'customer_type',
    /\b(?:tipos de (?:clientes?|negocios?|locales?)|customer types)\b|\bcustomer type (?:sales|units)\b/,
  ],
  ['sub_category', /\bsub ?categorias\b|\bsub ?categories\b|\bsub ?category (?:sales|units)\b/],
  ['category', /\bcategorias\b|\bcategories\b|\bcategory (?:sales|units)\b/],
  ['package', /\benvases\b|\bpackages\b|\bpackage (?:sales|units)\b/],
  ['segment', /\bsegmentos\b|\bsegments\b|\bsegment (?:sales|units)\b/],
  ['brand', /\bmarcas\b|\bbrands\b|\bbrand (?:sales|units)\b/],
];

/** An attribute's noun, singular or plural, as it stands beside "month" ("brand by month"). */
const ATTRIBUTE_WORDS: readonly (readonly [ChatAttribute, string])[] = [
  ['customer_type', 'tipos? de clientes?|customer types?'],
  ['sub_category', 'sub ?categorias?|sub ?categor(?:y|ies)'],
  ['category', 'categorias?|categor(?:y|ies)'],
  ['package', 'envases?|packages?|formatos?'],
  ['segment', 'segmentos?|segments?'],
  ['brand', 'marcas?|brands?'],
];

/**
 * "Sales by brand and month", "ventas por marca y mes", "brand by month": the attribute and the
 * month named side by side, which "por mes" alone does not say.
 */
const BESIDE_MONTH = ATTRIBUTE_WORDS.map(
  ([attribute, words]) =>
    [
      attribute,
      new RegExp(
        `\\b(?:(?:by|per|por) (?:${words}) (?:and|y) (?:months?|mes(?:es)?)|(?:by|per|por) (?:months?|mes(?:es)?) (?:and|y) (?:${words})|(?:${words}) (?:by|per|por) (?:months?|mes))\\b`,
      ),
    ] as const,
);

const besideMonth = (text: string) => BESIDE_MONTH.find(([, re]) => re.test(text))?.[0];

/**
 * The attribute whose every value's sales a question asks month by month ("ventas por mes de cada
 * marca", "monthly sales of each brand", "unidades por envase mes a mes", "brand sales by month"),
 * or undefined: a question that is not by month, ranks ("la marca más vendida de cada mes"), or
 * names a value of the attribute ("ventas de la marca 24 por mes", one series) is another one.
 *
 * @example
 * monthlySplitAsked('ventas por mes de cada marca', {}); // 'brand'
 * monthlySplitAsked('la marca mas vendida de cada mes', {}); // undefined
 */
export function monthlySplitAsked(text: string, entities: ChatEntities): ChatAttribute | undefined {
  if (RANKED.test(text)) return undefined;
  const attribute = asksByMonth(text)
    ? (splitBy(text) ?? NOUNS.find(([, re]) => re.test(text))?.[0] ?? besideMonth(text))
    : besideMonth(text);
  if (attribute === undefined || entities[ATTRIBUTE_ENTITY[attribute]] !== undefined) return undefined;
  return attribute;
}
