import { formatDay, formatNumber, say } from '../format.ts';
import { daysBetween } from '../understanding/days.ts';
import { noTransactions, unknownCustomer, unknownProduct } from './answers.ts';
import {
  describePeriod,
  describeSubject,
  FROM,
  joinFiltersAndIds,
  periodOrCalendarWeeks,
} from './filters.ts';
import { periodFigures } from './period-figures.ts';
import type { Tool } from './toolbox.ts';

/**
 * "Promedio por semana", "average units per week of customer 1002": the period's units and orders
 * divided by its weeks (its days over seven, counted up to the last day of data, so a week without
 * sales counts as a week of nothing), within what the question narrows to. The default period is
 * the last 12 weeks, like the weekly trend's. The rule is said with the figures.
 */
export const weeklyAverageTool: Tool = async (box, req) => {
  const { lang, vocab } = req;
  const e = req.entities;
  if (e.product_id !== undefined && !vocab.productIds.has(e.product_id))
    return unknownProduct(String(e.product_id), lang);
  if (e.customer_id !== undefined && !vocab.customerIds.has(e.customer_id))
    return unknownCustomer(String(e.customer_id), lang, vocab.lastDay);
  const last = vocab.lastDay;
  if (!last) return noTransactions(lang);
  const period = periodOrCalendarWeeks(req, 12, last);
  // Days after the data's last one hold no sales yet: they are not weeks of nothing.
  const until = period.to < last ? period.to : last;
  const days = Math.max(0, daysBetween(period.from, until) + 1);
  const when = describePeriod(period, lang);
  if (days === 0)
    return {
      text: say(lang, `No hay datos ${when}.`, `There is no data ${when}.`),
      answered: true,
      basedOn: [when],
      data: { period, days: 0 },
    };
  const weeks = days / 7;
  const counted = { ...period, to: until };
  const figures = await periodFigures(box, e, counted);
  // Buyers per week: each Monday–Sunday week's distinct buyers, summed, over the same weeks.
  const f = joinFiltersAndIds({ ...e, period: counted });
  const [b] = await box.data.query(
    `SELECT count(DISTINCT (t.customer_id, date_trunc('week', t.purchase_date)))::DOUBLE AS buyer_weeks
     FROM ${FROM} WHERE ${f.where}`,
    f.params,
  );
  const buyers = Number(b?.buyer_weeks ?? 0) / (days / 7);
  const subject = describeSubject(e, lang);
  const scope = subject.length ? ` (${subject.join(', ')})` : '';
  const units = figures.units / weeks;
  const orders = figures.orders / weeks;
  const n = (x: number) => formatNumber(x, lang, 1);
  // Of one customer, "1 clientes que compran por semana" says nothing (and in broken Spanish).
  const oneCustomer = e.customer_id !== undefined;
  const cut =
    until < period.to
      ? say(lang, ` (datos hasta el ${formatDay(last, lang)})`, ` (data up to ${formatDay(last, lang)})`)
      : '';
  const rule = say(
    lang,
    `${n(figures.units)} unidades y ${n(figures.orders)} pedidos en ${formatNumber(days, lang)} días, es decir ${n(weeks)} semanas${cut}`,
    `${n(figures.units)} units and ${n(figures.orders)} orders in ${formatNumber(days, lang)} days, that is ${n(weeks)} weeks${cut}`,
  );
  return {
    text: say(
      lang,
      `Promedio semanal ${when}${scope}: ${n(units)} unidades${oneCustomer ? ` y ${n(orders)} pedidos por semana` : `, ${n(orders)} pedidos y ${n(buyers)} clientes que compran por semana`} (${rule}). Las semanas sin ventas cuentan como cero.`,
      `Weekly average ${when}${scope}: ${n(units)} units${oneCustomer ? ` and ${n(orders)} orders per week` : `, ${n(orders)} orders and ${n(buyers)} customers buying per week`} (${rule}). Weeks without sales count as zero.`,
    ),
    answered: true,
    basedOn: [
      when,
      ...subject,
      say(lang, 'promedio = total del período / (días / 7)', 'average = period total / (days / 7)'),
    ],
    data: {
      period,
      days,
      weeks,
      total: figures,
      per_week: { units, orders, customers: buyers },
    },
  };
};
