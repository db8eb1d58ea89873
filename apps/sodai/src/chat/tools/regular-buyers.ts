import type { Lang } from '../../contract/api.ts';
import { countOf, NOUN } from '../count-words.ts';
import { formatDay, formatNumber, say } from '../format.ts';
import { daysBetween } from '../understanding/days.ts';
import { column, noTransactions, rankedTable, unknownProduct } from './answers.ts';
import { customerTypeCell } from './customer-rows.ts';
import {
  describeFilters,
  describePeriod,
  FROM,
  joinFiltersAndIds,
  periodOrWeeks,
  scopeWords,
} from './filters.ts';
import { rowsWanted, type Tool } from './toolbox.ts';

/** Weeks looked at unless the question names a period: two months of weekly buying. */
export const REGULAR_WEEKS = 8;
/** Share of those weeks a customer must have bought in to be a regular buyer ("most of them"). */
export const REGULAR_SHARE = 0.75;

/** What "regular" means over a period, as both regularity answers count it and say it. */
export interface RegularityRule {
  /** Seven-day weeks counted back from the period's last day. */
  readonly weeks: number;
  /** Weeks with a purchase that make a regular. */
  readonly needed: number;
  /** "al menos 6 de las 8 semanas entre el … y el …" */
  readonly sentence: string;
  /** The answer's "based on" line. */
  readonly basis: string;
  /** The table's "weeks with a purchase (of N)" column. */
  readonly weeksColumn: readonly [string, boolean];
}

export function regularityRule(
  period: { readonly from: string; readonly to: string },
  lang: Lang,
): RegularityRule {
  const weeks = Math.max(1, Math.ceil((daysBetween(period.from, period.to) + 1) / 7));
  const needed = Math.max(1, Math.ceil(weeks * REGULAR_SHARE));
  const sentence = say(
    lang,
    `al menos ${formatNumber(needed, lang)} de las ${formatNumber(weeks, lang)} semanas entre el ${formatDay(period.from, lang)} y el ${formatDay(period.to, lang)}`,
    `at least ${formatNumber(needed, lang)} of the ${formatNumber(weeks, lang)} weeks from ${formatDay(period.from, lang)} to ${formatDay(period.to, lang)}`,
  );
  return {
    weeks,
    needed,
    sentence,
    basis: say(
      lang,
      `semanas de 7 días contadas hacia atrás desde el ${formatDay(period.to, lang)}; regular: ${sentence}`,
      `7-day weeks counted back from ${formatDay(period.to, lang)}; regular: ${sentence}`,
    ),
    weeksColumn: [say(lang, `Semanas con compra (de ${weeks})`, `Weeks with a purchase (of ${weeks})`), true],
  };
}

type Row = Readonly<Record<string, unknown>>;

/**
 * "Clientes que compran el 20036 todas las semanas", "who buys brand X every week?": the customers
 * who bought it (or anything, when nothing is named) in most of the recent weeks, at least 6 of
 * the last 8 by default (three quarters of the weeks of a period named), most weeks first, then
 * most units. Weeks are seven-day blocks counted back from the period's last day with data, so the
 * latest week is whole; the answer states the rule and how many bought in every week.
 */
export const regularBuyersTool: Tool = async (box, req) => {
  const { lang, vocab } = req;
  const e = req.entities;
  if (e.product_id !== undefined && !vocab.productIds.has(e.product_id))
    return unknownProduct(String(e.product_id), lang);
  const asked = periodOrWeeks(req, REGULAR_WEEKS);
  const last = vocab.lastDay;
  if (!asked || !last) return noTransactions(lang);
  const period = asked.to > last ? { ...asked, to: last } : asked;
  const { weeks, needed, sentence: rule, basis, weeksColumn } = regularityRule(period, lang);
  const f = joinFiltersAndIds({ ...e, customer_id: undefined, period });
  const k = rowsWanted(e);
  const rows = await box.data.query(
    `WITH weekly AS (
       SELECT t.customer_id, any_value(c.customer_type) AS type,
              floor(date_diff('day', t.purchase_date, DATE '${period.to}') / 7) AS week, sum(t.items) AS units
       FROM ${FROM} WHERE ${f.where}
       GROUP BY t.customer_id, week HAVING sum(t.items) > 0)
     SELECT customer_id::DOUBLE AS customer, any_value(type) AS type, count(*)::DOUBLE AS weeks,
            sum(units)::DOUBLE AS units, count(*) OVER ()::DOUBLE AS found,
            count(*) FILTER (WHERE count(*) = ${weeks}) OVER ()::DOUBLE AS every_week
     FROM weekly GROUP BY customer_id HAVING count(*) >= ${needed}
     ORDER BY weeks DESC, units DESC, customer LIMIT ${k} OFFSET ${req.offset}`,
    f.params,
  );
  const when = describePeriod(period, lang);
  const product =
    e.product_id !== undefined ? say(lang, ` el producto ${e.product_id}`, ` product ${e.product_id}`) : '';
  const scope = scopeWords({ ...e, product_id: undefined }, lang);
  const found = Number(rows[0]?.found ?? 0);
  const everyWeek = Number(rows[0]?.every_week ?? 0);
  const line = (r: Row) =>
    say(
      lang,
      `cliente ${r.customer} (${customerTypeCell(r, lang)}): ${formatNumber(Number(r.weeks), lang)} de ${formatNumber(weeks, lang)} semanas, ${countOf(Number(r.units), lang, NOUN.unit)}`,
      `customer ${r.customer} (${customerTypeCell(r, lang)}): ${formatNumber(Number(r.weeks), lang)} of ${formatNumber(weeks, lang)} weeks, ${countOf(Number(r.units), lang, NOUN.unit)}`,
    );
  const text =
    rows.length === 0
      ? say(
          lang,
          `Ningún cliente${scope} compró${product} en ${rule}.`,
          `No customer${scope} bought${product} in ${rule}.`,
        )
      : say(
          lang,
          `${countOf(found, lang, NOUN.customer)}${scope} compraron${product} con regularidad, en ${rule} (${formatNumber(everyWeek, lang)} en todas): ${rows.map(line).join('; ')}.`,
          `${countOf(found, lang, NOUN.customer)}${scope} bought${product} regularly, in ${rule} (${formatNumber(everyWeek, lang)} in every one): ${rows.map(line).join('; ')}.`,
        );
  return {
    text,
    answered: true,
    basedOn: [when, ...describeFilters(e, lang), basis],
    table: rankedTable(
      req.offset,
      [column('customer', lang), column('type', lang), weeksColumn, column('units', lang)],
      rows,
      (r) => [
        String(r.customer),
        customerTypeCell(r, lang),
        formatNumber(Number(r.weeks), lang),
        formatNumber(Number(r.units), lang),
      ],
    ),
    data: {
      period,
      weeks,
      needed,
      found,
      every_week: everyWeek,
      customers: rows.map((r) => ({
        customer: Number(r.customer),
        weeks: Number(r.weeks),
        units: Number(r.units),
      })),
    },
    customers: rows.map((r) => Number(r.customer)),
    shown: rows.length,
  };
};
