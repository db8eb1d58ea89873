import type { Lang } from '../../contract/api.ts';
import type { TurnMemory } from '../conversation.ts';
import type { Understanding } from './understanding.ts';

/**
 * Buying said of one buyer left unnamed: "¿qué marcas compra?", "¿qué productos pide?", "what does
 * he order?": the third person singular (or "he / she / they") with no one named.
 */
const HE_BUYS =
  /\b(?:compra|pide|lleva|compro|pidio|llevo|ha comprado|ha pedido|ha llevado|suele (?:comprar|pedir|llevar)|prefiere|(?:does|did) (?:he|she|it|they) (?:buy|order|get|prefer)|(?:do|did) they (?:buy|order|get|prefer)|he (?:buys|orders|bought|ordered)|she (?:buys|orders|bought|ordered))\b/;

/** "Su", "sus", "his", "her": something of the customer named before. */
const HIS = /\b(?:su|sus|his|her|their)\b/;

/** Someone else asked for, or a kind of customer: then no one before is meant. */
const OTHERS = /\b(?:clientes?|customers?|quien(?:es)?|who|whom|todos|everyone|nadie|nobody)\b/;

/**
 * The question re-written with the customer of the previous turn named, when it speaks of him
 * without naming him ("¿qué marcas compra?", "¿y sus marcas favoritas?" after a question about
 * customer 181101) and its own reading found no one: "… del cliente 181101". Undefined when nothing
 * is implied.
 *
 * @example
 * withImpliedCustomer('que marcas compra', understood, previous, 'es'); // 'que marcas compra del cliente 181101'
 */
export function withImpliedCustomer(
  text: string,
  u: Understanding,
  previous: TurnMemory | undefined,
  lang: Lang,
): string | undefined {
  const id = previous?.entities.customer_id;
  if (id === undefined) return undefined;
  const e = u.entities;
  // A customer it names itself, a product or a kind of customer: it is about them.
  const namedOwn = e.customer_id !== undefined && !(u.usedContext && e.customer_id === id);
  if (namedOwn || e.product_id !== undefined || e.customer_type !== undefined || OTHERS.test(text))
    return undefined;
  // Read alone it meant nothing, or it asks about "his" things (which a follow-up may have read as
  // the previous question again, "¿y sus marcas favoritas?" as his history).
  const implied = (u.intent === 'unknown' && HE_BUYS.test(text)) || HIS.test(text);
  if (!implied) return undefined;
  return lang === 'es' ? `${text} del cliente ${id}` : `${text} of customer ${id}`;
}
