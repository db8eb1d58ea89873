import type { ChatPeriod, Lang } from '../../contract/api.ts';
import { countOf, NOUN } from '../count-words.ts';
import { capitalize, formatDay, formatMonth, formatNumber, say } from '../format.ts';
import { addDays, mondayOf } from '../understanding/days.ts';
import type { PeriodPeak } from '../understanding/peak-period-words.ts';
import { noTransactions, table, unknownProduct } from './answers.ts';
import { describePeriod, describeSubject, periodOrCalendarWeeks } from './filters.ts';
import { bucketEnd, isWholeBucket, salesSeries, type SeriesGrain, type SeriesPoint } from './sales-series.ts';
import type { Tool } from './toolbox.ts';

/** A best week is one of a year's: without a period named, or with too little data in it, 52 weeks. */
const PEAK_WEEKS = 52;

/** The first week or month starting on or after `day`. */
function firstBucketFrom(day: string, grain: SeriesGrain): string {
  if (grain === 'week') return mondayOf(addDays(day, 6));
  return day.endsWith('-01') ? day : addDays(bucketEnd(`${day.slice(0, 8)}01`, 'month'), 1);
}

/** Whether a period holds at least one whole week (or month) of the data there is. */
function holdsWholeBucket(
  period: ChatPeriod,
  grain: SeriesGrain,
  data: { readonly firstDay: string | null; readonly lastDay: string | null },
): boolean {
  const from = data.firstDay && data.firstDay > period.from ? data.firstDay : period.from;
  return isWholeBucket(firstBucketFrom(from, grain), grain, period, data);
}

/** A week by its Monday ("la semana del 5 feb 2024"), a month by its name ("febrero de 2024"). */
const bucketName = (start: string, grain: SeriesGrain, lang: Lang): string =>
  grain === 'week'
    ? say(lang, `la semana del ${formatDay(start, lang)}`, `the week of ${formatDay(start, lang)}`)
    : formatMonth(start, lang);

/**
 * "¿Cuál fue la semana con más ventas del año?", "which month sold the least?": the best or worst
 * week or month of the period (default the last 52 weeks) with its units, from the same weekly (or
 * monthly) series the trend draws. A week or month the period or the data cut short is no worst one;
 * a period without one whole week (or month) of data is said so and the last 52 weeks used instead.
 */
export const peakPeriodTool =
  (peak: PeriodPeak): Tool =>
  async (box, req) => {
    const { lang, vocab } = req;
    const e = req.entities;
    if (e.product_id !== undefined && !vocab.productIds.has(e.product_id))
      return unknownProduct(String(e.product_id), lang);
    const last = vocab.lastDay;
    if (!last) return noTransactions(lang);
    const asked = periodOrCalendarWeeks(req, PEAK_WEEKS, last);
    const enough = holdsWholeBucket(asked, peak.grain, vocab);
    const period: ChatPeriod = enough
      ? asked
      : {
          from: addDays(mondayOf(last), -7 * (PEAK_WEEKS - 1)),
          to: last,
          label: say(
            lang,
            `las últimas ${PEAK_WEEKS} semanas de datos`,
            `the last ${PEAK_WEEKS} weeks of data`,
          ),
        };
    const grainWord = say(
      lang,
      peak.grain === 'week' ? 'una semana entera' : 'un mes entero',
      peak.grain === 'week' ? 'one whole week' : 'one whole month',
    );
    const fallback = enough
      ? ''
      : say(
          lang,
          `${capitalize(describePeriod(asked, lang))} no hay ni ${grainWord} de datos (los datos llegan hasta el ${formatDay(last, lang)}), así que miro ${period.label}. `,
          `${capitalize(describePeriod(asked, lang))} there is not even ${grainWord} of data (the data end on ${formatDay(last, lang)}), so I look at ${period.label}. `,
        );
    const series = await salesSeries(box, e, period, peak.grain);
    const whole = (p: SeriesPoint) => isWholeBucket(p.start, peak.grain, period, vocab);
    // A week the data end in the middle of sold over fewer days: it is no worst week.
    const candidates = peak.end === 'worst' ? series.filter(whole) : series;
    const leftOut = peak.end === 'worst' ? series.filter((p) => !whole(p)) : [];
    const subject = describeSubject(e, lang);
    const of = subject.length ? say(lang, ` de ${subject.join(', ')}`, ` of ${subject.join(', ')}`) : '';
    const when = describePeriod(period, lang);
    const noun = peak.grain === 'week' ? NOUN.week : NOUN.month;
    if (candidates.length === 0) {
      const none =
        peak.end === 'worst' && series.length > 0
          ? say(lang, `No hay ${grainWord}${of} ${when}.`, `There is not ${grainWord}${of} ${when}.`)
          : say(lang, `No hubo ventas${of} ${when}.`, `There were no sales${of} ${when}.`);
      return {
        text: `${fallback}${none}`,
        answered: true,
        basedOn: [when, ...subject],
        data: { period, grain: peak.grain, end: peak.end, fallback: !enough, buckets: [] },
      };
    }
    const pick = candidates.reduce((a, b) =>
      peak.end === 'best' ? (b.units > a.units ? b : a) : b.units < a.units ? b : a,
    );
    const average = candidates.reduce((sum, p) => sum + p.units, 0) / candidates.length;
    const most = peak.end === 'best';
    const headline = say(
      lang,
      `${peak.grain === 'week' ? 'La semana' : 'El mes'} con ${most ? 'más' : 'menos'} ventas${of} ${when} fue ${bucketName(pick.start, peak.grain, lang)}: ${countOf(pick.units, lang, NOUN.unit)}, frente a una media de ${formatNumber(average, lang)} por ${peak.grain === 'week' ? 'semana' : 'mes'} en ${countOf(candidates.length, lang, noun)}.`,
      `The ${peak.grain} with the ${most ? 'most' : 'fewest'} sales${of} ${when} was ${bucketName(pick.start, peak.grain, lang)}: ${countOf(pick.units, lang, NOUN.unit)}, against an average of ${formatNumber(average, lang)} per ${peak.grain} over ${countOf(candidates.length, lang, noun)}.`,
    );
    const partial =
      leftOut.length === 0
        ? ''
        : say(
            lang,
            ` No cuenta${leftOut.length > 1 ? 'n' : ''} ${leftOut.map((p) => bucketName(p.start, peak.grain, lang)).join(' ni ')}, que no ${leftOut.length > 1 ? 'están' : 'está'} ${peak.grain === 'week' ? 'entera' : 'entero'}${leftOut.length > 1 ? 's' : ''} en los datos.`,
            ` Left out: ${leftOut.map((p) => bucketName(p.start, peak.grain, lang)).join(' and ')}, not wholly in the data.`,
          );
    return {
      text: `${fallback}${headline}${partial}`,
      answered: true,
      basedOn: [
        when,
        ...subject,
        say(
          lang,
          peak.grain === 'week' ? 'semanas de lunes a domingo' : 'meses del calendario',
          peak.grain === 'week' ? 'Monday–Sunday weeks' : 'calendar months',
        ),
      ],
      table: table(
        [
          [
            say(lang, peak.grain === 'week' ? 'Semana' : 'Mes', peak.grain === 'week' ? 'Week' : 'Month'),
            false,
          ],
          [say(lang, 'Unidades', 'Units'), true],
        ],
        series.map((p) => [
          peak.grain === 'week' ? formatDay(p.start, lang) : formatMonth(p.start, lang),
          formatNumber(p.units, lang),
        ]),
      ),
      chart: {
        kind: 'line',
        title: say(
          lang,
          `Unidades por ${peak.grain === 'week' ? 'semana' : 'mes'}`,
          `Units per ${peak.grain}`,
        ),
        labels: series.map((p) => p.start),
        series: [{ name: say(lang, 'unidades', 'units'), values: series.map((p) => p.units) }],
      },
      data: {
        period,
        grain: peak.grain,
        end: peak.end,
        fallback: !enough,
        peak: { start: pick.start, units: pick.units },
        left_out: leftOut.map((p) => p.start),
        buckets: series.map((p) => ({ start: p.start, units: p.units })),
      },
    };
  };
