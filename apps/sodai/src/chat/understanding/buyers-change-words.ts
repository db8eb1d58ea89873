import type { ChatAttribute } from '../../contract/api.ts';

/** What a change is ranked by: products, or the values of a catalogue attribute (not sizes or customer types). */
export type ItemGrain = 'product' | Exclude<ChatAttribute, 'size' | 'customer_type'>;

/** "¿Qué marca perdió más clientes?": what is ranked and whether by buyers lost or gained. */
export interface BuyersChange {
  readonly grain: ItemGrain;
  readonly direction: 'up' | 'down';
}

/** The nouns of what is ranked (singular or plural), subcategories before categories. */
export const GRAIN_NOUNS: readonly (readonly [RegExp, ItemGrain])[] = [
  [/\b(?:sub ?categorias?|sub-?categor(?:y|ies))\b/, 'sub_category'],
  [/\b(?:marcas?|brands?)\b/, 'brand'],
  [/\b(?:productos?|products?|articulos?|items?|skus?|referencias?)\b/, 'product'],
  [/\b(?:categorias?|categor(?:y|ies))\b/, 'category'],
  [/\b(?:envases?|packages?|formatos?)\b/, 'package'],
  [/\b(?:segmentos?|segments?)\b/, 'segment'],
];

/** Buyers, as what was lost or gained. */
export const BUYERS = '(?:clientes?|customers?|compradores?|buyers?|clients?|cuentas|accounts)';

const LOST = '(?:perdi\\w*|perdio|lost|los(?:e|es|ing)|bled)';
const GAINED =
  '(?:gan(?:o|aron|ado|an|a)|sumo|sumaron|captaron|capto|atrajo|atrajeron|gain\\w*|won|add(?:ed|s)?|picked up|attract\\w*)';

/**
 * "Perdió más clientes", "lost the most customers", "ganaron compradores", "más clientes perdió":
 * the verb with the buyers it lost or gained, a few words apart, in either order.
 */
const CHANGE = new RegExp(
  `\\b(?:(${LOST})|(${GAINED}))\\b(?: \\w+){0,3} ${BUYERS}\\b|\\b${BUYERS}(?: \\w+){0,2} (?:(${LOST})|(${GAINED}))\\b`,
);

/**
 * Whether a question ranks brands, products or another kind of product by the customers they lost
 * or gained ("¿qué marca perdió más clientes?", "which products gained the most buyers?", "la marca
 * que más clientes perdió"), and which. What is ranked is named before the buyers: "¿qué clientes
 * perdimos de la marca 24?" asks for customers, "which customers did we lose?" for the lapsed ones.
 *
 * @example
 * buyersChangeAsked('que marca perdio mas clientes'); // { grain: 'brand', direction: 'down' }
 * buyersChangeAsked('que clientes perdimos'); // undefined
 */
export function buyersChangeAsked(text: string): BuyersChange | undefined {
  const m = CHANGE.exec(text);
  if (!m) return undefined;
  const before = text.slice(0, m.index + m[0].length);
  const buyersAt = before.search(new RegExp(`\\b${BUYERS}\\b`));
  const named = GRAIN_NOUNS.map(([re, grain]) => ({ at: before.search(re), grain })).filter((g) => g.at >= 0);
  const first = named.sort((a, b) => a.at - b.at)[0];
  if (!first || first.at > buyersAt) return undefined;
  const lost = m[1] !== undefined || m[3] !== undefined;
  return { grain: first.grain, direction: lost ? 'down' : 'up' };
}
