import type { Lang } from '../../contract/api.ts';
import { countOf, NOUN } from '../count-words.ts';
import { against, capitalize, formatNumber, formatPercent, say } from '../format.ts';
import type { ComparedValues } from '../understanding/compared-values.ts';
import { previousPeriod } from '../understanding/periods.ts';
import { noTransactions, table } from './answers.ts';
import { describeFilters, describePeriod, periodOr4Weeks, placed, type ScopedEntities } from './filters.ts';
import { periodFigures, type PeriodFigures } from './period-figures.ts';
import type { Tool } from './toolbox.ts';

/** Units' change against the period before: "+12,5 %", or "—" with nothing before. */
function trend(now: PeriodFigures, before: PeriodFigures, lang: Lang): string {
  if (before.units <= 0) return '—';
  const c = now.units / before.units - 1;
  return `${c > 0 ? '+' : ''}${formatPercent(c, lang)}`;
}

/**
 * "Ventas de latas vs botellas", "¿quién compra más, los restaurantes o los mayoristas?": two values
 * of one attribute side by side in the period asked (default the last four weeks), within the other
 * filters named: units, customers and orders of each, their trend against the period before, and
 * which sold more.
 */
export const valuesSideBySideTool =
  (compared: ComparedValues): Tool =>
  async (box, req) => {
    const { lang } = req;
    const period = periodOr4Weeks(req);
    if (!period) return noTransactions(lang);
    const before = previousPeriod(period, lang);
    const { [compared.attribute]: _named, ...rest } = placed(req);
    const sides = await Promise.all(
      compared.values.map(async (value) => {
        const scope: ScopedEntities = { ...rest, [compared.attribute]: value };
        const label = describeFilters({ [compared.attribute]: value }, lang)[0] ?? value;
        return {
          value,
          label,
          now: await periodFigures(box, scope, period),
          before: await periodFigures(box, scope, before),
        };
      }),
    );
    const [a, b] = sides as [(typeof sides)[number], (typeof sides)[number]];
    // Types of customer buy; packages, categories and segments sell.
    const buyers = compared.attribute === 'customer_type';
    const one = (s: typeof a) =>
      buyers
        ? say(
            lang,
            `${s.label} (${countOf(s.now.customers, lang, NOUN.customer)}): ${countOf(s.now.units, lang, NOUN.unit)} en ${countOf(s.now.orders, lang, NOUN.order)} (${trend(s.now, s.before, lang)} ${against(before.label, lang)})`,
            `${s.label} (${countOf(s.now.customers, lang, NOUN.customer)}): ${countOf(s.now.units, lang, NOUN.unit)} in ${countOf(s.now.orders, lang, NOUN.order)} (${trend(s.now, s.before, lang)} ${against(before.label, lang)})`,
          )
        : say(
            lang,
            `${s.label}: ${countOf(s.now.units, lang, NOUN.unit)} a ${countOf(s.now.customers, lang, NOUN.customer)} en ${countOf(s.now.orders, lang, NOUN.order)} (${trend(s.now, s.before, lang)} ${against(before.label, lang)})`,
            `${s.label}: ${countOf(s.now.units, lang, NOUN.unit)} to ${countOf(s.now.customers, lang, NOUN.customer)} in ${countOf(s.now.orders, lang, NOUN.order)} (${trend(s.now, s.before, lang)} ${against(before.label, lang)})`,
          );
    const [more, less] = a.now.units >= b.now.units ? [a, b] : [b, a];
    const ratio = less.now.units > 0 ? formatNumber(more.now.units / less.now.units, lang, 1) : '';
    const verdict =
      a.now.units === b.now.units
        ? say(lang, 'Los dos quedan iguales en unidades.', 'Both are level in units.')
        : less.now.units <= 0
          ? say(lang, `Solo ${more.label} tuvo unidades.`, `Only ${more.label} had any units.`)
          : buyers
            ? say(
                lang,
                `Compraron más los ${more.label}: ${ratio} veces las unidades de los ${less.label}.`,
                `${capitalize(more.label)} bought more: ${ratio} times the units of ${less.label}.`,
              )
            : say(
                lang,
                `Vendió más ${more.label}: ${ratio} veces las unidades de ${less.label}.`,
                `${capitalize(more.label)} sold more: ${ratio} times the units of ${less.label}.`,
              );
    const when = describePeriod(period, lang);
    const scope = describeFilters(rest, lang);
    const within = scope.length ? ` (${scope.join(', ')})` : '';
    // Named together ("latas y botellas de la marca 24"), the two are asked for as one: their sum too.
    const sum = compared.together
      ? say(
          lang,
          `; en total ${countOf(a.now.units + b.now.units, lang, NOUN.unit)}`,
          `; together ${countOf(a.now.units + b.now.units, lang, NOUN.unit)}`,
        )
      : '';
    return {
      text: `${capitalize(when)}${within}: ${one(a)}; ${one(b)}${sum}. ${verdict}`,
      answered: true,
      basedOn: [
        when,
        describePeriod(before, lang),
        ...scope,
        say(lang, 'unidades netas de devoluciones', 'units net of returns'),
      ],
      table: table(
        [
          ['', false],
          [a.value, true],
          [b.value, true],
        ],
        [
          [say(lang, 'Unidades', 'Units'), formatNumber(a.now.units, lang), formatNumber(b.now.units, lang)],
          [
            say(lang, 'Clientes', 'Customers'),
            formatNumber(a.now.customers, lang),
            formatNumber(b.now.customers, lang),
          ],
          [
            say(lang, 'Pedidos', 'Orders'),
            formatNumber(a.now.orders, lang),
            formatNumber(b.now.orders, lang),
          ],
          [say(lang, 'Tendencia', 'Trend'), trend(a.now, a.before, lang), trend(b.now, b.before, lang)],
        ],
      ),
      chart: {
        kind: 'bar',
        title: say(lang, `Unidades, ${when}`, `Units, ${when}`),
        labels: [a.value, b.value],
        series: [{ name: say(lang, 'unidades', 'units'), values: [a.now.units, b.now.units] }],
      },
      data: {
        compared: compared.attribute,
        ...(compared.together ? { together: a.now.units + b.now.units } : {}),
        period,
        previous_period: before,
        items: sides.map((s) => ({ value: s.value, ...s.now, units_before: s.before.units })),
      },
    };
  };
