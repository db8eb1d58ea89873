import type { Lang } from '../../contract/api.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { asksComparison, asksWhichOnes } from './comparison.ts';
import { extractEntities } from './entities.ts';

/** The attributes whose values a question may set side by side ("latas vs botellas", "restaurantes o mayoristas"). */
const ATTRIBUTES = ['package', 'category', 'sub_category', 'segment', 'customer_type'] as const;
export type ComparedAttribute = (typeof ATTRIBUTES)[number];

/** Two values of one attribute, in the order the question names them. */
export interface ComparedValues {
  readonly attribute: ComparedAttribute;
  readonly values: readonly [string, string];
  /** "Latas y botellas de la marca 24": named together, not set against each other; their sum first. */
  readonly together?: boolean;
  /** The word between the two ("y", "o", "vs"): "latas o botellas" asks for either. */
  readonly joinedBy?: string;
}

/** Where one side ends and the other begins: "vs", "contra", "frente a", "y", "o", "and", "or", "que" after "más". */
const BETWEEN =
  /\b(?:vs|versus|contra|frente al?|y|o|and|or|against|compared (?:to|with)|comparad[oa]s? con|que|than)\b/g;

/**
 * The two values of one attribute a comparison names ("ventas de latas vs botellas", "¿quién compra
 * más, los restaurantes o los mayoristas?"): the words before and after a joining word each name a
 * different value of the same attribute.
 *
 * @example
 * comparedValues('ventas de latas vs botellas', vocab, 'es'); // { attribute: 'package', values: ['LATA', 'BOTELLA'] }
 */
export function comparedValues(text: string, vocab: Vocabulary, lang: Lang): ComparedValues | undefined {
  if (!asksComparison(text)) return undefined;
  return valuesAround(text, BETWEEN, vocab, lang);
}

/** "Latas y botellas", "cans and bottles", "restaurantes o mayoristas": two values named together. */
const AND_OR = /\b(?:y|e|o|u|and|or)\b|&/g;

/**
 * Two values of one attribute a question names together with no comparison ("latas y botellas de
 * la marca 24", "cans and bottles of brand 24"): read as one of them alone, the other was dropped in
 * silence; both are answered, with their sum.
 *
 * @example
 * valuesTogether('latas y botellas de la marca 24', vocab, 'es'); // { attribute: 'package', values: ['LATA', 'BOTELLA'], together: true }
 */
export function valuesTogether(text: string, vocab: Vocabulary, lang: Lang): ComparedValues | undefined {
  const found = valuesAround(text, AND_OR, vocab, lang);
  return found ? { ...found, together: true } : undefined;
}

/** The first two different values of one attribute on either side of a joining word. */
function valuesAround(
  text: string,
  joining: RegExp,
  vocab: Vocabulary,
  lang: Lang,
): ComparedValues | undefined {
  for (const m of text.matchAll(joining)) {
    // "¿Qué clientes compran más latas que botellas?": customers ranked, not the two kinds' sales.
    if ((m[0] === 'que' || m[0] === 'than') && asksWhichOnes(text)) continue;
    const left = extractEntities(text.slice(0, m.index), vocab, lang).entities;
    const right = extractEntities(text.slice(m.index + m[0].length), vocab, lang).entities;
    for (const key of ATTRIBUTES) {
      const a = left[key];
      const b = right[key];
      if (a !== undefined && b !== undefined && a !== b)
        return { attribute: key, values: [a, b], joinedBy: m[0] };
    }
  }
  return undefined;
}
