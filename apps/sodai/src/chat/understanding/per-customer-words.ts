import type { Lang } from '../../contract/api.ts';
import { say } from '../format.ts';
import { lastCompleteMonth, lastCompleteWeek } from './days.ts';
import { TYPE_PHRASES } from './ranking-subject.ts';

/**
 * Each customer as the unit of an average: "por cliente", "per customer", "cada cliente", "each
 * customer", "the average customer", "cliente promedio". A type of customer stands for "cliente"
 * ("cada mayorista"). Singular only, and "per customer type" splits by type instead.
 */
const EACH_CUSTOMER =
  /\b(?:por|cada|per|each|every|(?:the |an |a )?(?:average|typical)) (?:(?:average|typical|single) )?(?:cliente|customer|client|comprador|buyer)\b(?! (?:types?|tipos?|segments?|segmentos?)\b)|\b(?:cliente|customer) (?:promedio|tipico|medio)\b/;

/** "Un cliente", "a restaurant" (a type stands for "cliente"): one customer, said loosely. */
const A_CUSTOMER = /\b(?:un|una|a|an) (?:cliente|customer|client|comprador|buyer)\b/;

/**
 * An order as what is measured: "¿cuánto pide un almacén?", "average order of a wholesaler" ask
 * the size of an order, unless each customer is said outright.
 */
const ORDER_TALK = /\b(?:pide|piden|pedido|pedidos|order|orders|ordena|ordenan)\b/;

/** Orders counted: "¿cuántos pedidos hace un mayorista?" asks how many, not how big each is. */
const ORDERS_COUNTED =
  /\b(?:cuant[oa]s (?:\w+ )?(?:pedidos|ordenes)|how many orders|(?:numero|cantidad|number) (?:de |of )?(?:pedidos|ordenes|orders))\b/;

/** A ranking asked: "top clientes por unidades" ranks, it asks no average. */
const RANKING = /\b(?:top|ranking|mejor(?:es)?|best|biggest)\b/;

/** An average said: "promedio", "en promedio", "average", "on average", "typical". */
const AVERAGE = /\b(?:promedio|promedia\w*|media|average|avg|mean|typical|tipic[oa])\b/;

/** "Cuánto", "cuántas unidades", "how much", "how many units": an amount asked. */
const AMOUNT = /\b(?:cuant[oa]s?|how (?:much|many))\b/;

/** What is counted per customer, in so many words: units, volume, purchases, orders. */
const MEASURE = /\b(?:unidades|units|volumen|volume|compras?|purchases?|pedidos|orders)\b/;

/** "¿Cuántos productos compra cada cliente?", "number of products per customer": distinct products. */
const COUNTS_PRODUCTS =
  /\b(?:(?:cuant[oa]s|how many) (?:distint[oa]s |different )?|(?:numero|cantidad|number|count) (?:de |of )?(?:distint[oa]s |different )?)(?:productos|products|skus|items|articulos|referencias)\b/;

/** "¿Cuántas marcas compra cada cliente?": distinct brands. */
const COUNTS_BRANDS =
  /\b(?:(?:cuant[oa]s|how many) (?:distint[oa]s |different )?|(?:numero|cantidad|number|count) (?:de |of )?(?:distint[oa]s |different )?)(?:marcas|brands)\b/;

/** "¿Cuántos clientes …?": counting something else than what each customer buys. */
const COUNTS_OTHER =
  /\b(?:cuant[oa]s|how many) (?:distint[oa]s |different )?(?:clientes|customers|clients|categorias|categories)\b/;

/** Orders as what is averaged: "¿cuántos pedidos hace cada cliente?", "orders per customer". */
const ORDERS = /\b(?:pedidos|orders|compras|purchases)\b/;
const UNITS = /\b(?:unidades|units|volumen|volume)\b/;

/** What an average per customer counts: units, orders, or different products or brands. */
export type PerCustomerMeasure = 'units' | 'orders' | 'products' | 'brands';

/**
 * What a question averages per customer, units, orders or different products or brands, over the customers who bought; undefined
 * when it asks no such average. One customer named, a ranking or a count of other things are other
 * questions, and so is "ventas por cliente" with no average or measure said (a split).
 *
 * @example
 * perCustomerAsked('cuantas unidades compra en promedio cada cliente'); // 'units'
 * perCustomerAsked('cuantos pedidos hace cada cliente'); // 'orders'
 * perCustomerAsked('how many products does each customer buy'); // 'products'
 * perCustomerAsked('unidades por pedido'); // undefined
 */
export function perCustomerAsked(text: string): PerCustomerMeasure | undefined {
  const marked = text.replace(TYPE_PHRASES, 'cliente');
  const each = EACH_CUSTOMER.test(marked);
  const oneCustomer = A_CUSTOMER.test(marked) && (!ORDER_TALK.test(text) || ORDERS_COUNTED.test(text));
  if (!each && !oneCustomer) return undefined;
  if (COUNTS_OTHER.test(text) || RANKING.test(text)) return undefined;
  if (COUNTS_PRODUCTS.test(text)) return 'products';
  if (COUNTS_BRANDS.test(text)) return 'brands';
  if (!AVERAGE.test(text) && !AMOUNT.test(text) && !MEASURE.test(text)) return undefined;
  return ORDERS.test(text) && !UNITS.test(text) ? 'orders' : 'units';
}

/** "Al mes", "per month", "monthly" … after an average per customer: the span it is over. */
const PER_MONTH = /\b(?:al mes|por mes|mensual(?:es|mente)?|(?:per|a|each) month|monthly)\b/;
const PER_WEEK = /\b(?:a la semana|por semana|semanal(?:es|mente)?|(?:per|a|each) week|weekly)\b/;

/**
 * The period an average per customer is over when none is named: the last complete month or week
 * when the question says "al mes" or "a la semana" (what one customer buys in one), else undefined.
 *
 * @example
 * perCustomerSpan('cuanto compra un restaurante al mes', '2024-05-19', 'es'); // April 2024
 */
export function perCustomerSpan(
  text: string,
  lastDay: string,
  lang: Lang,
): { from: string; to: string; label: string } | undefined {
  if (PER_MONTH.test(text))
    return {
      ...lastCompleteMonth(lastDay),
      label: say(lang, 'el último mes completo', 'the last complete month'),
    };
  if (PER_WEEK.test(text))
    return {
      ...lastCompleteWeek(lastDay),
      label: say(lang, 'la última semana completa', 'the last complete week'),
    };
  return undefined;
}
