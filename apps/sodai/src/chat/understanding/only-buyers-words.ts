import type { Lang } from '../../contract/api.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { asksForCustomers, sideIn, type BuyersButNot } from './buyers-but-not-words.ts';

const ONLY = '(?:solo|solamente|unicamente|exclusivamente|only|just)';
const BUYS =
  '(?:compran?|compraron|compro|llevan?|llevaron|piden?|pidieron|buy|buys|bought|order|orders|ordered|purchases?|purchased)';

/**
 * "Solo compran", "compran únicamente", "only buy", "buy nothing but": buying one thing and no
 * other. "Top clientes solo de latas" ranks the buyers of cans: "only" there narrows the ranking,
 * so a verb of buying must stand by it.
 */
const ONLY_BUYS = new RegExp(
  `\\b(?:${ONLY} ${BUYS}|${BUYS} (?:${ONLY}|nada mas que|nothing but|nothing other than))\\b`,
);

/**
 * "Which customers buy only cans?", "clientes que solo compran la marca 13": the buyers of a brand
 * or a kind who bought no other brand or value of it in the period, read as buyers of one side but
 * not the other (the other: every other value). Undefined when customers are not what is asked or
 * no brand or kind follows.
 *
 * @example
 * onlyBuyersAsked('que clientes compran solo latas', vocab, 'es');
 * // { bought: { attribute: 'package', value: 'LATA' }, excluded: { attribute: 'package', value: 'LATA', others: true }, … }
 */
export function onlyBuyersAsked(text: string, vocab: Vocabulary, lang: Lang): BuyersButNot | undefined {
  const m = ONLY_BUYS.exec(text);
  if (!m) return undefined;
  const before = text.slice(0, m.index);
  if (!asksForCustomers(before, vocab, lang)) return undefined;
  const excludedAt = m.index + m[0].length;
  const side = sideIn(text.slice(excludedAt), vocab, lang);
  if (!side || 'product' in side) return undefined;
  return { bought: side, excluded: { ...side, others: true }, excludedAt };
}
