import type { ChatPeriod, Lang } from '../../contract/api.ts';
import { countOf, NOUN } from '../count-words.ts';
import { formatMonth, formatNumber, say } from '../format.ts';
import { noTransactions, table } from './answers.ts';
import { describePeriod, describeSubject, ofSubject, placedLeavingOut } from './filters.ts';
import { isWholeBucket, salesSeries } from './sales-series.ts';
import type { Tool } from './toolbox.ts';

/**
 * What "by month" covers when no period is named: the twelve calendar months up to the last day of
 * data. The calendar year of that day was the default, and the demo's data, ending on 5 January,
 * answered "by month" with one month of five days.
 */
export function lastTwelveMonths(lastDay: string, lang: Lang): ChatPeriod {
  const [year, month] = lastDay.split('-').map(Number) as [number, number];
  const from = new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 10);
  return { from, to: lastDay, label: say(lang, 'los últimos 12 meses', 'the last 12 months') };
}

/**
 * "Ventas de la marca 24 por mes", "sales of brand 24 by month", "mes a mes": the units of each
 * calendar month of a period (default: the twelve months up to the data's last day), within the filters, customer,
 * product or region named, with the total, the average month and the best and weakest whole month
 * (one the period or the data cut short sold over fewer days, so it is no weak one).
 */
export const monthlySalesTool: Tool = async (box, req) => {
  const { lang, vocab } = req;
  const last = vocab.lastDay;
  if (!last) return noTransactions(lang);
  // The series counts without a value the question leaves out ("ventas mensuales sin latas").
  const e = placedLeavingOut(req);
  const period = e.period ?? lastTwelveMonths(last, lang);
  const rows = await salesSeries(box, e, period, 'month');
  const subject = describeSubject(e, lang);
  const what = subject.length ? subject.join(', ') : say(lang, 'todas las ventas', 'all sales');
  const of = ofSubject(e, lang);
  const when = describePeriod(period, lang);
  const base = {
    answered: true,
    exclusionApplied: true,
    basedOn: [when, what, say(lang, 'meses del calendario', 'calendar months')],
    placeApplied: true,
  };
  if (rows.length === 0)
    return {
      ...base,
      text: say(lang, `Sin ventas${of} ${when}.`, `No sales${of} ${when}.`),
      data: { months: [] },
    };
  const total = rows.reduce((sum, r) => sum + r.units, 0);
  const month = (r: (typeof rows)[number]) =>
    `${formatMonth(r.start, lang)} (${formatNumber(r.units, lang)})`;
  const whole = rows.filter((r) => isWholeBucket(r.start, 'month', period, vocab));
  const best = whole.length > 1 ? whole.reduce((a, b) => (b.units > a.units ? b : a)) : undefined;
  const worst = whole.length > 1 ? whole.reduce((a, b) => (b.units < a.units ? b : a)) : undefined;
  const extremes =
    best && worst
      ? say(
          lang,
          ` El mejor mes completo fue ${month(best)} y el más flojo ${month(worst)}.`,
          ` The best whole month was ${month(best)} and the weakest ${month(worst)}.`,
        )
      : '';
  const byMonth = rows.map((r) => `${formatMonth(r.start, lang)}: ${formatNumber(r.units, lang)}`).join('; ');
  const average = formatNumber(total / rows.length, lang);
  const text =
    say(
      lang,
      `Ventas por mes${of}, ${when}: ${byMonth}. En total ${countOf(total, lang, NOUN.unit)} en ${countOf(rows.length, lang, NOUN.month)}, ${average} al mes en promedio.`,
      `Sales by month${of}, ${when}: ${byMonth}. In all ${countOf(total, lang, NOUN.unit)} in ${countOf(rows.length, lang, NOUN.month)}, ${average} a month on average.`,
    ) + extremes;
  return {
    ...base,
    text,
    table: table(
      [
        [say(lang, 'Mes', 'Month'), false],
        [say(lang, 'Unidades', 'Units'), true],
        [say(lang, 'Clientes', 'Customers'), true],
      ],
      rows.map((r) => [
        formatMonth(r.start, lang),
        formatNumber(r.units, lang),
        formatNumber(r.customers, lang),
      ]),
    ),
    chart: {
      kind: 'bar',
      title: say(lang, `Unidades por mes: ${what}`, `Units by month: ${what}`),
      labels: rows.map((r) => r.start.slice(0, 7)),
      series: [{ name: say(lang, 'unidades', 'units'), values: rows.map((r) => r.units) }],
    },
    data: {
      period,
      months: rows.map((r) => ({ month: r.start.slice(0, 7), units: r.units, customers: r.customers })),
      total,
    },
  };
};
