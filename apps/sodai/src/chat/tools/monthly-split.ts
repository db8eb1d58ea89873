import type { ChatAttribute } from '../../contract/api.ts';
import { countOf, NOUN } from '../count-words.ts';
import { formatMonth, formatNumber, say } from '../format.ts';
import { noTransactions, table } from './answers.ts';
import { ATTRIBUTE_COLUMN, ATTRIBUTE_PLURAL, ATTRIBUTE_WORDS, valueWords } from './attribute-words.ts';
import { describePeriod, describeSubject, FROM, joinFiltersAndIds, placed } from './filters.ts';
import { lastTwelveMonths } from './monthly-sales.ts';
import type { Tool } from './toolbox.ts';

/**
 * How many values get a column: twelve months by more than six brands is no table a phone shows;
 * the others are counted in the month's total and said to be left out.
 */
const COLUMNS_SHOWN = 6;

/** A value's key in the answer's data: the store's value as text. */
const keyOf = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/**
 * "Ventas por mes de cada marca", "unidades por envase mes a mes": the units of each calendar month
 * (rows) of each value of an attribute (columns) over a period (default: the twelve months up to the
 * data's last day), within the filters, customer or region named. The values that sold most over
 * the period get a column, the month's total holds them all, and the answer says how many are left
 * out.
 */
export const monthlySplitTool =
  (attribute: ChatAttribute): Tool =>
  async (box, req) => {
    const { lang, vocab } = req;
    const last = vocab.lastDay;
    if (!last) return noTransactions(lang);
    const e = { ...placed(req), group_by: undefined };
    const period = e.period ?? lastTwelveMonths(last, lang);
    const f = joinFiltersAndIds({ ...e, period });
    const rows = await box.data.query(
      `SELECT date_trunc('month', t.purchase_date)::DATE::VARCHAR AS start,
              (${ATTRIBUTE_COLUMN[attribute]})::VARCHAR AS value, sum(t.items)::DOUBLE AS units
       FROM ${FROM} WHERE ${f.where} GROUP BY 1, 2 ORDER BY 1, 2`,
      f.params,
    );
    const subject = describeSubject(e, lang);
    const [, title] = ATTRIBUTE_WORDS[attribute][lang];
    const plural = ATTRIBUTE_PLURAL[attribute][lang];
    const when = describePeriod(period, lang);
    const of = subject.length ? say(lang, ` de ${subject.join(', ')}`, ` of ${subject.join(', ')}`) : '';
    const basedOn = [
      when,
      ...subject,
      say(
        lang,
        `meses del calendario, por ${title.toLowerCase()}`,
        `calendar months, by ${title.toLowerCase()}`,
      ),
    ];
    if (rows.length === 0)
      return {
        text: say(lang, `Sin ventas${of} ${when}.`, `No sales${of} ${when}.`),
        answered: true,
        basedOn,
        data: { period, attribute, columns: [], others: 0, months: [] },
        placeApplied: true,
      };
    const totals = new Map<string, number>();
    const months = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const value = keyOf(r.value);
      const units = Number(r.units);
      totals.set(value, (totals.get(value) ?? 0) + units);
      const month = months.get(String(r.start)) ?? new Map<string, number>();
      month.set(value, units);
      months.set(String(r.start), month);
    }
    const ranked = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const shown = ranked.slice(0, COLUMNS_SHOWN);
    const others = ranked.length - shown.length;
    const words = (value: string) => valueWords(attribute, value === '' ? null : value, lang);
    const n = (x: number) => formatNumber(x, lang);
    const starts = [...months.keys()];
    const best = (value: string) =>
      starts.reduce((a, b) => ((months.get(b)?.get(value) ?? 0) > (months.get(a)?.get(value) ?? 0) ? b : a));
    const line = ([value, units]: readonly [string, number]) => {
      const month = best(value);
      const inBest = n(months.get(month)?.get(value) ?? 0);
      return say(
        lang,
        `${words(value)} ${countOf(units, lang, NOUN.unit)} (su mejor mes, ${formatMonth(month, lang)}: ${inBest})`,
        `${words(value)} ${countOf(units, lang, NOUN.unit)} (best month ${formatMonth(month, lang)}: ${inBest})`,
      );
    };
    const leftOutUnits = ranked.slice(COLUMNS_SHOWN).reduce((a, [, u]) => a + u, 0);
    const leftOut = others
      ? say(
          lang,
          ` La tabla muestra las ${n(shown.length)} que más vendieron; ${others === 1 ? `hay 1 ${ATTRIBUTE_WORDS[attribute].es[0]} más, que suma` : `hay ${n(others)} ${plural} más, que suman`} ${countOf(leftOutUnits, lang, NOUN.unit)} y cuentan en el total de cada mes.`,
          ` The table shows the ${n(shown.length)} that sold most; ${others === 1 ? `1 more ${ATTRIBUTE_WORDS[attribute].en[0]} adds` : `${n(others)} more ${plural} add`} ${countOf(leftOutUnits, lang, NOUN.unit)} and count in each month's total.`,
        )
      : '';
    const text =
      say(
        lang,
        `Ventas por mes de cada ${ATTRIBUTE_WORDS[attribute].es[0]}${of}, ${when}: ${shown.map(line).join('; ')}.`,
        `Monthly sales of each ${ATTRIBUTE_WORDS[attribute].en[0]}${of}, ${when}: ${shown.map(line).join('; ')}.`,
      ) + leftOut;
    const monthTotal = (start: string) => [...(months.get(start)?.values() ?? [])].reduce((a, u) => a + u, 0);
    return {
      text,
      answered: true,
      basedOn,
      placeApplied: true,
      table: table(
        [
          [say(lang, 'Mes', 'Month'), false],
          ...shown.map(([value]) => [words(value), true] as const),
          [say(lang, 'Total del mes', 'Month total'), true],
        ],
        starts.map((start) => [
          formatMonth(start, lang),
          ...shown.map(([value]) => n(months.get(start)?.get(value) ?? 0)),
          n(monthTotal(start)),
        ]),
      ),
      chart: {
        kind: 'line',
        title: say(
          lang,
          `Unidades por mes de cada ${title.toLowerCase()}`,
          `Units by month of each ${title.toLowerCase()}`,
        ),
        labels: starts.map((s) => s.slice(0, 7)),
        series: shown.map(([value]) => ({
          name: words(value),
          values: starts.map((start) => months.get(start)?.get(value) ?? 0),
        })),
      },
      data: {
        period,
        attribute,
        columns: shown.map(([value, units]) => ({ value, units })),
        others,
        months: starts.map((start) => ({
          month: start.slice(0, 7),
          units: Object.fromEntries(shown.map(([value]) => [value, months.get(start)?.get(value) ?? 0])),
          total: monthTotal(start),
        })),
      },
    };
  };
