import { countOf, NOUN } from '../count-words.ts';
import { formatDay, say } from '../format.ts';
import { noTransactions, table } from './answers.ts';
import { weekGaps } from './data-gaps.ts';
import { addDays } from '../understanding/days.ts';
import { describeSubject, FROM, joinFiltersAndIds, periodRange } from './filters.ts';
import type { Tool } from './toolbox.ts';

/** How many weeks a sentence names; the table and data have them all. */
const NAMED = 8;

/**
 * "¿En qué semanas no se vendieron latas?", "weeks with no sales of product 1370": the Monday–Sunday
 * weeks of the period asked (default all the data) with no sale of what the question names (a kind
 * of product, a product, a type of customer; a customer too, when asked). A week in which nothing at all was sold is
 * said apart: it may be a week not loaded rather than one without that kind's sales.
 */
export const weeksWithoutSalesTool: Tool = async (box, req) => {
  const { lang, vocab, entities } = req;
  const first = vocab.firstDay;
  const last = vocab.lastDay;
  if (!first || !last) return noTransactions(lang);
  const asked = entities.period;
  const from = asked && asked.from > first ? asked.from : first;
  const to = asked && asked.to < last ? asked.to : last;
  // What is named, over every day: the days are the query's own window.
  const named = joinFiltersAndIds({ ...entities, period: undefined }, 3);
  // The days anything sold, and whether what is named sold on each.
  const rows =
    from <= to
      ? await box.data.query(
          `SELECT t.purchase_date::DATE::VARCHAR AS day, bool_or(${named.where}) AS named
           FROM ${FROM}
           WHERE t.items > 0 AND t.purchase_date >= $1::DATE AND t.purchase_date < $2::DATE + 1
           GROUP BY 1`,
          [from, to, ...named.params],
        )
      : [];
  const anything = rows.map((r) => String(r.day));
  const without = weekGaps(
    rows.filter((r) => r.named === true).map((r) => String(r.day)),
    from,
    to,
  );
  // Weeks with no sale of anything: the data's own holes.
  const empty = new Set(weekGaps(anything, from, to).missing);
  const noData = without.missing.filter((w) => empty.has(w));
  const what = describeSubject(entities, lang).join(', ');
  const span = say(
    lang,
    `Del ${formatDay(from, lang)} al ${formatDay(to, lang)}`,
    `From ${formatDay(from, lang)} to ${formatDay(to, lang)}`,
  );
  // A week the period cuts says which of its days were asked about: "la del 25 nov" alone would
  // read as a week before the period.
  const weekOf = (monday: string) => {
    const start = monday < from ? from : monday;
    const sunday = addDays(monday, 6);
    const end = sunday > to ? to : sunday;
    const range = periodRange({ from: start, to: end, label: '' }, lang);
    const cut =
      start === monday && end === sunday
        ? ''
        : say(lang, ` (en el período: ${range})`, ` (in the period: ${range})`);
    return say(lang, `la del ${formatDay(monday, lang)}`, `the week of ${formatDay(monday, lang)}`) + cut;
  };
  const beyond = without.missing.length - NAMED;
  const listed =
    without.missing.slice(0, NAMED).map(weekOf).join(', ') +
    (beyond > 0 ? say(lang, ` y ${beyond} más`, ` and ${beyond} more`) : '');
  const k = without.missing.length;
  const n = without.weeks;
  const lead =
    k === 0
      ? say(
          lang,
          `${span} ${n === 1 ? 'la semana tiene' : `las ${n} semanas tienen`} ventas (${what}): ninguna quedó sin ventas.`,
          `${span} ${n === 1 ? 'the week has' : `all ${n} weeks have`} sales (${what}): none went without.`,
        )
      : say(
          lang,
          `${span}, ${countOf(k, lang, NOUN.week)} de ${n} no ${k === 1 ? 'tiene' : 'tienen'} ventas (${what}): ${listed}.`,
          `${span}, ${countOf(k, lang, NOUN.week)} of ${n} ${k === 1 ? 'has' : 'have'} no sales (${what}): ${listed}.`,
        );
  const holes =
    noData.length === 0
      ? ''
      : ' ' +
        say(
          lang,
          `${noData.length === k ? (k === 1 ? 'En ella' : 'En todas ellas') : `En ${noData.length} de ellas`} no se vendió nada de nada: puede ser una semana sin cargar.`,
          `In ${noData.length === k ? (k === 1 ? 'it' : 'all of them') : `${noData.length} of them`} nothing at all was sold: it may be a week not loaded.`,
        );
  return {
    text: lead + holes,
    answered: true,
    basedOn: [
      say(lang, 'días con ventas en la tabla de transacciones', 'days with sales in the transactions table'),
      say(lang, 'semanas de lunes a domingo', 'Monday-to-Sunday weeks'),
      ...describeSubject(entities, lang),
    ],
    ...(k > 0
      ? {
          table: table(
            [
              [say(lang, 'Semana', 'Week'), false],
              [say(lang, 'Sin ventas de nada', 'Nothing sold at all'), false],
            ],
            without.missing.map((w) => [
              weekOf(w),
              empty.has(w) ? say(lang, 'sí', 'yes') : say(lang, 'no', 'no'),
            ]),
          ),
        }
      : {}),
    data: { from, to, weeks: n, without_sales: without.missing, nothing_sold: noData },
  };
};
