import { countOf, NOUN, type Noun } from '../count-words.ts';
import { customerTypeWords, formatNumber, formatPercent, say } from '../format.ts';
import { noTransactions } from './answers.ts';
import {
  catalogFilter,
  describeFilters,
  describePeriod,
  FROM,
  periodOrWeeks,
  placed,
  withinDates,
} from './filters.ts';
import type { Tool } from './toolbox.ts';

/** How often a group buys is a habit: twelve weeks show it, unless a period is named. */
const FREQUENCY_WEEKS = 12;

/**
 * How often the customers of a group buy ("¿cada cuánto compran los restaurantes?", "how often do
 * customers order?", "frecuencia de compra promedio"): over the period (default the last twelve
 * weeks), of the customers who bought, the median of each one's usual days between purchase days
 * (the same measure one customer's frequency gives), their orders per week, and how many bought in
 * every week of it. Filters narrow who (a type, a place) and what (a kind of product).
 */
export const groupFrequencyTool: Tool = async (box, req) => {
  const { lang } = req;
  const period = periodOrWeeks(req, FREQUENCY_WEEKS);
  if (!period) return noTransactions(lang);
  const entities = { ...placed(req), period };
  const f = catalogFilter(entities, 3);
  const [r] = await box.data.query(
    `WITH days AS (
       SELECT DISTINCT t.customer_id, t.purchase_date::DATE AS d FROM ${FROM}
       WHERE ${withinDates(1)} AND t.items > 0 AND ${f.where}),
     gaps AS (SELECT customer_id, d, d - lag(d) OVER (PARTITION BY customer_id ORDER BY d) AS gap FROM days),
     per AS (
       SELECT customer_id, count(*) AS days, median(gap) AS usual_gap,
              count(DISTINCT ($2::DATE - d) // 7) AS weeks
       FROM gaps GROUP BY 1),
     orders AS (
       SELECT count(DISTINCT t.order_id) AS n FROM ${FROM}
       WHERE ${withinDates(1)} AND t.items > 0 AND ${f.where}),
     all_weeks AS (
       SELECT count(DISTINCT ($2::DATE - t.purchase_date::DATE) // 7) AS n FROM transactions t WHERE ${withinDates(1)})
     SELECT count(*)::DOUBLE AS customers, median(usual_gap)::DOUBLE AS usual_gap,
            count(*) FILTER (WHERE days >= 2)::DOUBLE AS repeat_customers,
            count(*) FILTER (WHERE weeks = (SELECT n FROM all_weeks))::DOUBLE AS every_week,
            (SELECT n FROM all_weeks)::DOUBLE AS weeks, (SELECT n FROM orders)::DOUBLE AS orders
     FROM per`,
    [period.from, period.to, ...f.params],
  );
  const customers = Number(r?.customers ?? 0);
  const weeks = Number(r?.weeks ?? 0);
  const orders = Number(r?.orders ?? 0);
  const everyWeek = Number(r?.every_week ?? 0);
  const gap = r?.usual_gap === null || r?.usual_gap === undefined ? undefined : Number(r.usual_gap);
  const when = describePeriod(period, lang);
  // The type is said as who bought ("los 58 restaurantes"), the rest as what they bought.
  const filters = describeFilters({ ...entities, customer_type: undefined }, lang);
  const within = filters.length ? ` (${filters.join(', ')})` : '';
  const type = entities.customer_type ?? null;
  const who: Noun = {
    es: [customerTypeWords(type, 'es', false), customerTypeWords(type, 'es')],
    en: [customerTypeWords(type, 'en', false), customerTypeWords(type, 'en')],
  };
  const perWeek = customers > 0 && weeks > 0 ? orders / customers / weeks : 0;
  const usually =
    gap === undefined
      ? say(lang, 'ninguno compró en dos días distintos', 'none bought on two different days')
      : say(
          lang,
          `compran cada ${formatNumber(gap, lang, 1)} ${gap === 1 ? 'día' : 'días'} (la mediana de los días que suele haber entre dos compras de cada uno)`,
          `buy every ${formatNumber(gap, lang, 1)} ${gap === 1 ? 'day' : 'days'} (the median of each one's usual days between two purchases)`,
        );
  const text =
    customers === 0
      ? say(lang, `Ningún cliente compró ${when}${within}.`, `No customer bought ${when}${within}.`)
      : say(
          lang,
          `${when[0]!.toUpperCase()}${when.slice(1)}${within}, los ${countOf(customers, lang, who)} que compraron ${usually}; en promedio ${countOf(perWeek, lang, NOUN.order, 1)} por semana cada uno, y ${formatNumber(everyWeek, lang)} (${formatPercent(everyWeek / customers, lang)}) compraron en ${agreeWeeks(weeks, 'es')}.`,
          `${when[0]!.toUpperCase()}${when.slice(1)}${within}, the ${countOf(customers, lang, who)} who bought ${usually}; on average ${countOf(perWeek, lang, NOUN.order, 1)} a week each, and ${formatNumber(everyWeek, lang)} (${formatPercent(everyWeek / customers, lang)}) bought in ${agreeWeeks(weeks, 'en')}.`,
        );
  return {
    text,
    answered: true,
    basedOn: [
      when,
      ...describeFilters(entities, lang),
      say(
        lang,
        'días con compras de cada cliente que compró en el período (sin devoluciones)',
        'purchase days of each customer who bought in the period (returns left out)',
      ),
    ],
    data: {
      period,
      customers,
      usual_days_between: gap ?? null,
      orders_per_customer_week: perWeek,
      every_week: everyWeek,
      weeks,
      orders,
    },
  };
};

/** "todas las 12 semanas", "every one of the 12 weeks": all the period's weeks (7 days back from its end) with sales. */
function agreeWeeks(weeks: number, lang: 'es' | 'en'): string {
  if (lang === 'es') return weeks === 1 ? 'esa semana' : `todas las ${formatNumber(weeks, lang)} semanas`;
  return weeks === 1 ? 'that week' : `every one of the ${formatNumber(weeks, lang)} weeks`;
}
