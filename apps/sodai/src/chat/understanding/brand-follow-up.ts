import type { TurnMemory } from '../conversation.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { brandCalled } from './brand-named.ts';

/** "¿Y la 31?", "and 31?", "what about 31": a short follow-up naming a number alone. */
const NUMBER_FOLLOW_UP =
  /^(?:y|e|and|what about|how about|ahora|now)(?: (?:la|el|de la|del|con la|for|the|para la))? (\d+)(?= |$)/;

/**
 * A follow-up after a question about a brand that names another by its number alone ("ventas de la
 * marca 24 este mes" → "¿y la 31?"): the number is that brand, not how many to list nor an id the
 * data does not hold. Returns the text with the brand named ("y la marca 31"), or undefined.
 *
 * @example
 * withBrandNumber('y la 31', previousAboutBrand24, vocab); // 'y la marca 31'
 */
export function withBrandNumber(
  text: string,
  previous: TurnMemory | undefined,
  vocab: Vocabulary,
): string | undefined {
  if (previous?.entities.brand === undefined) return undefined;
  const m = NUMBER_FOLLOW_UP.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (vocab.customerIds.has(n) || vocab.productIds.has(n) || !brandCalled(m[1]!, vocab)) return undefined;
  const at = m.index + m[0].length - m[1]!.length;
  return `${text.slice(0, at)}marca ${text.slice(at)}`;
}
