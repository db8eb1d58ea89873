import type { ChatEntities, ChatIntent } from '../../contract/api.ts';
import type { TurnMemory } from '../conversation.ts';
import { NEEDS_CUSTOMER, NEEDS_PRODUCT } from './intent-groups.ts';
import { namesCatalogFilter } from './names-a-kind.ts';
import type { WritableEntities } from './understanding.ts';

/**
 * Whether the previous question can take the ids a follow-up names: "¿y el 1002?" after advice for
 * another customer swaps the customer, but after a ranking of customers, which takes none, it asks
 * about customer 1002 itself. `ambiguous`: a number the data knows as both or neither kind of id.
 */
export function takesIdsNamed(previous: TurnMemory, named: ChatEntities, ambiguous: boolean): boolean {
  const customer = previous.entities.customer_id !== undefined || NEEDS_CUSTOMER.has(previous.intent);
  const product = previous.entities.product_id !== undefined || NEEDS_PRODUCT.has(previous.intent);
  if (named.customer_id !== undefined && !customer) return false;
  if (named.product_id !== undefined && !product) return false;
  return !ambiguous || customer || product;
}

/**
 * Gives numbers the data knows as both kinds of id (or neither) the role the intent needs: a
 * customer, unless the intent is about products.
 */
export function givePendingRoles(
  pending: readonly number[],
  intent: ChatIntent,
  entities: WritableEntities,
): void {
  for (const value of pending) {
    const wantsProduct =
      (NEEDS_PRODUCT.has(intent) || intent === 'explain_recommendation' || intent === 'lapsed_customers') &&
      entities.product_id === undefined &&
      (entities.customer_id !== undefined || !NEEDS_CUSTOMER.has(intent));
    if (wantsProduct) entities.product_id = value;
    else if (entities.customer_id === undefined) entities.customer_id = value;
    else if (entities.product_id === undefined) entities.product_id = value;
  }
}

/**
 * Fills the customer or product an intent needs, and the question left out, from the previous turn
 * (`named`: what the question itself named). Whether it filled any.
 */
export function idsFromPrevious(
  intent: ChatIntent,
  entities: WritableEntities,
  named: ChatEntities,
  previous: TurnMemory,
): boolean {
  let used = false;
  // "¿Y qué le vendo a los minimarkets?" after a customer's advice asks for that type, not the customer.
  const forAType = intent === 'recommend' && named.customer_type !== undefined;
  if (
    NEEDS_CUSTOMER.has(intent) &&
    !forAType &&
    entities.customer_id === undefined &&
    previous.entities.customer_id !== undefined
  ) {
    entities.customer_id = previous.entities.customer_id;
    used = true;
  }
  if (intent === 'explain_recommendation' && entities.product_id === undefined) {
    const first = previous.products[0] ?? previous.entities.product_id;
    if (first !== undefined) {
      entities.product_id = first;
      used = true;
    }
  }
  // "¿Quién va a comprar productos de la marca X?" after a product asks about that brand, not the product.
  const forAKind = intent === 'likely_buyers' && namesCatalogFilter(named);
  if (
    (NEEDS_PRODUCT.has(intent) || intent === 'prediction_drivers') &&
    !forAKind &&
    entities.product_id === undefined &&
    previous.entities.product_id !== undefined
  ) {
    entities.product_id = previous.entities.product_id;
    used = true;
  }
  return used;
}
