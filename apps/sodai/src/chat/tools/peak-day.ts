import { countOf, NOUN } from '../count-words.ts';
import { capitalize, formatDay, formatNumber, say } from '../format.ts';
import type { PeakAsked } from '../understanding/peak-period-words.ts';
import { noTransactions, table } from './answers.ts';
import {
  describePeriod,
  describeSubject,
  FROM,
  joinFiltersAndIds,
  periodOrCalendarWeeks,
  placed,
} from './filters.ts';
import type { Tool } from './toolbox.ts';

/** Weeks looked at when no period is named: a year, as for the best week or month. */
const PEAK_WEEKS = 52;

/** Days listed in the table, from the top (or the bottom). */
const TABLE_ROWS = 5;

/**
 * "¿Cuál fue el mejor día de ventas?", "the busiest day this year", "el día con menos ventas": the
 * day of the period (default the last 52 weeks) with the most (or fewest) units, among the days
 * with any sale (a day with none, a Sunday or a holiday, is no day of business), with the average
 * day and the next few.
 */
export const peakDayTool =
  (peak: PeakAsked): Tool =>
  async (box, req) => {
    const { lang, vocab } = req;
    const last = vocab.lastDay;
    if (!last) return noTransactions(lang);
    const period = periodOrCalendarWeeks(req, PEAK_WEEKS, last);
    const e = { ...placed(req), period };
    const f = joinFiltersAndIds(e);
    const most = peak.end === 'best';
    const rows = await box.data.query(
      `SELECT t.purchase_date::DATE::VARCHAR AS day, sum(t.items)::DOUBLE AS units,
              avg(sum(t.items)) OVER ()::DOUBLE AS average, count(*) OVER ()::DOUBLE AS days
       FROM ${FROM} WHERE ${f.where} GROUP BY 1 HAVING sum(t.items) > 0
       ORDER BY units ${most ? 'DESC' : 'ASC'}, day LIMIT ${TABLE_ROWS}`,
      f.params,
    );
    const when = describePeriod(period, lang);
    const subject = describeSubject(e, lang);
    const of = subject.length ? say(lang, ` de ${subject.join(', ')}`, ` of ${subject.join(', ')}`) : '';
    const basedOn = [when, ...subject, say(lang, 'días con ventas', 'days with sales')];
    const [pick] = rows;
    if (!pick)
      return {
        text: say(lang, `Sin ventas${of} ${when}.`, `No sales${of} ${when}.`),
        answered: true,
        basedOn,
        data: { period, days: [] },
      };
    const weekday = (day: string) =>
      new Intl.DateTimeFormat(lang === 'es' ? 'es-ES' : 'en-US', { weekday: 'long', timeZone: 'UTC' }).format(
        new Date(`${day}T00:00:00Z`),
      );
    const day = String(pick.day);
    const text = say(
      lang,
      `El día con ${most ? 'más' : 'menos'} ventas${of} ${when} fue el ${weekday(day)} ${formatDay(day, lang)}: ${countOf(Number(pick.units), lang, NOUN.unit)}, frente a una media de ${formatNumber(Number(pick.average), lang)} por día con ventas en ${countOf(Number(pick.days), lang, NOUN.day)}.`,
      `${capitalize(`the day with the ${most ? 'most' : 'fewest'} sales`)}${of} ${when} was ${weekday(day)}, ${formatDay(day, lang)}: ${countOf(Number(pick.units), lang, NOUN.unit)}, against an average of ${formatNumber(Number(pick.average), lang)} per day with sales over ${countOf(Number(pick.days), lang, NOUN.day)}.`,
    );
    return {
      text,
      answered: true,
      basedOn,
      table: table(
        [
          [say(lang, 'Día', 'Day'), false],
          [say(lang, 'Unidades', 'Units'), true],
        ],
        rows.map((r) => [
          `${weekday(String(r.day))} ${formatDay(String(r.day), lang)}`,
          formatNumber(Number(r.units), lang),
        ]),
      ),
      data: {
        period,
        end: peak.end,
        days: rows.map((r) => ({ day: String(r.day), units: Number(r.units) })),
      },
    };
  };
