import type { Lang } from '../../contract/api.ts';
import type { TurnMemory } from '../conversation.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { questionFlagsOf } from './question-flags.ts';
import { isSpanishVerbForm } from './spanish-verbs.ts';
import { understandText } from './understand-text.ts';
import type { Understanding } from './understanding.ts';

/** What a turn leaves for the next one to refer to, before any tool has run. */
export function memoryOf(u: Understanding): TurnMemory {
  return {
    intent: u.intent,
    entities: u.entities,
    flags: questionFlagsOf(u),
    offset: 0,
    shown: 0,
    products: [],
    customers: [],
  };
}

/**
 * The second question of a two-part one, read after the first (`first`: its understanding and
 * what its answer listed), so "qué le recomiendas" refers to the customer the first part found;
 * a period said only in the first part is the second's too.
 *
 * @example
 * understandSecondPart('que le recomiendas', vocab, 'es', { ...firstTurn, customers: [100026] }).entities.customer_id; // 100026
 */
export function understandSecondPart(
  text: string,
  vocab: Vocabulary,
  lang: Lang,
  first: TurnMemory,
): Understanding {
  const u = understandText(withReferent(text, first, lang), vocab, lang, first);
  const period = u.entities.period ?? first.entities.period;
  return period ? { ...u, entities: { ...u.entities, period } } : u;
}

/** "It", "him", "that one": an English pronoun for what the first part's answer named. */
const PRONOUN_EN = /\b(?:it|them|him|her|that one|those ones)\b/;
/** "Lo", "le" before a verb ("quién lo compró", "qué le recomiendas"); "la semana" is an article. */
const CLITIC = /\b(?:lo|la|los|las|le|les|se lo|se la) (\w+)/g;

function refersBack(text: string): boolean {
  return PRONOUN_EN.test(text) || [...text.matchAll(CLITIC)].some((m) => isSpanishVerbForm(m[1]!));
}

/**
 * A second part that refers to the first answer by a pronoun ("y quién lo compró", "and what should
 * I offer him") with the one it refers to written out: the first customer the answer listed when it
 * listed customers only, else its first product. The text is what the rules read ids from.
 */
function withReferent(text: string, first: TurnMemory, lang: Lang): string {
  if (!refersBack(text) || /\d/.test(text)) return text;
  const customer = first.products.length === 0 ? first.customers[0] : undefined;
  if (customer !== undefined) return `${text} ${lang === 'es' ? 'cliente' : 'customer'} ${customer}`;
  const product = first.products[0];
  return product !== undefined ? `${text} ${lang === 'es' ? 'producto' : 'product'} ${product}` : text;
}
