/**
 * Asking for customers who bought for the first time in a period: "clientes nuevos este mes", "new
 * customers last month", "who started buying in November", "¿quiénes compraron por primera vez?",
 * "¿cuántos clientes captamos?", "restaurantes nuevos". Fragments over normalized, spell-corrected
 * text, on word boundaries.
 */
const words = (fragments: readonly string[]) => new RegExp(`\\b(?:${fragments.join('|')})\\b`);

/** Phrases that say new customers by themselves. */
const NEW_CUSTOMER_PHRASES = [
  '(?:clientes?|tiendas?|negocios?|locales|cuentas?|compradores) nuev[oa]s?',
  'nuev[oa]s? (?:clientes?|tiendas?|negocios?|locales|cuentas?|compradores)',
  'new (?:customers?|clients?|accounts?|buyers|stores?|shops?)',
  'first[- ]?time (?:customers?|buyers|clients?)',
  '(?:empez|comenz)\\w* a (?:comprar\\w*|pedir\\w*)',
  '(?:started|begun|began|start) (?:buying|ordering|to buy|to order|purchasing)',
];

/** A first time, which is of customers when customers (or "who") are what is asked about. */
const FIRST_TIME_PHRASES = [
  'por primera vez',
  'for the first time',
  '(?:primera|primer) (?:compra|pedido)',
  'first (?:purchases?|orders?)',
];

/** Gaining customers: said of customers only, since brands and products "gain" too. */
const GAINED_WORDS = [
  'captad[oa]s',
  'captamos',
  'ganamos',
  'conseguimos',
  'sumamos',
  'se sumaron',
  'se incorporaron',
  'incorporad[oa]s',
  'altas',
  'acquired',
  'gained',
  'won',
  'onboarded',
  'joined',
  'signed up',
];

/** Every fragment above, for the speller's lexicon (so "primera" is not "corrected" to "primer"). */
export const NEW_CUSTOMER_WORDS: readonly string[] = [
  ...NEW_CUSTOMER_PHRASES,
  ...FIRST_TIME_PHRASES,
  ...GAINED_WORDS,
];
const NEW_CUSTOMERS = words(NEW_CUSTOMER_PHRASES);
const FIRST_TIME = words(FIRST_TIME_PHRASES);
const GAINED = words(GAINED_WORDS);

/** A type of customer said as new: "restaurantes nuevos", "new minimarkets". */
const NEW = words(['nuev[oa]s?', 'new']);

/**
 * New said of the customers asked about: "¿qué clientes son nuevos?", "which customers are new
 * this month?", "¿quiénes fueron nuevos en marzo?"; not new to something ("new to brand 24").
 */
const ARE_NEW = words([
  '(?:son|fueron|eran|es|fue|era|estan) (?:\\w+ )?nuev[oa]s?',
  '(?:are|were|is|was) (?:\\w+ )?new(?! to\\b)',
]);

/** "¿Quiénes …?", "who …": the customers are what is asked for. */
const WHO = words(['quien(?:es)?', 'who']);

/** What besides the words says whether the question is about new customers. */
export interface NewCustomerSignals {
  readonly namesCustomer: boolean;
  /** One product named: its first-time buyers are asked with a first time and customers. */
  readonly namesProduct: boolean;
  readonly hasCustomerType: boolean;
  /** A customer noun in the text ("clientes", "stores"). */
  readonly customerNoun: boolean;
  /** A product noun in the text: "productos nuevos" are new products. */
  readonly productNoun: boolean;
}

/**
 * Whether a normalized question asks for the customers whose first purchase falls in a period, or
 * whose first purchase of the one product named does ("¿qué clientes compraron el 1370 por primera
 * vez en diciembre?"). Not when it names one customer ("¿cuál fue la primera compra del 1002?" is
 * that customer's history) or products ("productos que se vendieron por primera vez").
 *
 * @example
 * asksNewCustomers('who started buying in november', signals); // true
 */
export function asksNewCustomers(text: string, s: NewCustomerSignals): boolean {
  if (s.namesCustomer) return false;
  if (s.namesProduct)
    return (
      (s.customerNoun || s.hasCustomerType || WHO.test(text)) &&
      (FIRST_TIME.test(text) || NEW_CUSTOMERS.test(text))
    );
  if (s.productNoun) return false;
  if (NEW_CUSTOMERS.test(text)) return true;
  const aboutCustomers = s.customerNoun || s.hasCustomerType || WHO.test(text);
  if (!aboutCustomers) return false;
  return (
    FIRST_TIME.test(text) ||
    (GAINED.test(text) && (s.customerNoun || s.hasCustomerType)) ||
    ARE_NEW.test(text) ||
    (s.hasCustomerType && NEW.test(text))
  );
}
