import type { Lang } from '../../contract/api.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { valuesTogether, type ComparedAttribute } from './compared-values.ts';

/** Two kinds of product named together ("latas y botellas"). */
export interface KindsTogether {
  readonly attribute: Exclude<ComparedAttribute, 'customer_type'>;
  readonly values: readonly [string, string];
}

/** Two kinds of product whose buyers are counted together: both, or either. */
export interface TwoKinds extends KindsTogether {
  /** "Latas o botellas": either counts; "latas y botellas": both are asked for. */
  readonly either: boolean;
}

/** "Qué clientes compran más …", "top customers": a ranking, which buys the two kinds' sum. */
const RANKED =
  /\b(?:mas|most|top|mejores|best|principales|mayores|biggest|largest|menos|least|peores|worst)\b/;

/** Two values of one attribute of the products named together, with the word joining them. */
function productKindsTogether(
  text: string,
  vocab: Vocabulary,
  lang: Lang,
): (KindsTogether & { readonly joinedBy: string | undefined }) | undefined {
  const found = valuesTogether(text, vocab, lang);
  if (!found || found.attribute === 'customer_type') return undefined;
  return { attribute: found.attribute, values: found.values, joinedBy: found.joinedBy };
}

/**
 * "¿Cuántos clientes compran latas y botellas?", "which customers buy cans or bottles?": two kinds of
 * product whose buyers are asked for, read as one of them alone before. Kinds of customer
 * ("restaurantes y mayoristas") are who is counted, not what they bought; a ranking is of their sum.
 *
 * @example
 * twoKindsBought('cuantos clientes compran latas y botellas', vocab, 'es');
 * // { attribute: 'package', values: ['LATA', 'BOTELLA'], either: false }
 */
export function twoKindsBought(text: string, vocab: Vocabulary, lang: Lang): TwoKinds | undefined {
  if (RANKED.test(text)) return undefined;
  const found = productKindsTogether(text, vocab, lang);
  if (!found) return undefined;
  return {
    attribute: found.attribute,
    values: found.values,
    either: /^(?:o|u|or)$/.test(found.joinedBy ?? ''),
  };
}

/**
 * "Los mejores clientes de latas y botellas", "top products in cans or bottles": a ranking over two
 * kinds of product together, read as the last one alone before.
 *
 * @example
 * kindsRankedTogether('mejores clientes de latas y botellas', vocab, 'es'); // { attribute: 'package', values: ['LATA', 'BOTELLA'] }
 */
export function kindsRankedTogether(text: string, vocab: Vocabulary, lang: Lang): KindsTogether | undefined {
  const found = productKindsTogether(text, vocab, lang);
  return found ? { attribute: found.attribute, values: found.values } : undefined;
}
