/**
 * "¿Qué productos compró el 181101 la semana pasada que no compró la anterior?", "what did 181101
 * buy this month that he didn't buy last month?", "new in his basket this month vs last month": the
 * products one customer bought in a period that he did not buy in the period before, over
 * normalized, spell-corrected text. Not his usual products left out (what he skipped), nor what he
 * never bought (what to offer him).
 */

/** Buying, in any tense: the products bought in the period are what is listed. */
const BUYING = '(?:compr|pidi|pide|pedi|llev|buy|bought|order|purchas|got|get)\\w*';

/**
 * Buying, then its denial of the other period: "… que no compró …", "… that he didn't buy …",
 * "… pero no la anterior", "… but not the week before".
 */
const BOUGHT_THEN_NOT = new RegExp(
  `\\b${BUYING}\\b.*\\b(?:(?:que|that|which|y|and|pero|but)(?: (?:el|ella|he|she|they|it|se|le|lo|los|las))? (?:no|didn ?t|did not|hadn ?t|had not|hasn ?t|has not|haven ?t|have not|wasn ?t|was not)(?: \\S+){0,2}? ${BUYING}\\b|(?:pero|but|y|and) (?:no|not)\\b)`,
);

/** The period before, when it is not named as a period of its own: "la anterior", "the week before". */
const BEFORE = /\b(?:anterior(?:es)?|previ[oa]s?|previous|prior|before|antes|pasad[oa]s?|last)\b/;

/** "Nuevo en su canasta", "new in his basket": products he had not bought before, said as new. */
const NEW_IN_BASKET =
  /\b(?:nuev[oa]s? en (?:\S+ ){0,2}(?:canasta|cesta|compra|pedido)|new (?:in|to|on) (?:\S+ ){0,3}(?:basket|cart|orders?|purchases))\b/;

/** Ever before is another question: "¿qué compró que nunca había comprado?" is new to him. */
const EVER = /\b(?:nunca|jamas|never|ever)\b/;

/**
 * Whether a question about one customer and a period asks which products he bought in it that he
 * did not buy in the period before (named, or the one just before).
 *
 * @example
 * asksBoughtNotBefore('que productos compro el 181101 la semana pasada que no compro la anterior', false); // true
 * asksBoughtNotBefore('what did 181101 buy this month that he didn t buy last month', true); // true
 * asksBoughtNotBefore('que no compro el 181101 la semana pasada', false); // false: what he skipped
 */
export function asksBoughtNotBefore(text: string, namesTwoPeriods: boolean): boolean {
  if (EVER.test(text)) return false;
  if (NEW_IN_BASKET.test(text)) return true;
  const m = BOUGHT_THEN_NOT.exec(text);
  if (!m) return false;
  return namesTwoPeriods || BEFORE.test(text.slice(m.index + m[0].length));
}
