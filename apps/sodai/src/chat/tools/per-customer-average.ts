import type { ChatAttribute, Lang } from '../../contract/api.ts';
import { agree, countOf, isOne, NOUN, type Forms, type Noun } from '../count-words.ts';
import { capitalize, formatNumber, say } from '../format.ts';
import { netUnits, noTransactions, table } from './answers.ts';
import { ATTRIBUTE_COLUMN, ATTRIBUTE_WORDS, valueWords } from './attribute-words.ts';
import { describeFilters, FROM, joinFiltersAndIds, periodOr4Weeks, placedLeavingOut } from './filters.ts';
import { rankingWords } from './market.ts';
import type { Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/** What "different products / brands per customer" reads from the query, and its noun. */
const DISTINCT = {
  products: { column: 'products', noun: NOUN.product },
  brands: { column: 'brands', noun: NOUN.brand },
} as const;

/**
 * The average per customer ("¿cuántas unidades compra en promedio cada cliente?", "average units
 * per customer last month"): the units (net of returns) over the customers who bought in the period
 * (default: the last four weeks), within the brand, package, type of customer … named, with the
 * median customer and the orders per customer; split by an attribute when one is asked ("by
 * customer type"). Only buyers are counted: a registered customer who bought nothing would pull
 * the average toward what nobody buys.
 */
export const perCustomerAverageTool: Tool = async (box, req) => {
  const { lang } = req;
  const period = periodOr4Weeks(req);
  if (!period) return noTransactions(lang);
  const entities = { ...placedLeavingOut(req), period };
  const f = joinFiltersAndIds(entities);
  const split: ChatAttribute | undefined = req.entities.group_by;
  const by = split ? ATTRIBUTE_COLUMN[split] : 'NULL';
  const rows = await box.data.query(
    `WITH per AS (
       SELECT ${by} AS value, t.customer_id, sum(t.items) AS units, count(DISTINCT t.order_id) AS orders,
              count(DISTINCT t.product_id) AS products, count(DISTINCT p.brand) AS brands
       FROM ${FROM} WHERE ${f.where} GROUP BY ALL)
     SELECT value, sum(units)::DOUBLE AS units, count(*)::DOUBLE AS customers,
            sum(orders)::DOUBLE AS orders, median(units)::DOUBLE AS median,
            avg(products)::DOUBLE AS products, median(products)::DOUBLE AS median_products,
            avg(brands)::DOUBLE AS brands, median(brands)::DOUBLE AS median_brands
     FROM per GROUP BY value ORDER BY sum(units) / count(*) DESC, value`,
    f.params,
  );
  const { when, scope, noSales } = rankingWords(entities, period, lang);
  const basedOn = [
    when,
    ...describeFilters(entities, lang),
    netUnits('bought', lang),
    say(lang, 'solo los clientes que compraron en el período', 'only customers who bought in the period'),
  ];
  if (rows.length === 0)
    return { text: noSales, answered: true, exclusionApplied: true, basedOn, data: { period, customers: 0 } };
  const n = (x: number, decimals = 0) => formatNumber(x, lang, decimals);
  const average = (r: Row) => Number(r.units) / Number(r.customers);
  if (split) {
    const name = ATTRIBUTE_WORDS[split][lang];
    const groups = rows.map((r) => ({
      value: r.value === null ? null : String(r.value),
      units: Number(r.units),
      customers: Number(r.customers),
      per_customer: average(r),
    }));
    const each = rows
      .map(
        (r) =>
          `${valueWords(split, r.value, lang)}: ${countOf(average(r), lang, NOUN.unit, 1)} (${countOf(Number(r.customers), lang, NOUN.customer)})`,
      )
      .join('; ');
    return {
      text: say(
        lang,
        `Unidades por cliente según ${name[0]} ${when}${scope}: ${each}. Solo cuentan los clientes que compraron.`,
        `Units per customer by ${name[0]} ${when}${scope}: ${each}. Only customers who bought are counted.`,
      ),
      answered: true,
      exclusionApplied: true,
      basedOn,
      table: table(
        [
          [name[1], false],
          [say(lang, 'Unidades por cliente', 'Units per customer'), true],
          [say(lang, 'Clientes', 'Customers'), true],
          [say(lang, 'Unidades', 'Units'), true],
        ],
        rows.map((r) => [
          valueWords(split, r.value, lang),
          n(average(r), 1),
          n(Number(r.customers)),
          n(Number(r.units)),
        ]),
      ),
      data: { period, group_by: split, groups },
    };
  }
  const [r] = rows;
  const units = Number(r!.units);
  const customers = Number(r!.customers);
  const perCustomer = units / customers;
  const ordersEach = Number(r!.orders) / customers;
  const median = Number(r!.median);
  const productsEach = Number(r!.products);
  const brandsEach = Number(r!.brands);
  // "¿Cuántos pedidos hace cada cliente?": the orders first, the units after them.
  const unitsEach = countOf(perCustomer, lang, NOUN.unit, 1);
  const ordersEachWords = countOf(ordersEach, lang, NOUN.order, 1);
  const first = req.perCustomer === 'orders' ? ordersEachWords : unitsEach;
  const then = req.perCustomer === 'orders' ? unitsEach : ordersEachWords;
  const distinct =
    req.perCustomer === 'products' || req.perCustomer === 'brands' ? DISTINCT[req.perCustomer] : undefined;
  const text = distinct
    ? distinctPerCustomerWords({
        lead: `${capitalize(when)}${scope}`,
        customers,
        each: Number(r![distinct.column]),
        median: Number(r![`median_${distinct.column}`]),
        noun: distinct.noun,
        also: say(lang, `${unitsEach} y ${ordersEachWords}`, `${unitsEach} and ${ordersEachWords}`),
        lang,
      })
    : say(
        lang,
        `${capitalize(when)}${scope}: ${countOf(units, lang, NOUN.unit, 1)} entre ${countOf(customers, lang, NOUN.customer)} que ${agree(customers, ['compró', 'compraron'])}, en promedio ${first} por cliente (${then}; mediana: ${countOf(median, lang, NOUN.unit, 1)}). Solo cuentan los clientes que compraron.`,
        `${capitalize(when)}${scope}: ${countOf(units, lang, NOUN.unit, 1)} across ${countOf(customers, lang, NOUN.customer)} who bought, on average ${first} per customer (${then}; median: ${countOf(median, lang, NOUN.unit, 1)}). Only customers who bought are counted.`,
      );
  return {
    text,
    answered: true,
    exclusionApplied: true,
    basedOn,
    table: table(
      [
        ['', false],
        [period.label, true],
      ],
      [
        [say(lang, 'Clientes que compraron', 'Customers who bought'), n(customers)],
        [say(lang, 'Unidades', 'Units'), n(units)],
        [say(lang, 'Unidades por cliente', 'Units per customer'), n(perCustomer, 1)],
        [say(lang, 'Mediana por cliente', 'Median per customer'), n(median, 1)],
        [say(lang, 'Pedidos por cliente', 'Orders per customer'), n(ordersEach, 1)],
        [say(lang, 'Productos distintos por cliente', 'Different products per customer'), n(productsEach, 1)],
        [say(lang, 'Marcas distintas por cliente', 'Different brands per customer'), n(brandsEach, 1)],
      ],
    ),
    data: {
      period,
      units,
      customers,
      per_customer: perCustomer,
      median,
      orders_per_customer: ordersEach,
      products_per_customer: productsEach,
      brands_per_customer: brandsEach,
    },
  };
};

/**
 * "Cada uno de los 195 clientes que compraron llevó en promedio 14,9 productos distintos (mediana:
 * 13; …)": how many different products or brands a buying customer took.
 */
function distinctPerCustomerWords(w: {
  lead: string;
  customers: number;
  each: number;
  median: number;
  noun: Noun;
  also: string;
  lang: Lang;
}): string {
  const { lang } = w;
  const es = w.noun.es;
  const en = w.noun.en;
  const distinto: Forms = es[0].endsWith('a') ? ['distinta', 'distintas'] : ['distinto', 'distintos'];
  return say(
    lang,
    `${w.lead}: cada uno de los ${countOf(w.customers, lang, NOUN.customer)} que ${agree(w.customers, ['compró', 'compraron'])} llevó en promedio ${countOf(w.each, lang, w.noun, 1)} ${agree(w.each, distinto)} (mediana: ${formatNumber(w.median, lang, 1)}; ${w.also} por cliente). Solo cuentan los clientes que compraron.`,
    `${w.lead}: the ${countOf(w.customers, lang, NOUN.customer)} who bought took ${formatNumber(w.each, lang, 1)} different ${isOne(w.each) ? en[0] : en[1]} each on average (median: ${formatNumber(w.median, lang, 1)}; ${w.also} per customer). Only customers who bought are counted.`,
  );
}
