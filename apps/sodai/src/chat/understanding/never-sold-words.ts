/** Never, in both languages: "nunca", "jamás", "never", "not once", "ni una vez". */
const NEVER =
  /\b(?:nunca|jamas|never|not once|ni una (?:sola )?vez|not even once|sin ninguna venta|with no sales ever)\b/;

/** Selling, in any tense: "se vendió", "vendido", "sold", "sell", "salió". */
const SOLD = /\b(?:vend\w*|sold|sell\w*|sal(?:io|ieron)|movid[oa]s?|moved)\b/;

/** Products as the subject: "productos", "products", "artículos", "SKUs". */
const PRODUCTS = /\b(?:productos?|products?|articulos?|items?|skus?|referencias?)\b/;

/** Customers or buying: "clientes que nunca compraron" asks for customers, not products. */
const CUSTOMERS = /\b(?:clientes?|customers?|compr\w*|bought|buy\w*|order\w*|pidi\w*)\b/;

/**
 * Whether a question asks for the catalogue's products that never sold ("¿qué productos nunca se
 * vendieron?", "which products have never sold?", "cuántos artículos no se vendieron nunca").
 *
 * @example
 * asksNeverSold('que productos nunca se vendieron'); // true
 * asksNeverSold('productos que menos se venden'); // false
 */
export function asksNeverSold(text: string): boolean {
  return NEVER.test(text) && SOLD.test(text) && PRODUCTS.test(text) && !CUSTOMERS.test(text);
}
