import type { Vocabulary } from '../vocabulary.ts';

/** Two customers, and the products the first bought that the second did not (or, `shared`, did too). */
export interface BoughtButNotBy {
  readonly customer: number;
  readonly other: number;
  /** "¿Qué tienen en común el 181101 y el 188331?": the products both bought. */
  readonly shared?: true;
}

/** What two customers share: "en común", "in common", "los dos compran", "both buy". */
const IN_COMMON =
  /\b(?:en comun|in common|(?:los|las) dos (?:compran|compraron|piden|pidieron|llevan)|ambos (?:compran|compraron|piden|pidieron)|both (?:buy|bought|order|ordered))\b/;

/** A word that names a customer before his id ("cliente 181101", "customer 188331"). */
const CUSTOMER_BEFORE = /\b(?:cliente|customer|client|tienda|store)\s+$/;

/** What denies the buying of one of the two: "que no compra", "that 188331 doesn't", "but not". */
const NEGATION = /\b(?:no|not|doesn t|doesnt|don t|dont|didn t|didnt|does not|did not|never|nunca)\b/;

/** Buying, or what is bought: the question is about products ("qué compra", "what does … buy"). */
const BUYS =
  /\b(?:compr\w*|pide\w*|pidio|pidieron|llev\w*|buy\w*|bought|order\w*|purchas\w*|productos?|products?|articulos?|items?|skus?)\b/;

/**
 * The customers a question names by id, in the order written: ids the data know as customers
 * (and not as products unless a customer word precedes them), and any id after a customer word,
 * which the answer says it does not know.
 */
function customersNamed(text: string, vocab: Vocabulary): { id: number; start: number; end: number }[] {
  const named: { id: number; start: number; end: number }[] = [];
  for (const m of text.matchAll(/\b\d{3,}\b/g)) {
    const id = Number(m[0]);
    const afterCustomerWord = CUSTOMER_BEFORE.test(text.slice(0, m.index));
    const known = vocab.customerIds.has(id) && !vocab.productIds.has(id);
    if ((afterCustomerWord || known) && !named.some((c) => c.id === id))
      named.push({ id, start: m.index, end: m.index + m[0].length });
  }
  return named;
}

/**
 * Whether a question asks what one customer buys that another does not ("¿qué productos compra el
 * cliente 181101 que no compra el 188331?", "what does customer 181101 buy that 188331 doesn't?",
 * "productos del 181101 que el 188331 no compra"), and which is which: the one whose buying is
 * denied is the other. Exactly two customers, a buying word, and a denial after the first named
 * ("… 181101 … que no … 188331") or, said the other way round, before it ("¿qué no compra el 188331
 * que sí compra el 181101?").
 *
 * @example
 * boughtButNotBy('que productos compra el cliente 181101 que no compra el 188331', vocab);
 * // { customer: 181101, other: 188331 }
 * boughtButNotBy('que tienen en comun el 181101 y el 188331', vocab);
 * // { customer: 181101, other: 188331, shared: true }
 */
export function boughtButNotBy(text: string, vocab: Vocabulary): BoughtButNotBy | undefined {
  const named = customersNamed(text, vocab);
  if (named.length !== 2) return undefined;
  const [first, second] = named as [(typeof named)[number], (typeof named)[number]];
  if (IN_COMMON.test(text)) return { customer: first.id, other: second.id, shared: true };
  if (!BUYS.test(text)) return undefined;
  if (NEGATION.test(text.slice(first.end))) return { customer: first.id, other: second.id };
  if (NEGATION.test(text.slice(0, first.start))) return { customer: second.id, other: first.id };
  return undefined;
}
