import { countOf, NOUN } from '../count-words.ts';
import { formatDay, formatNumber, say } from '../format.ts';
import { addDays, lastCompleteWeek } from '../understanding/days.ts';
import { column, noTransactions, rankedTable, unknownProduct } from './answers.ts';
import { customerTypeCell } from './customer-rows.ts';
import { describeFilters, describePeriod, FROM, joinFiltersAndIds, placed, scopeWords } from './filters.ts';
import { REGULAR_WEEKS, regularityRule } from './regular-buyers.ts';
import { rowsWanted, type Tool } from './toolbox.ts';

/**
 * "¿Qué clientes suelen comprar el 1370 y no lo compraron la semana pasada?": the regular buyers of a
 * product (or a kind of product) in the eight weeks before a week (the last complete one unless the
 * question names a period), counted as the regular buyers' answer counts them, who bought none of it
 * in that week; most regular first. Whom to call about it.
 */
export const regularsWhoSkippedTool: Tool = async (box, req) => {
  const { lang, vocab } = req;
  const e = placed(req);
  if (e.product_id !== undefined && !vocab.productIds.has(e.product_id))
    return unknownProduct(String(e.product_id), lang);
  const last = vocab.lastDay;
  if (!last) return noTransactions(lang);
  const week = e.period ?? { ...lastCompleteWeek(last), label: say(lang, 'la semana pasada', 'last week') };
  const habit = { from: addDays(week.from, -7 * REGULAR_WEEKS), to: addDays(week.from, -1) };
  const { weeks, needed, sentence, basis, weeksColumn } = regularityRule(habit, lang);
  const inHabit = joinFiltersAndIds({ ...e, customer_id: undefined, period: { ...habit, label: '' } });
  const inWeek = joinFiltersAndIds({ ...e, customer_id: undefined, period: week }, inHabit.params.length + 1);
  const regulars = `SELECT customer_id, any_value(type) AS type, count(*) AS weeks, sum(units) AS units, max(last) AS last
     FROM (SELECT t.customer_id, any_value(c.customer_type) AS type,
                  floor(date_diff('day', t.purchase_date, DATE '${habit.to}') / 7) AS week, sum(t.items) AS units,
                  max(t.purchase_date) AS last
           FROM ${FROM} WHERE ${inHabit.where}
           GROUP BY t.customer_id, week HAVING sum(t.items) > 0)
     GROUP BY customer_id HAVING count(*) >= ${needed}`;
  const bought = `SELECT DISTINCT t.customer_id FROM ${FROM} WHERE ${inWeek.where} AND t.items > 0`;
  const params = [...inHabit.params, ...inWeek.params];
  // One query: the counts, and the page of those who skipped joined to them (none past the last page,
  // while the counts still hold).
  const found = await box.data.query(
    `WITH r AS MATERIALIZED (${regulars}), s AS MATERIALIZED (SELECT r.* FROM r ANTI JOIN (${bought}) b USING (customer_id))
     SELECT (SELECT count(*) FROM r)::DOUBLE AS regulars, (SELECT count(*) FROM s)::DOUBLE AS skipped,
            p.customer, p.type, p.weeks, p.units, p.last
     FROM (SELECT 1) one LEFT JOIN (
       SELECT customer_id::DOUBLE AS customer, type, weeks::DOUBLE AS weeks, units::DOUBLE AS units, last::VARCHAR AS last
       FROM s ORDER BY weeks DESC, units DESC, customer LIMIT ${rowsWanted(e)} OFFSET ${req.offset}) p ON TRUE
     ORDER BY p.weeks DESC, p.units DESC, p.customer`,
    params,
  );
  const counts = found[0];
  const rows = found.filter((r) => r.customer !== null);
  const regularCount = Number(counts?.regulars ?? 0);
  const skipped = Number(counts?.skipped ?? 0);
  const what =
    e.product_id !== undefined
      ? say(lang, `el producto ${e.product_id}`, `product ${e.product_id}`)
      : describeFilters({ ...e, period: undefined, customer_type: undefined, place: undefined }, lang).join(
          ', ',
        );
  const who = scopeWords({ customer_type: e.customer_type, ...(e.place ? { place: e.place } : {}) }, lang);
  const when = describePeriod(week, lang);
  const line = (r: Readonly<Record<string, unknown>>) =>
    say(
      lang,
      `cliente ${r.customer} (${customerTypeCell(r, lang)}; ${formatNumber(Number(r.weeks), lang)} de ${formatNumber(weeks, lang)} semanas, última compra el ${formatDay(String(r.last), lang)})`,
      `customer ${r.customer} (${customerTypeCell(r, lang)}; ${formatNumber(Number(r.weeks), lang)} of ${formatNumber(weeks, lang)} weeks, last bought ${formatDay(String(r.last), lang)})`,
    );
  const lead = say(
    lang,
    `De ${countOf(regularCount, lang, NOUN.customer)}${who} que compran ${what} con regularidad (${sentence}), ${formatNumber(skipped, lang)} no ${e.product_id !== undefined ? 'lo ' : ''}${skipped === 1 ? 'compró' : 'compraron'} ${when}`,
    `Of ${countOf(regularCount, lang, NOUN.customer)}${who} who buy ${what} regularly (${sentence}), ${formatNumber(skipped, lang)} did not buy ${e.product_id !== undefined ? 'it' : 'any'} ${when}`,
  );
  const text = rows.length ? `${lead}: ${rows.map(line).join('; ')}.` : `${lead}.`;
  return {
    text,
    answered: true,
    placeApplied: true,
    basedOn: [when, ...describeFilters({ ...e, period: undefined }, lang), basis],
    table: rankedTable(
      req.offset,
      [column('customer', lang), column('type', lang), weeksColumn, column('lastPurchase', lang)],
      rows,
      (r) => [
        String(r.customer),
        customerTypeCell(r, lang),
        formatNumber(Number(r.weeks), lang),
        formatDay(String(r.last), lang),
      ],
    ),
    data: {
      period: week,
      habit,
      needed,
      regulars: regularCount,
      skipped,
      customers: rows.map((r) => ({
        customer: Number(r.customer),
        weeks: Number(r.weeks),
        last: String(r.last),
      })),
    },
    customers: rows.map((r) => Number(r.customer)),
    shown: rows.length,
  };
};
