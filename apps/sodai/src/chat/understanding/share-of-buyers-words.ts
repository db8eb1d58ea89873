import { CUSTOMER_TYPE_WORDS } from './catalog-words.ts';
import { GROUP_RE } from './intent-words.ts';

/** "Porcentaje de los", "share of our": a share of what the next words name. */
const SHARE_OF =
  /\b(?:porcentaje|proporcion|fraccion|parte|share|percentage|percent|proportion|fraction)\s+(?:de|del|of)\s+(?:(?:todos los|todas las|all of|all|los|las|nuestros|nuestras|mis|the|our|my)\s+)?/;

/** Bought, ordered, purchased, in either language and any tense. */
const BOUGHT =
  /\b(?:compr\w*|bought|buy\w*|order\w*|purchas\w*|pidi\w*|pidieron|pide\w*|piden|hicieron (?:algun )?pedidos?|hizo (?:algun )?pedidos?|placed)\b/;

/** Shares of what is sold are the sales' shares ("porcentaje de las ventas que compraron los restaurantes"). */
const SOLD_NOUN =
  /^(?:ventas?|sales|unidades|units|pedidos?|orders?|ordenes|volumen|volume|compras|purchases|productos?|products?|marcas?|brands?|items?|articulos?|ingresos|revenue)$/;

/**
 * Whether a question asks what share of the customers (or of a type of them) bought: "¿qué
 * porcentaje de los clientes compró en diciembre?", "what share of our restaurants ordered last
 * week?". The share is of those registered, not of the units sold: the words after the share name
 * the customers or a type of them, and a purchase verb follows.
 *
 * @example
 * asksShareOfBuyers('que porcentaje de los clientes compro en diciembre'); // true
 * asksShareOfBuyers('what share of our restaurants ordered last week'); // true
 * asksShareOfBuyers('que porcentaje de las ventas son latas'); // false
 * asksShareOfBuyers('que porcentaje de clientes son restaurantes'); // false
 */
export function asksShareOfBuyers(text: string): boolean {
  const m = SHARE_OF.exec(text);
  if (!m) return false;
  const rest = text.slice(m.index + m[0].length);
  const [first = '', second = ''] = rest.split(' ');
  if (SOLD_NOUN.test(first)) return false;
  // "de los clientes", "of our active customers", "de los restaurantes", "de las tiendas de barrio".
  const startsWithCustomers =
    GROUP_RE.customer.test(`${first} ${second}`) ||
    CUSTOMER_TYPE_WORDS.some(
      ([phrase]) => rest.startsWith(phrase) || rest.startsWith(phrase, first.length + 1),
    );
  return startsWithCustomers && BOUGHT.test(rest);
}
