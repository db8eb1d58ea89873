import type { Lang } from '../../contract/api.ts';
import { formatDay, say } from '../format.ts';
import { noTransactions } from './answers.ts';
import { callRule, callWeek, HABIT_MIN_WEEKS, HABIT_WEEKS } from './call-habit.ts';
import { checkCustomer } from './history.ts';
import type { Tool } from './toolbox.ts';
import { dayName } from './weekday-pattern.ts';
import { weekdayHabit } from './weekday-verdict.ts';

/** "lunes y sábados", "Mondays and Saturdays": weekdays as habits, in the plural. */
function dayList(days: readonly number[], lang: Lang): string {
  const names = days
    .map((d) => dayName(d, lang))
    .map((n) => (lang === 'en' || n.endsWith('o') ? `${n}s` : n));
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} ${say(lang, 'y', 'and')} ${names.at(-1)}`;
}

/**
 * "¿Debería llamar al cliente 1002?", "should I call 1002 today?": yes or no on that customer being
 * on today's call list (the rule of the list of whom to call, read for one customer), and why: how
 * many of the weeks before it had ordered by today's weekday, whether it already ordered this week,
 * and the weekdays it usually orders on.
 */
export const callVerdictTool: Tool = async (box, req) => {
  const problem = checkCustomer(req);
  if (problem) return problem;
  const { lang, vocab } = req;
  if (!vocab.lastDay) return noTransactions(lang);
  const id = req.entities.customer_id!;
  const week = callWeek(vocab.lastDay);
  const [row] = await box.data.query(
    `SELECT count(DISTINCT date_trunc('week', purchase_date)) FILTER (
              WHERE purchase_date >= $2::DATE AND purchase_date < $3::DATE
                AND isodow(purchase_date) <= isodow($4::DATE))::DOUBLE AS weeks,
            min(purchase_date) FILTER (WHERE purchase_date >= $3::DATE AND purchase_date <= $4::DATE)::DATE::VARCHAR AS this_week,
            max(purchase_date) FILTER (WHERE purchase_date < $3::DATE)::DATE::VARCHAR AS last_before
     FROM transactions WHERE customer_id = $1 AND purchase_date <= $4::DATE`,
    [id, week.habitFrom, week.monday, week.today],
  );
  const days = await box.data.query(
    `SELECT isodow(purchase_date)::DOUBLE AS day, count(DISTINCT order_id)::DOUBLE AS orders
     FROM transactions WHERE customer_id = $1 AND purchase_date >= $2::DATE AND purchase_date < $3::DATE
     GROUP BY 1`,
    [id, week.habitFrom, week.monday],
  );
  const orders = days.map((d) => ({ day: Number(d.day), orders: Number(d.orders) }));
  const usual = [1, 2, 3, 4, 5, 6, 7].filter((d) => weekdayHabit(d, orders).habit === 'usually');
  const weeks = Number(row?.weeks ?? 0);
  const orderedThisWeek = row?.this_week ? String(row.this_week) : undefined;
  const lastBefore = row?.last_before ? String(row.last_before) : undefined;
  const onList = weeks >= HABIT_MIN_WEEKS && !orderedThisWeek;
  const today = dayName(week.weekday, lang);
  const who = say(lang, `el cliente ${id}`, `customer ${id}`);
  const habit = usual.length
    ? say(lang, ` Suele pedir los ${dayList(usual, lang)}.`, ` It usually orders on ${dayList(usual, lang)}.`)
    : '';
  const last = lastBefore
    ? say(
        lang,
        ` Último pedido antes de esta semana: ${formatDay(lastBefore, lang)}.`,
        ` Last order before this week: ${formatDay(lastBefore, lang)}.`,
      )
    : '';
  const byNow = say(
    lang,
    `en ${weeks} de las ${HABIT_WEEKS} semanas anteriores ya había pedido de lunes a ${today}`,
    `in ${weeks} of the ${HABIT_WEEKS} weeks before it had ordered by ${today}`,
  );
  const text = orderedThisWeek
    ? say(
        lang,
        `No hace falta: ${who} ya pidió esta semana (el ${formatDay(orderedThisWeek, lang)}).${habit}`,
        `No need: ${who} already ordered this week (on ${formatDay(orderedThisWeek, lang)}).${habit}`,
      )
    : onList
      ? say(
          lang,
          `Sí, ${who} está en la lista de llamadas de hoy: ${byNow}, y esta semana todavía no pidió.${habit}${last}`,
          `Yes, ${who} is on today's call list: ${byNow}, and it has not ordered this week yet.${habit}${last}`,
        )
      : weeks === 0 && orders.length === 0
        ? say(
            lang,
            `No está en la lista de llamadas de hoy: ${who} no pidió en las ${HABIT_WEEKS} semanas anteriores, así que no tiene un hábito que esté saltándose.${last} Para recuperarlo, pregunte por los clientes que dejaron de comprar.`,
            `Not on today's call list: ${who} did not order in the ${HABIT_WEEKS} weeks before, so there is no habit it is skipping.${last} To win it back, ask which customers stopped buying.`,
          )
        : say(
            lang,
            `No por ahora: ${who} no está en la lista de llamadas de hoy, porque solo ${byNow} (la regla pide ${HABIT_MIN_WEEKS}); no es raro que aún no haya pedido.${habit}${last}`,
            `Not yet: ${who} is not on today's call list, since only ${byNow} (the rule needs ${HABIT_MIN_WEEKS}); not having ordered yet is usual for it.${habit}${last}`,
          );
  const rule = callRule(week, lang);
  return {
    text: `${text} ${say(lang, 'Regla', 'Rule')}: ${rule}.`,
    answered: true,
    basedOn: [rule, say(lang, `cliente ${id}`, `customer ${id}`)],
    data: {
      customer: id,
      on_call_list: onList,
      weeks,
      ordered_this_week: orderedThisWeek ?? null,
      last_order_before: lastBefore ?? null,
      usual_days: usual,
      today: week.today,
      week_from: week.monday,
    },
    customers: [id],
  };
};
