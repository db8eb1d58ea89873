import type { Lang } from '../../contract/api.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { extractEntities } from './entities.ts';

/**
 * Words that join the names of a kind and its time ("latas de la marca 24 este mes", "cans of brand
 * 24 last week") and ask nothing themselves.
 */
const LINKING =
  /^(?:de|del|la|las|el|los|en|y|e|o|of|the|and|or|in|for|marca|marcas|brand|brands|envase|envases|este|esta|estos|mes|semana|ano|anos|pasado|pasada|ultimo|ultima|ultimos|ultimas|this|last|past|month|week|year|hoy|ayer|today|yesterday|\d+)$/;

/**
 * Whether a question only names a kind of product (brands, packages, categories, its time), every
 * word either naming one or linking them: "latas de la marca 24", "cans of brand 24 last month".
 * A word that names nothing ("dueño", "precio") is something asked that no rule read.
 *
 * @example
 * onlyNamesAKind('latas de la marca 24', vocab, 'es'); // true
 * onlyNamesAKind('quien es el dueno de la marca 24', vocab, 'es'); // false
 */
export function onlyNamesAKind(text: string, vocab: Vocabulary, lang: Lang): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  return words.every((w) => {
    if (LINKING.test(w)) return true;
    const e = extractEntities(w, vocab, lang).entities;
    return (
      e.package !== undefined ||
      e.category !== undefined ||
      e.sub_category !== undefined ||
      e.segment !== undefined ||
      e.brand !== undefined
    );
  });
}
