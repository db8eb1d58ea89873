import type { TurnMemory } from '../conversation.ts';
import type { Place } from './place-words.ts';
import { flagsAFollowUpKeeps } from './question-flags.ts';
import type { Understanding } from './understanding.ts';

/** What is left of "¿y en la región 2?", "what about zone 5?" once the place is taken out. */
const ONLY_A_LINK = /^(?:y|e|and|what about|how about|y que tal|que tal|y para|y de|y)?$/;

/** "Clientes de la región 80", "products in zone 5": a bare list of customers or products, and where. */
const BARE_LIST =
  /^(?:(?:los|las|lista de|listado de|the|list|list of|show|muestrame)\s+)*(?:(clientes?|customers?)|(productos?|products?))$/;

/**
 * A question that names a place and nothing else to ask: the previous question again in that place
 * ("¿y en la región 2?"), or the best customers or products there ("clientes de la región 80").
 * Nothing when the rest of the question asks something of its own.
 *
 * @example
 * placeAlone('y', { region: 2 }, previousTopCustomers)?.intent; // 'top_customers'
 * placeAlone('clientes', { region: 80 }, undefined)?.intent; // 'top_customers'
 */
export function placeAlone(
  rest: string,
  place: Place,
  previous: TurnMemory | undefined,
): Understanding | undefined {
  if (previous && ONLY_A_LINK.test(rest))
    return {
      intent: previous.intent,
      entities: previous.entities,
      offset: 0,
      usedContext: true,
      ...flagsAFollowUpKeeps(previous.flags ?? {}),
      place,
    };
  const list = BARE_LIST.exec(rest);
  if (!list) return undefined;
  return {
    intent: list[1] ? 'top_customers' : 'top_products',
    entities: {},
    offset: 0,
    usedContext: false,
    place,
  };
}
