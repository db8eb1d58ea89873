import type { Lang } from '../../contract/api.ts';
import { countOf, NOUN } from '../count-words.ts';
import { formatMonth, formatNumber, say } from '../format.ts';
import type { Compared } from '../understanding/comparison.ts';
import { noTransactions, table } from './answers.ts';
import { describeFilters, describePeriod, placed, type ScopedEntities } from './filters.ts';
import { lastTwelveMonths } from './monthly-sales.ts';
import { salesSeries } from './sales-series.ts';
import type { Tool } from './toolbox.ts';

/** "la marca Brand 24" / "brand Brand 24", "producto 1370", "cliente 100026". */
function nameOf(compared: Compared, i: 0 | 1, lang: Lang): string {
  const id = compared.ids[i];
  if (compared.side === 'brands') return say(lang, `la marca ${id}`, `brand ${id}`);
  if (compared.side === 'products') return say(lang, `producto ${id}`, `product ${id}`);
  return say(lang, `cliente ${id}`, `customer ${id}`);
}

/** The question's entities narrowed to one of the two compared, the other left out. */
function oneOf(base: ScopedEntities, compared: Compared, i: 0 | 1): ScopedEntities {
  const { brand: _b, product_id: _p, customer_id: _c, ...rest } = base;
  const kept: ScopedEntities = {
    ...rest,
    // A product named beside two customers compared narrows both ("¿quién compra más 1370, el A o el B?").
    ...(compared.side === 'customers' && base.product_id !== undefined
      ? { product_id: base.product_id }
      : {}),
    ...(compared.side !== 'brands' && base.brand !== undefined ? { brand: base.brand } : {}),
  };
  const id = compared.ids[i];
  if (compared.side === 'brands') return { ...kept, brand: String(id) };
  if (compared.side === 'products') return { ...kept, product_id: Number(id) };
  return { ...kept, customer_id: Number(id) };
}

/**
 * "Marca 24 vs marca 30 por mes", "compare product 1370 and 11262 month by month": the units of
 * each of the two in every calendar month of the period (by default the twelve up to the data's last
 * day), side by side, with each one's total and the months the first sold more.
 */
export const monthlySideBySideTool =
  (compared: Compared): Tool =>
  async (box, req) => {
    const { lang, vocab } = req;
    const last = vocab.lastDay;
    if (!last) return noTransactions(lang);
    const base = placed(req);
    const period = base.period ?? lastTwelveMonths(last, lang);
    const [first, second] = await Promise.all(
      ([0, 1] as const).map((i) => salesSeries(box, oneOf(base, compared, i), period, 'month')),
    );
    const unitsOf = (series: typeof first, month: string) =>
      series!.find((p) => p.start === month)?.units ?? 0;
    const months = [...new Set([...first!, ...second!].map((p) => p.start))].sort();
    const a = nameOf(compared, 0, lang);
    const b = nameOf(compared, 1, lang);
    const when = describePeriod(period, lang);
    const basedOn = [
      when,
      ...describeFilters(base, lang),
      say(lang, 'meses del calendario', 'calendar months'),
    ];
    const data = {
      period,
      compared: [...compared.ids],
      months: months.map((m) => ({ month: m.slice(0, 7), units: [unitsOf(first, m), unitsOf(second, m)] })),
      totals: [first!, second!].map((s) => s.reduce((sum, p) => sum + p.units, 0)),
    };
    if (months.length === 0)
      return {
        text: say(
          lang,
          `Ni ${a} ni ${b} tuvieron ventas ${when}.`,
          `Neither ${a} nor ${b} had sales ${when}.`,
        ),
        answered: true,
        basedOn,
        data,
      };
    const [totalA, totalB] = data.totals as [number, number];
    const ahead = months.filter((m) => unitsOf(first, m) > unitsOf(second, m)).length;
    const byMonth = months
      .map(
        (m) =>
          `${formatMonth(m, lang)}: ${formatNumber(unitsOf(first, m), lang)} / ${formatNumber(unitsOf(second, m), lang)}`,
      )
      .join('; ');
    const text = say(
      lang,
      `Unidades por mes, ${a} / ${b}, ${when}: ${byMonth}. En total ${a} vendió ${countOf(totalA, lang, NOUN.unit)} y ${b} ${countOf(totalB, lang, NOUN.unit)}; ${a} vendió más en ${formatNumber(ahead, lang)} de ${countOf(months.length, lang, NOUN.month)}.`,
      `Units by month, ${a} / ${b}, ${when}: ${byMonth}. In all ${a} sold ${countOf(totalA, lang, NOUN.unit)} and ${b} ${countOf(totalB, lang, NOUN.unit)}; ${a} sold more in ${formatNumber(ahead, lang)} of ${countOf(months.length, lang, NOUN.month)}.`,
    );
    const label = (i: 0 | 1) => String(compared.ids[i]);
    return {
      text,
      answered: true,
      basedOn,
      table: table(
        [
          [say(lang, 'Mes', 'Month'), false],
          [label(0), true],
          [label(1), true],
        ],
        months.map((m) => [
          formatMonth(m, lang),
          formatNumber(unitsOf(first, m), lang),
          formatNumber(unitsOf(second, m), lang),
        ]),
      ),
      chart: {
        kind: 'bar',
        title: say(
          lang,
          `Unidades por mes: ${label(0)} y ${label(1)}`,
          `Units by month: ${label(0)} and ${label(1)}`,
        ),
        labels: months.map((m) => m.slice(0, 7)),
        series: ([0, 1] as const).map((i) => ({
          name: label(i),
          values: months.map((m) => unitsOf(i === 0 ? first : second, m)),
        })),
      },
      data,
    };
  };
