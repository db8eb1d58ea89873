import { agree, countOf, NOUN } from '../count-words.ts';
import type { Lang } from '../../contract/api.ts';
import { formatDay, formatNumber, say } from '../format.ts';
import { column, noTransactions, rankedTable } from './answers.ts';
import { customerTypeCell } from './customer-rows.ts';
import { dataStartCaveat, firstSinceDataStart } from './data-start-caveat.ts';
import {
  describeFilters,
  FROM,
  joinFiltersAndIds,
  periodOr4Weeks,
  scopeWords,
  type ScopedEntities,
} from './filters.ts';
import { rankingWords } from './market.ts';
import { rowsWanted, type Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/** What a question names of the products: a first purchase of it is asked, not of anything. */
const PRODUCT_SIDE = [
  'product_id',
  'brand',
  'category',
  'sub_category',
  'segment',
  'package',
  'size_litres',
] as const satisfies readonly (keyof ScopedEntities)[];

/** Who is counted: the type of customer and the place named, without what they bought. */
function whoIsCounted(e: ScopedEntities): ScopedEntities {
  return {
    ...(e.customer_type !== undefined ? { customer_type: e.customer_type } : {}),
    ...(e.place ? { place: e.place } : {}),
  };
}

/** "el producto 1370", "productos de marca Brand 24": what the first purchase is of. */
function firstOf(e: ScopedEntities, lang: Lang): string {
  if (e.product_id !== undefined) return say(lang, `el producto ${e.product_id}`, `product ${e.product_id}`);
  const { customer_type: _type, place: _place, ...kinds } = e;
  const named = describeFilters(kinds, lang).join(', ');
  return say(lang, `productos de ${named}`, `products of ${named}`);
}

/**
 * Customers whose first purchase in the data falls in a period (default: the last four weeks),
 * most units first, with what they bought in the period. Point in time: only purchases up to the
 * period's end are read, so a later purchase changes nothing. A period that starts where the data
 * starts makes every customer look new, and the answer says so.
 */
export const newCustomersTool: Tool = async (box, req) => {
  const { lang, vocab } = req;
  const period = periodOr4Weeks(req);
  if (!period) return noTransactions(lang);
  const entities = { ...req.entities, period };
  // "¿Qué clientes compraron el 1370 por primera vez?": the first purchase of what is named, not of
  // anything (a type of customer or a place only narrows who is counted).
  const { period: _period, customer_id: _customer, ...named } = entities;
  const ofIt = PRODUCT_SIDE.some((key) => named[key] !== undefined);
  const f = joinFiltersAndIds(named);
  const n = f.params.length + 1;
  const k = rowsWanted(entities);
  const rows = await box.data.query(
    `WITH firsts AS (
       SELECT t.customer_id, min(t.purchase_date) AS first FROM ${FROM}
       WHERE t.items > 0 AND ${ofIt ? f.where : 'TRUE'} AND t.purchase_date < $${n + 1}::DATE + 1
       GROUP BY t.customer_id)
     SELECT t.customer_id::DOUBLE AS customer, any_value(c.customer_type) AS type,
            any_value(s.first)::DATE::VARCHAR AS first,
            sum(t.items)::DOUBLE AS units, count(DISTINCT t.order_id)::DOUBLE AS orders,
            count(*) OVER ()::DOUBLE AS found
     FROM ${FROM} JOIN firsts s ON s.customer_id = t.customer_id
     WHERE ${f.where} AND s.first >= $${n}::DATE
       AND t.purchase_date >= $${n}::DATE AND t.purchase_date < $${n + 1}::DATE + 1
     GROUP BY t.customer_id
     ORDER BY units DESC, first, customer LIMIT ${k} OFFSET ${req.offset}`,
    [...f.params, period.from, period.to],
  );
  const { when, scope: allScope } = rankingWords(entities, period, lang);
  const scope = ofIt ? scopeWords(whoIsCounted(entities), lang) : allScope;
  const it = ofIt ? firstOf(named, lang) : '';
  const found = Number(rows[0]?.found ?? 0);
  const first = (r: Row) => formatDay(String(r.first), lang);
  const bought = (r: Row) =>
    say(
      lang,
      `${countOf(Number(r.units), lang, NOUN.unit)} en ${countOf(Number(r.orders), lang, NOUN.order)}`,
      `${countOf(Number(r.units), lang, NOUN.unit)} in ${countOf(Number(r.orders), lang, NOUN.order)}`,
    );
  const caveat =
    dataStartCaveat(vocab.firstDay, period, 'customers', lang) +
    (ofIt ? firstSinceDataStart(vocab.firstDay, lang) : '');
  const text =
    rows.length === 0
      ? ofIt
        ? say(
            lang,
            `Ningún cliente${scope} compró por primera vez ${it} ${when}.${caveat}`,
            `No customer${scope} bought ${it} for the first time ${when}.${caveat}`,
          )
        : say(
            lang,
            `No hubo clientes nuevos ${when}${scope}: ningún cliente compró por primera vez en ese período.`,
            `There were no new customers ${when}${scope}: no customer bought for the first time in that period.`,
          )
      : say(
          lang,
          `${countOf(found, lang, NOUN.customer)} ${agree(found, ['compró', 'compraron'])} por primera vez ${it ? `${it} ` : ''}${when}${scope}: ${rows.map((r) => `cliente ${r.customer} (${customerTypeCell(r, lang)}), primera compra el ${first(r)}, ${bought(r)}`).join('; ')}.${caveat}`,
          `${countOf(found, lang, NOUN.customer)} bought ${it ? `${it} ` : ''}for the first time ${when}${scope}: ${rows.map((r) => `customer ${r.customer} (${customerTypeCell(r, lang)}), first purchase on ${first(r)}, ${bought(r)}`).join('; ')}.${caveat}`,
        );
  return {
    text,
    answered: true,
    basedOn: [
      when,
      ...describeFilters(entities, lang),
      say(
        lang,
        `primera compra de cada cliente${ofIt ? ` de ${it}` : ''} en los datos, hasta el fin del período; unidades y pedidos del período`,
        `each customer's first purchase${ofIt ? ` of ${it}` : ''} in the data, up to the period's end; units and orders of the period`,
      ),
    ],
    table: rankedTable(
      req.offset,
      [
        column('customer', lang),
        column('type', lang),
        [say(lang, 'Primera compra', 'First purchase'), false],
        column('units', lang),
        column('orders', lang),
      ],
      rows,
      (r) => [
        String(r.customer),
        customerTypeCell(r, lang),
        first(r),
        formatNumber(Number(r.units), lang),
        formatNumber(Number(r.orders), lang),
      ],
    ),
    data: {
      period,
      found,
      first_of: ofIt ? 'named' : 'anything',
      customers: rows.map((r) => ({
        customer: Number(r.customer),
        first: String(r.first),
        units: Number(r.units),
        orders: Number(r.orders),
      })),
    },
    customers: rows.map((r) => Number(r.customer)),
    shown: rows.length,
  };
};
