import { countOf, NOUN } from '../count-words.ts';
import type { ChatPeriod } from '../../contract/api.ts';
import { formatNumber, say } from '../format.ts';
import { column, rankedTable, unitsChart, unknownCustomer } from './answers.ts';
import { describeFilters, describePeriod, FROM, joinFilters, periodOrWeeks } from './filters.ts';
import { rankingWords, unitsShare } from './market.ts';
import { rowsWanted, type ChatToolbox, type Tool, type ToolRequest } from './toolbox.ts';
import { onWeekdayOnly, onWeekdayWords, weekdayBasis } from './weekday-filter.ts';
import { WEEKDAY_WEEKS } from './weekday-pattern.ts';

type Row = Readonly<Record<string, unknown>>;

/** Brands by net units in `period` (all of history when undefined), for `req`'s filters and customer. */
async function rankBrands(box: ChatToolbox, req: ToolRequest, period: ChatPeriod | undefined) {
  const { brand: _named, ...rest } = req.entities;
  const entities = { ...rest, ...(period ? { period } : {}) };
  const f = onWeekdayOnly(joinFilters(entities), req.onWeekday);
  const params = [...f.params];
  let mine = '';
  if (req.entities.customer_id !== undefined) {
    params.push(req.entities.customer_id);
    mine = ` AND t.customer_id = $${params.length}`;
  }
  // Rounded, so two brands a float apart keep one order from one query to the next.
  const rows = await box.data.query(
    `SELECT p.brand AS brand, sum(t.items)::DOUBLE AS units, count(DISTINCT t.product_id)::DOUBLE AS products,
            count(DISTINCT t.customer_id)::DOUBLE AS customers, sum(sum(t.items)) OVER ()::DOUBLE AS total,
            count(*) OVER ()::DOUBLE AS found
     FROM ${FROM} WHERE ${f.where}${mine} AND p.brand IS NOT NULL
     GROUP BY p.brand HAVING sum(t.items) > 0
     ORDER BY round(units, 6) DESC, brand LIMIT ${rowsWanted(entities)} OFFSET ${req.offset}`,
    params,
  );
  return { rows, entities };
}

/**
 * Best-selling brands by units (returns deducted) for a period and any product or customer filters
 * but a brand (ranking brands within one brand says nothing). For one customer ("¿cuál es la marca
 * favorita del 1002?") the brands that customer buys most, over the last 12 weeks unless a period
 * is named (a customer's favourites show over a season), or over the whole history when the
 * customer bought nothing in those weeks; for everyone, over the last four weeks.
 */
export const topBrandsTool: Tool = async (box, req) => {
  const { lang, vocab } = req;
  const customer = req.entities.customer_id;
  if (customer !== undefined && (req.customerText || !vocab.customerIds.has(customer)))
    return unknownCustomer(req.customerText ?? String(customer), lang, vocab.lastDay);
  // One weekday's sales ("¿qué marca se vende más los viernes?") need weeks enough to hold several.
  const day = req.onWeekday;
  const asked = periodOrWeeks(req, customer === undefined && day === undefined ? 4 : WEEKDAY_WEEKS);
  const on = onWeekdayWords(day, lang);
  let { rows, entities } = await rankBrands(box, req, asked);
  const quiet = customer !== undefined && rows.length === 0 && !req.entities.period && req.offset === 0;
  if (quiet) ({ rows, entities } = await rankBrands(box, req, undefined));
  const period = quiet ? undefined : asked;
  const { when, scope, noSales } = rankingWords(entities, period, lang);
  const share = unitsShare(rows, lang);
  // One customer's units are few: a decimal tells 10.7 from 10.3.
  const units = (r: Row) => formatNumber(Number(r.units), lang, customer === undefined ? 0 : 1);
  const found = Number(rows[0]?.found ?? 0);
  const unitsOf = (r: Row) => countOf(Number(r.units), lang, NOUN.unit, customer === undefined ? 0 : 1);
  const list = (r: Row) =>
    say(
      lang,
      `${String(r.brand)} con ${unitsOf(r)} (${share(r)})`,
      `${String(r.brand)} with ${unitsOf(r)} (${share(r)})`,
    );
  const quietNote =
    quiet && asked
      ? say(
          lang,
          `El cliente ${customer} no compró nada ${describePeriod(asked, lang)}. `,
          `Customer ${customer} bought nothing ${describePeriod(asked, lang)}. `,
        )
      : '';
  const text =
    customer !== undefined
      ? rows.length === 0
        ? say(
            lang,
            `El cliente ${customer} no tiene compras ${when}${scope}.`,
            `Customer ${customer} has no purchases ${when}${scope}.`,
          )
        : quietNote +
          say(
            lang,
            `El cliente ${customer} compró ${countOf(found, lang, NOUN.brand)} ${when}${scope}; las que más: ${rows.map(list).join('; ')}.`,
            `Customer ${customer} bought ${countOf(found, lang, NOUN.brand)} ${when}${scope}; the most: ${rows.map(list).join('; ')}.`,
          )
      : rows.length === 0
        ? noSales
        : say(
            lang,
            `Las marcas más vendidas${on} ${when}${scope}: ${rows.map((r) => `${String(r.brand)} con ${unitsOf(r)}`).join('; ')}.`,
            `Best-selling brands${on} ${when}${scope}: ${rows.map((r) => `${String(r.brand)} with ${unitsOf(r)}`).join('; ')}.`,
          );
  return {
    text,
    answered: true,
    basedOn: [
      when,
      ...(customer !== undefined ? [say(lang, `cliente ${customer}`, `customer ${customer}`)] : []),
      ...describeFilters(entities, lang),
      ...weekdayBasis(day, lang),
      say(
        lang,
        'unidades vendidas por marca (devoluciones descontadas)',
        'units sold by brand (returns deducted)',
      ),
    ],
    table: rankedTable(
      req.offset,
      [
        [say(lang, 'Marca', 'Brand'), false],
        column('units', lang),
        [say(lang, 'Productos', 'Products'), true],
        // One customer's own ranking: its customers column would say 1 on every row.
        ...(customer === undefined ? [column('customers', lang)] : []),
        column('share', lang),
      ],
      rows,
      (r) => [
        String(r.brand),
        units(r),
        formatNumber(Number(r.products), lang),
        ...(customer === undefined ? [formatNumber(Number(r.customers), lang)] : []),
        share(r),
      ],
    ),
    chart: unitsChart(say(lang, 'marca', 'brand'), when, rows, (r) => String(r.brand), lang),
    data: {
      period: period ?? null,
      ...(day !== undefined ? { weekday: day } : {}),
      ...(customer !== undefined ? { customer, brands_bought: found } : {}),
      brands: rows.map((r) => ({ brand: String(r.brand), units: Number(r.units) })),
    },
    ...(customer !== undefined ? { customers: [customer] } : {}),
    shown: rows.length,
  };
};
