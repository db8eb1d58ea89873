import { agree } from '../count-words.ts';
import { customerTypeWords, formatNumber, formatPercent, say } from '../format.ts';
import { previousPeriod } from '../understanding/periods.ts';
import { column, netUnits, noTransactions, rankedTable } from './answers.ts';
import { customerTypeCell } from './customer-rows.ts';
import {
  catalogFilter,
  describeFilters,
  describePeriod,
  FROM,
  periodOr4Weeks,
  scopeWords,
  withinDates,
} from './filters.ts';
import { likeForLike } from './like-for-like.ts';
import { rowsWanted, type Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/**
 * Customers by the change in what they bought between two periods: the period asked (default the
 * last four weeks) and the one it is compared with (named, or the one before), like with like when
 * the later one is cut short by the data's last day. Those who fell (bought less, or nothing) or
 * rose, biggest change first, with how many did so of those who bought in either period; within a
 * customer type and the catalogue filters named. A sales rep asks it to find whom to call.
 */
export const customerMoversTool: Tool = async (box, req) => {
  const { lang } = req;
  const current = periodOr4Weeks(req);
  if (!current) return noTransactions(lang);
  const entities = { ...req.entities, period: current };
  const down = entities.direction === 'down';
  const asked = entities.compare_to ?? previousPeriod(current, lang);
  const [later, whole] = current.from >= asked.from ? [current, asked] : [asked, current];
  const { earlier, note, partialDays } = likeForLike(later, whole, req.vocab.lastDay, lang);
  const f = catalogFilter(entities);
  const n = f.params.length + 1;
  const k = rowsWanted(entities);
  const rows = await box.data.query(
    `WITH per AS (
       SELECT t.customer_id::DOUBLE AS customer, any_value(c.customer_type) AS type,
              coalesce(sum(t.items) FILTER (WHERE ${withinDates(n)}), 0)::DOUBLE AS units_now,
              coalesce(sum(t.items) FILTER (WHERE ${withinDates(n + 2)}), 0)::DOUBLE AS units_before
       FROM ${FROM}
       WHERE ${f.where} AND ((${withinDates(n)}) OR (${withinDates(n + 2)}))
       GROUP BY t.customer_id)
     SELECT *, count(*) OVER ()::DOUBLE AS moved, (SELECT count(*) FROM per)::DOUBLE AS considered
     FROM per WHERE units_now ${down ? '<' : '>'} units_before
     ORDER BY units_now - units_before ${down ? 'ASC' : 'DESC'}, customer LIMIT ${k} OFFSET ${req.offset}`,
    [...f.params, later.from, later.to, earlier.from, earlier.to],
  );
  const moved = Number(rows[0]?.moved ?? 0);
  const considered = Number(rows[0]?.considered ?? 0);
  const type = entities.customer_type;
  const who = customerTypeWords(type ?? null, lang);
  const scope = scopeWords({ ...entities, customer_type: undefined }, lang);
  const now = describePeriod(later, lang);
  const then = describePeriod(earlier, lang);
  const units = (v: unknown) => formatNumber(Number(v), lang);
  const change = (r: Row) => {
    const before = Number(r.units_before);
    if (before <= 0) return say(lang, 'nuevo', 'new');
    const ratio = Number(r.units_now) / before - 1;
    return `${ratio > 0 ? '+' : ''}${formatPercent(ratio, lang)}`;
  };
  const line = (r: Row) =>
    say(
      lang,
      `cliente ${r.customer} (${customerTypeCell(r, lang)}): de ${units(r.units_before)} a ${units(r.units_now)} unidades (${change(r)})`,
      `customer ${r.customer} (${customerTypeCell(r, lang)}): from ${units(r.units_before)} to ${units(r.units_now)} units (${change(r)})`,
    );
  const verb = down
    ? say(lang, agree(moved, ['compró menos', 'compraron menos']), 'bought less')
    : say(lang, agree(moved, ['compró más', 'compraron más']), 'bought more');
  const head = say(
    lang,
    `${formatNumber(moved, lang)} de ${formatNumber(considered, lang)} ${who} con compras en alguno de los dos períodos ${verb}${scope} ${now} que ${then}`,
    `${formatNumber(moved, lang)} of ${formatNumber(considered, lang)} ${who} with purchases in either period ${verb}${scope} ${now} than ${then}`,
  );
  const text =
    rows.length === 0
      ? say(
          lang,
          `Ningún ${customerTypeWords(type ?? null, lang, false)} ${down ? 'compró menos' : 'compró más'}${scope} ${now} que ${then}.${note}`,
          `No ${customerTypeWords(type ?? null, lang, false)} ${down ? 'bought less' : 'bought more'}${scope} ${now} than ${then}.${note}`,
        )
      : `${head}: ${rows.map(line).join('; ')}.${note}`;
  return {
    text,
    answered: true,
    basedOn: [now, then, ...describeFilters(entities, lang), netUnits('bought', lang)],
    table: rankedTable(
      req.offset,
      [
        column('customer', lang),
        column('type', lang),
        [say(lang, `Unidades ${later.label}`, `Units ${later.label}`), true],
        [say(lang, `Unidades ${earlier.label}`, `Units ${earlier.label}`), true],
        [say(lang, 'Cambio', 'Change'), true],
      ],
      rows,
      (r) => [
        String(r.customer),
        customerTypeCell(r, lang),
        units(r.units_now),
        units(r.units_before),
        change(r),
      ],
    ),
    data: {
      period: later,
      compare_to: earlier,
      direction: down ? 'down' : 'up',
      moved,
      considered,
      ...(partialDays ? { partial_days: partialDays } : {}),
      customers: rows.map((r) => ({
        customer: Number(r.customer),
        units_now: Number(r.units_now),
        units_before: Number(r.units_before),
      })),
    },
    customers: rows.map((r) => Number(r.customer)),
    shown: rows.length,
  };
};
