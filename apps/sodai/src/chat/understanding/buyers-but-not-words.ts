import type { Vocabulary } from '../vocabulary.ts';
import { brandNamed } from './brand-named.ts';
import type { BoughtSide, SideAttribute } from './bought-side.ts';
import type { Lang } from '../../contract/api.ts';
import { extractEntities } from './entities.ts';

/** The side bought and the side left out of "clientes que compran la marca 24 pero no la 34". */
export interface BuyersButNot {
  readonly bought: BoughtSide;
  readonly excluded: BoughtSide;
  /** Where the side left out starts in the text, so a number in it is no count ("pero no la 34"). */
  readonly excludedAt: number;
  /** A number read as the brand bought ("clientes de la 24 …"), so it is no count either. */
  readonly brandNumber?: number;
}

/**
 * "La 24" with no noun, on the side bought: "la" is "la marca" (a product is "el"), so the number
 * is a brand's when one is numbered so and no product or customer is. "La semana 24", "la región
 * 2" name their noun and are read by their own rules.
 */
function bareBrandIn(text: string, vocab: Vocabulary): { brand: string; number: number } | undefined {
  for (const m of text.matchAll(/\bla (\d+)\b/g)) {
    const number = Number(m[1]);
    if (vocab.productIds.has(number) || vocab.customerIds.has(number)) continue;
    const named = brandNamed(`marca ${m[1]!}`, vocab);
    if (named) return { brand: named.brand, number };
  }
  return undefined;
}

/**
 * What leaves the second side out: "pero no", "but not", "sin", "except", or a relative clause that
 * denies buying ("que no compran", "who don't buy", "that never bought"), with its verb if any.
 */
const LEAVES_OUT =
  /\b(?:pero (?:no|nunca)|but (?:not|never|no)|and not|y no|though not|sin|without|(?:excepto|except|salvo|other than)(?: (?:a )?(?:los|las|those|the ones|customers|clientes)(?: (?:que|who|that))?)?|(?:que|who|that) (?:no|nunca|never|don ?t|do not|does not|doesn ?t|did not|didn ?t|have not|haven ?t|has not|hasn ?t)(?: (?:han|ha|ever))?)\s+(?:(?:compran?|compraron|compro|comprado|llevan?|llevaron|piden?|pidieron|buy|bought|order|ordered|purchase|purchased)\s+)?/;

/** A verb of buying: "compraron", "piden", "bought", "ordering". */
const BUYING = /\b(?:compr|pid|pide|llev|buy|bought|order|purchas)\w*/;

/** Who is asked for: customers, or "who". */
const CUSTOMERS =
  /\b(?:clientes?|customers?|clients?|quien(?:es)?|who|whom|buyers?|compradores?|accounts?|cuentas|locales|negocios)\b/;

/** A product id the data knows, as a number word of the text. */
function productIn(text: string, vocab: Vocabulary): number | undefined {
  for (const m of text.matchAll(/\b\d+\b/g)) {
    const id = Number(m[0]);
    if (vocab.productIds.has(id)) return id;
  }
  return undefined;
}

/** The attributes a side may name a value of, besides a brand. */
const SIDE_ATTRIBUTES: readonly SideAttribute[] = ['package', 'sub_category', 'category', 'segment'];

/**
 * The brand, kind ("latas", "jugos") or product a side names; after a brand, "la 34" / "the 34" is
 * the brand numbered 34.
 */
export function sideIn(
  text: string,
  vocab: Vocabulary,
  lang: Lang,
  after?: BoughtSide,
): BoughtSide | undefined {
  const brand = brandNamed(text, vocab);
  if (brand) return { brand: brand.brand };
  const named = extractEntities(text, vocab, lang).entities;
  const attribute = SIDE_ATTRIBUTES.find((a) => named[a] !== undefined);
  if (attribute) return { attribute, value: named[attribute]! };
  if (after && 'brand' in after) {
    const elided = /^(?:(?:la|el|de|the|of)\s+)*([a-z0-9]+)\b/.exec(text);
    const same = elided ? brandNamed(`marca ${elided[1]!}`, vocab) : undefined;
    if (same) return { brand: same.brand };
  }
  const product = productIn(text, vocab);
  return product === undefined ? undefined : { product };
}

/**
 * Whether customers are what the words before a list of what they buy ask for ("clientes", "who",
 * "restaurantes"): "ventas de latas pero no de botellas" asks sales, not buyers.
 */
export function asksForCustomers(before: string, vocab: Vocabulary, lang: Lang): boolean {
  return CUSTOMERS.test(before) || extractEntities(before, vocab, lang).entities.customer_type !== undefined;
}

/**
 * "Clientes que compran la marca 24 pero no la 34", "customers who buy brand 24 but not product
 * 1304", "clientes de la marca 24 que no compran la marca 34": the side bought and the one left out,
 * "clientes que compran latas pero no botellas": when a brand or a kind is on either side (two
 * products are excludedProduct's, cross-sell.ts), or undefined.
 *
 * @example
 * buyersButNotAsked('clientes que compran la marca 24 pero no la 34', vocab, 'es');
 * // { bought: { brand: 'Brand 24' }, excluded: { brand: 'Brand 34' }, excludedAt: 39 }
 */
export function buyersButNotAsked(text: string, vocab: Vocabulary, lang: Lang): BuyersButNot | undefined {
  const m = LEAVES_OUT.exec(text);
  if (!m) return undefined;
  const before = text.slice(0, m.index);
  if (!asksForCustomers(before, vocab, lang)) return undefined;
  const bare = bareBrandIn(before, vocab);
  // "¿Qué clientes compraron sin latas?": nothing named before what is left out, but a verb of
  // buying, so they bought anything else.
  const bought =
    sideIn(before, vocab, lang) ??
    (bare ? { brand: bare.brand } : BUYING.test(before) ? { anything: true as const } : undefined);
  if (!bought) return undefined;
  const excludedAt = m.index + m[0].length;
  const excluded = sideIn(text.slice(excludedAt), vocab, lang, bought);
  // Two products are excludedProduct's (cross-sell.ts); the same thing on both sides asks nothing.
  if (!excluded || ('product' in bought && 'product' in excluded)) return undefined;
  if (JSON.stringify(bought) === JSON.stringify(excluded)) return undefined;
  const brandNumber = bare && 'brand' in bought && bought.brand === bare.brand ? bare.number : undefined;
  return { bought, excluded, excludedAt, ...(brandNumber !== undefined ? { brandNumber } : {}) };
}
