import { countOf, NOUN } from '../count-words.ts';
import { formatDay, formatNumber, say } from '../format.ts';
import { column, noTransactions, rankedTable } from './answers.ts';
import { callRule, callWeek, HABIT_MIN_WEEKS, HABIT_WEEKS } from './call-habit.ts';
import { customerTypeCell } from './customer-rows.ts';
import { catalogFilter, describeFilters, FROM } from './filters.ts';
import { rowsWanted, type Tool } from './toolbox.ts';
import { dayName } from './weekday-pattern.ts';

/**
 * "¿A qué clientes debería llamar hoy?": the customers who usually have ordered by this point of
 * the week and have not yet. "Today" is the last day of data; a customer counts when, in at least
 * {@link HABIT_MIN_WEEKS} of the {@link HABIT_WEEKS} whole weeks before, it ordered between Monday and
 * that weekday, and it has no order from this week's Monday to that day. Those with the steadiest
 * habit first, then those who buy most. The rule is said, since a call list is a judgement.
 */
export const callListTool: Tool = async (box, req) => {
  const { lang, vocab } = req;
  if (!vocab.lastDay) return noTransactions(lang);
  const week = callWeek(vocab.lastDay);
  const { today, monday, habitFrom } = week;
  const f = catalogFilter(req.entities, 5);
  const k = rowsWanted(req.entities);
  const rows = await box.data.query(
    `WITH by_now AS (
       SELECT t.customer_id, any_value(c.customer_type) AS type,
              count(DISTINCT date_trunc('week', t.purchase_date)) FILTER (
                WHERE t.purchase_date < $2::DATE AND isodow(t.purchase_date) <= isodow($3::DATE))::DOUBLE AS weeks,
              coalesce(sum(t.items) FILTER (WHERE t.purchase_date < $2::DATE), 0)::DOUBLE AS units,
              count(*) FILTER (WHERE t.purchase_date >= $2::DATE AND t.purchase_date <= $3::DATE)::DOUBLE AS this_week,
              max(t.purchase_date) FILTER (WHERE t.purchase_date < $2::DATE)::DATE::VARCHAR AS last_order
       FROM ${FROM}
       WHERE t.purchase_date >= $1::DATE AND t.purchase_date <= $3::DATE AND ${f.where}
       GROUP BY t.customer_id)
     SELECT customer_id::DOUBLE AS customer, type, weeks, units, last_order, count(*) OVER ()::DOUBLE AS found
     FROM by_now WHERE weeks >= $4 AND this_week = 0
     ORDER BY weeks DESC, units DESC, customer LIMIT ${k} OFFSET ${req.offset}`,
    [habitFrom, monday, today, HABIT_MIN_WEEKS, ...f.params],
  );
  const found = Number(rows[0]?.found ?? 0);
  const day = dayName(week.weekday, lang);
  const rule = callRule(week, lang);
  const line = (r: Readonly<Record<string, unknown>>) =>
    say(
      lang,
      `cliente ${r.customer} (${customerTypeCell(r, lang)}; ${formatNumber(Number(r.weeks), lang)} de ${HABIT_WEEKS} semanas; último pedido el ${formatDay(String(r.last_order), lang)})`,
      `customer ${r.customer} (${customerTypeCell(r, lang)}; ${formatNumber(Number(r.weeks), lang)} of ${HABIT_WEEKS} weeks; last order ${formatDay(String(r.last_order), lang)})`,
    );
  const scope = describeFilters(req.entities, lang);
  // "¿A quién visito?" is answered as visits: the same list, in the rep's own words.
  const visit = req.callList === 'visit';
  const toDo = visit ? say(lang, 'visitar', 'visit') : say(lang, 'llamar', 'call');
  const text =
    rows.length === 0
      ? say(
          lang,
          `Nadie para ${toDo} según la regla: ${rule}. Ningún cliente la cumple.`,
          `No one to ${toDo} by the rule: ${rule}. No customer meets it.`,
        )
      : say(
          lang,
          `Para ${toDo}: ${countOf(found, lang, NOUN.customer)} que suelen haber pedido a esta altura de la semana y aún no lo hicieron. Primero: ${rows.map(line).join('; ')}. Regla: ${rule}.`,
          `To ${toDo}: ${countOf(found, lang, NOUN.customer)} who usually have ordered by this point of the week and have not yet. First: ${rows.map(line).join('; ')}. Rule: ${rule}.`,
        );
  return {
    text,
    answered: true,
    basedOn: [rule, ...scope],
    table: rankedTable(
      req.offset,
      [
        column('customer', lang),
        column('type', lang),
        [say(lang, `Semanas con pedido hasta el ${day}`, `Weeks with an order by ${day}`), true],
        [say(lang, 'Último pedido', 'Last order'), false],
        column('units', lang),
      ],
      rows,
      (r) => [
        String(r.customer),
        customerTypeCell(r, lang),
        `${formatNumber(Number(r.weeks), lang)} / ${HABIT_WEEKS}`,
        formatDay(String(r.last_order), lang),
        formatNumber(Number(r.units), lang),
      ],
    ),
    data: {
      today,
      week_from: monday,
      habit_from: habitFrom,
      found,
      customers: rows.map((r) => ({ customer: Number(r.customer), weeks: Number(r.weeks) })),
    },
    customers: rows.map((r) => Number(r.customer)),
    shown: rows.length,
  };
};
