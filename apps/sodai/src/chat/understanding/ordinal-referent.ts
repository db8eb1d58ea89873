import type { Lang } from '../../contract/api.ts';
import type { TurnMemory } from '../conversation.ts';

/** Positions in a list, as people point at them, normalized (no accents). */
const POSITION: Readonly<Record<string, number>> = {
  primero: 1,
  primera: 1,
  primer: 1,
  first: 1,
  '1st': 1,
  segundo: 2,
  segunda: 2,
  second: 2,
  '2nd': 2,
  tercero: 3,
  tercera: 3,
  tercer: 3,
  third: 3,
  '3rd': 3,
  cuarto: 4,
  cuarta: 4,
  fourth: 4,
  '4th': 4,
  quinto: 5,
  quinta: 5,
  fifth: 5,
  '5th': 5,
};

const WHY = /\b(?:por que|porque|why)\b/;
const CUSTOMER_NOUN = /^(?:cliente|customer)$/;
const PRODUCT_NOUN = /^(?:producto|product)$/;

/**
 * "El primero", "al segundo cliente", "the third one", "el primero de la lista": one of the listed,
 * after an article. Not "el primer trimestre", "el primero de diciembre", "the first week" (periods),
 * nor "los primeros 10" (how many).
 */
const ORDINAL = new RegExp(
  `\\b(el|la|al|del|the) (${Object.keys(POSITION).join('|')})` +
    `(?: (cliente|customer|producto|product|one))?(?: (?:de la lista|on the list|of the list|in the list))?` +
    `(?! (?:trimestre|semestre|semana|mes|dia|quarter|half|week|month|day|de|del|of|in|en|\\d))\\b`,
);

/**
 * A follow-up that points at one of the previous answer's list by its place ("¿qué compra el
 * primero?", "what should I offer the second one?"), with that customer or product written out in
 * its place, so the rules read it as if it had been named. The list is the latest one shown, even a
 * few turns back ("¿y el segundo?" after asking about the first). Customers when the list was of customers
 * (or the words say "cliente"), products when it was of products; the text as is otherwise.
 *
 * @example
 * withOrdinalReferent('que compra el primero', { ...turn, customers: [181101, 188331] }, 'es'); // 'que compra el cliente 181101'
 */
export function withOrdinalReferent(text: string, previous: TurnMemory, lang: Lang): string {
  const m = ORDINAL.exec(text);
  if (!m) return text;
  const index = POSITION[m[2]!]! - 1;
  // "¿Por qué el primero?" after advice asks about its first product, even when the advice was for a
  // customer pointed at in an earlier list.
  const why = WHY.test(text) && previous.products.length > 1;
  const list = why ? { customers: [], products: previous.products } : previous.pointable;
  if (!list) return text;
  const noun = m[3] ?? '';
  const listed = CUSTOMER_NOUN.test(noun)
    ? 'customers'
    : PRODUCT_NOUN.test(noun)
      ? 'products'
      : list.products.length === 0
        ? 'customers'
        : list.customers.length === 0
          ? 'products'
          : undefined;
  const id = listed === undefined ? undefined : list[listed][index];
  if (id === undefined || listed === undefined) return text;
  const word =
    listed === 'customers'
      ? lang === 'es'
        ? 'cliente'
        : 'customer'
      : lang === 'es'
        ? 'producto'
        : 'product';
  const start = m.index + m[1]!.length + 1;
  return `${text.slice(0, start)}${word} ${id}${text.slice(m.index + m[0].length)}`;
}
