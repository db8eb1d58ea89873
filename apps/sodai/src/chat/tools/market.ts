import { countOf, NOUN } from '../count-words.ts';
import type { ChatPeriod, Lang } from '../../contract/api.ts';
import { addDays, mondayOf } from '../understanding/days.ts';
import { previousPeriod } from '../understanding/periods.ts';
import { capitalize, formatDay, formatNumber, formatPercent, productDescription, say } from '../format.ts';
import {
  column,
  netUnits,
  noTransactions,
  rankedTable,
  table,
  unitsChart,
  unknownCustomer,
  unknownProduct,
} from './answers.ts';
import { attributesOf, PRODUCT_COLUMNS } from './product-rows.ts';
import {
  describeFilters,
  describeSubject,
  describePeriod,
  FROM,
  joinFiltersAndIds,
  ofSubject,
  periodOr4Weeks,
  periodOrCalendarWeeks,
  periodOrWeeks,
  placedLeavingOut,
  scopeWords,
  type ScopedEntities,
} from './filters.ts';
import { noSalesSaid } from './last-sale-note.ts';
import { periodFigures } from './period-figures.ts';
import { likeForLike, partlyCovered } from './like-for-like.ts';
import { periodTotal } from './period-total.ts';
import { rowsWanted, type Tool, type ToolRequest } from './toolbox.ts';
import { salesSeries } from './sales-series.ts';
import { onWeekdayOnly, onWeekdayWords, weekdayBasis } from './weekday-filter.ts';
import { WEEKDAY_WEEKS } from './weekday-pattern.ts';

/** What a ranking by units (products, brands) says around its rows: when, the filters, and "no sales". */
export function rankingWords(entities: ScopedEntities, period: ChatPeriod | undefined, lang: Lang) {
  const when = period
    ? describePeriod(period, lang)
    : say(lang, 'en todo el historial', 'over the whole history');
  const scope = scopeWords(entities, lang);
  return {
    when,
    scope,
    noSales: say(lang, `No hubo ventas ${when}${scope}.`, `There were no sales ${when}${scope}.`),
  };
}

/** A row's share of the window's units, from the `total` column every ranking query selects. */
export function unitsShare(rows: readonly Readonly<Record<string, unknown>>[], lang: Lang) {
  const total = Number(rows[0]?.total ?? 0);
  return (r: Readonly<Record<string, unknown>>) =>
    total > 0 ? formatPercent(Number(r.units) / total, lang) : '—';
}

/**
 * Best-selling products by units, for a period and any catalog or customer filters. For one
 * customer ("¿qué productos compra más el 1002?") the products that customer bought most, over the
 * whole history unless a period is named (what a customer buys most is their long-run habit); for
 * everyone, over the last four weeks.
 */
export const topProductsTool: Tool = async (box, req) => {
  const { lang, vocab } = req;
  const customer = req.entities.customer_id;
  if (customer !== undefined && (req.customerText || !vocab.customerIds.has(customer)))
    return unknownCustomer(req.customerText ?? String(customer), lang, vocab.lastDay);
  // "¿Qué se vende más los lunes?": one weekday's sales, over weeks enough to hold several of them.
  const day = req.onWeekday;
  const period =
    customer !== undefined
      ? req.entities.period
      : day !== undefined
        ? periodOrWeeks(req, WEEKDAY_WEEKS)
        : periodOr4Weeks(req);
  const entities = { ...placedLeavingOut(req), ...(period ? { period } : {}) };
  // The customer narrows the sales ranked; a product named is no filter of a product ranking.
  const { product_id: _product, ...ranked } = entities;
  const f = onWeekdayOnly(joinFiltersAndIds(ranked), day);
  const on = onWeekdayWords(day, lang);
  const k = rowsWanted(entities);
  const rows = await box.data.query(
    `SELECT t.product_id::DOUBLE AS product, sum(t.items)::DOUBLE AS units, count(DISTINCT t.customer_id)::DOUBLE AS customers,
            ${PRODUCT_COLUMNS},
            sum(sum(t.items)) OVER ()::DOUBLE AS total
     FROM ${FROM} WHERE ${f.where}
     GROUP BY t.product_id HAVING sum(t.items) > 0
     ORDER BY units DESC, product LIMIT ${k} OFFSET ${req.offset}`,
    f.params,
  );
  const { when, scope, noSales } = rankingWords(entities, period, lang);
  const share = unitsShare(rows, lang);
  const { period: _asked, ...anyTime } = ranked;
  const empty =
    rows.length === 0 ? await noSalesSaid(box, req, period, joinFiltersAndIds(anyTime), noSales) : undefined;
  const text = empty
    ? empty.text
    : say(
        lang,
        `${customer === undefined ? 'Los productos más vendidos' : `Los productos que más compró el cliente ${customer}`}${on} ${when}${scope}: ${rows.map((r) => `producto ${r.product} (${productDescription(attributesOf(r), lang)}) con ${countOf(Number(r.units), lang, NOUN.unit)}`).join('; ')}.`,
        `${customer === undefined ? 'Best sellers' : `The products customer ${customer} bought most`}${on} ${when}${scope}: ${rows.map((r) => `product ${r.product} (${productDescription(attributesOf(r), lang)}) with ${countOf(Number(r.units), lang, NOUN.unit)}`).join('; ')}.`,
      );
  return {
    text,
    answered: true,
    exclusionApplied: true,
    basedOn: [when, ...describeFilters(entities, lang), ...weekdayBasis(day, lang), netUnits('sold', lang)],
    table: rankedTable(
      req.offset,
      [
        column('product', lang),
        column('description', lang),
        column('units', lang),
        column('customers', lang),
        column('share', lang),
      ],
      rows,
      (r) => [
        String(r.product),
        productDescription(attributesOf(r), lang),
        formatNumber(Number(r.units), lang),
        formatNumber(Number(r.customers), lang),
        share(r),
      ],
    ),
    chart: unitsChart(say(lang, 'producto', 'product'), when, rows, (r) => String(r.product), lang),
    data: {
      period: period ?? null,
      ...(day !== undefined ? { weekday: day } : {}),
      products: rows.map((r) => ({ product: Number(r.product), units: Number(r.units) })),
      ...(empty?.lastSale !== undefined ? { last_sale: empty.lastSale } : {}),
    },
    products: rows.map((r) => Number(r.product)),
    shown: rows.length,
    placeApplied: true,
  };
};

/** Weekly units over a period (default: the last 12 weeks) for a product, customer or filters. */
export const salesTrendTool: Tool = async (box, req) => {
  const { lang, vocab } = req;
  const e = placedLeavingOut(req);
  if (e.product_id !== undefined && !vocab.productIds.has(e.product_id))
    return unknownProduct(String(e.product_id), lang);
  const last = vocab.lastDay;
  if (!last) return noTransactions(lang);
  const period = periodOrCalendarWeeks(req, 12, last);
  const rows = await salesSeries(box, e, period, 'week');
  const subject = describeSubject(e, lang);
  const what = subject.length ? subject.join(', ') : say(lang, 'todas las ventas', 'all sales');
  // Without a subject the sales are the whole distributor's: "sales of all sales" says nothing.
  const of = ofSubject(e, lang);
  const weeklySales = of
    ? say(lang, `Ventas semanales${of}`, `Weekly sales${of}`)
    : say(lang, 'Ventas semanales totales', 'Total weekly sales');
  if (rows.length === 0) {
    return {
      text: say(
        lang,
        `Sin ventas${of} ${describePeriod(period, lang)}.`,
        `No sales${of} ${describePeriod(period, lang)}.`,
      ),
      answered: true,
      exclusionApplied: true,
      basedOn: [describePeriod(period, lang)],
      data: { weeks: [] },
    };
  }
  const units = rows.map((r) => Number(r.units));
  // "¿Cuántos litros …?": the weeks are measured in litres too, so the best and weakest week and the
  // direction are of the volume asked for, not of units said with no unit beside them.
  const inLitres = req.inLitres === true;
  const measure = (r: (typeof rows)[number]) => (inLitres ? r.litres : r.units);
  const noun = inLitres ? NOUN.litre : NOUN.unit;
  const decimals = inLitres ? 1 : 0;
  // A week the data end in the middle of is no weak week: it is left out of the direction and of the
  // best and weakest week, and said to be partial.
  const partialWeek =
    rows.length > 2 && addDays(mondayOf(last), 6) > last && rows.at(-1)!.start === mondayOf(last);
  // So is a week the period cuts ("el mes pasado" from a Sunday: its first week is one day of sales).
  const cut = (r: (typeof rows)[number]) =>
    !(partialWeek && r.start === mondayOf(last)) &&
    (r.start < period.from || addDays(r.start, 6) > period.to);
  const edges = rows.filter(cut);
  const cutWeeks = rows.length - edges.length - (partialWeek ? 1 : 0) >= 2 ? edges : [];
  const whole = rows.filter((r, i) => !cutWeeks.includes(r) && !(partialWeek && i === rows.length - 1));
  const wholeUnits = whole.map(measure);
  const half = Math.floor(wholeUnits.length / 2);
  const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const firstHalf = avg(wholeUnits.slice(0, half));
  const secondHalf = avg(wholeUnits.slice(half));
  const change = firstHalf > 0 ? secondHalf / firstHalf - 1 : 0;
  const direction =
    Math.abs(change) < 0.05
      ? say(lang, 'estables', 'flat')
      : change > 0
        ? say(lang, `al alza (${formatPercent(change, lang)})`, `up (${formatPercent(change, lang)})`)
        : say(lang, `a la baja (${formatPercent(change, lang)})`, `down (${formatPercent(change, lang)})`);
  const best = whole.reduce((a, b) => (measure(b) > measure(a) ? b : a));
  const worst = whole.reduce((a, b) => (measure(b) < measure(a) ? b : a));
  const partialNote = partialWeek
    ? say(
        lang,
        ` La semana del ${formatDay(mondayOf(last), lang)} va incompleta (datos hasta el ${formatDay(last, lang)}): no cuenta para la tendencia ni para la semana más floja.`,
        ` The week of ${formatDay(mondayOf(last), lang)} is partial (data up to ${formatDay(last, lang)}): it is left out of the trend and the weakest week.`,
      )
    : '';
  const cutDays = cutWeeks
    .map((r) => formatDay(r.start, lang))
    .join(say(lang, ' y la del ', ' and the week of '));
  const cutNote = cutWeeks.length
    ? say(
        lang,
        ` La semana del ${cutDays} ${cutWeeks.length === 1 ? 'cae' : 'caen'} solo en parte en el período: no ${cutWeeks.length === 1 ? 'cuenta' : 'cuentan'} para la tendencia ni para la mejor y la más floja.`,
        ` The week of ${cutDays} ${cutWeeks.length === 1 ? 'falls' : 'fall'} only partly in the period: left out of the trend and of the best and weakest week.`,
      )
    : '';
  const total = rows.map(measure).reduce((a, b) => a + b, 0);
  const week = (r: (typeof rows)[number]) =>
    `${formatDay(r.start, lang)} (${formatNumber(measure(r), lang, decimals)})`;
  // After a total in litres and units, a week's bare figure could be either: it names its unit.
  const weekNamed = (r: (typeof rows)[number]) =>
    `${formatDay(r.start, lang)} (${countOf(measure(r), lang, noun, decimals)})`;
  // One week has no best or weakest; several name both, which "¿cuál fue la peor semana?" asks for.
  const weeks =
    rows.length === 1
      ? say(
          lang,
          `${countOf(total, lang, noun, decimals)} en la semana del ${formatDay(best.start, lang)}`,
          `${countOf(total, lang, noun, decimals)} in the week of ${formatDay(best.start, lang)}`,
        )
      : say(
          lang,
          `${countOf(total, lang, noun, decimals)} en ${countOf(rows.length, lang, NOUN.week)}, la mejor la del ${week(best)} y la más floja la del ${week(worst)}`,
          `${countOf(total, lang, noun, decimals)} in ${countOf(rows.length, lang, NOUN.week)}, the best the week of ${week(best)} and the weakest the week of ${week(worst)}`,
        );
  const trend =
    rows.length === 1
      ? ''
      : say(
          lang,
          `${direction} comparando la segunda mitad con la primera; `,
          `${direction} comparing the second half with the first; `,
        );
  const byWeek = `${weeklySales}, ${describePeriod(period, lang)}: ${trend}${weeks}.${cutNote}${partialNote}`;
  // "Ventas de la semana pasada": the total and the period before come first; the weeks, when there
  // are several, after it.
  const asked = req.periodTotal
    ? await periodTotal(box, e, period, lang, req.vocab, req.inLitres === true, req.changeAsked)
    : undefined;
  const text = !asked
    ? byWeek
    : rows.length === 1
      ? asked.text
      : `${asked.text} ${say(lang, 'Semana a semana', 'Week by week')}: ${trend}${say(lang, `la mejor la del ${weekNamed(best)} y la más floja la del ${weekNamed(worst)}`, `the best the week of ${weekNamed(best)} and the weakest the week of ${weekNamed(worst)}`)}.${cutNote}${partialNote}`;
  return {
    text,
    answered: true,
    exclusionApplied: true,
    basedOn: [
      describePeriod(period, lang),
      what,
      say(lang, 'semanas de lunes a domingo', 'Monday–Sunday weeks'),
    ],
    table: table(
      [[say(lang, 'Semana', 'Week'), false], column('units', lang), column('customers', lang)],
      rows.map((r) => [
        formatDay(r.start, lang),
        formatNumber(Number(r.units), lang),
        formatNumber(Number(r.customers), lang),
      ]),
    ),
    chart: {
      kind: 'line',
      title: say(lang, `Unidades por semana: ${what}`, `Units per week: ${what}`),
      labels: rows.map((r) => r.start),
      series: [{ name: say(lang, 'unidades', 'units'), values: units }],
    },
    data: {
      weeks: rows.map((r) => ({ week: r.start, units: r.units, ...(inLitres ? { litres: r.litres } : {}) })),
      change,
      ...(partialWeek ? { partial_week: mondayOf(last) } : {}),
      ...(cutWeeks.length ? { cut_weeks: cutWeeks.map((r) => r.start) } : {}),
      ...(asked ? { total: asked.current, previous: asked.previous } : {}),
    },
    placeApplied: true,
  };
};

/** Two periods side by side: units, orders and customers. */
export const comparePeriodsTool: Tool = async (box, req) => {
  const { lang } = req;
  const scoped = placedLeavingOut(req);
  const current = periodOr4Weeks(req);
  if (!current) return noTransactions(lang);
  const before = req.entities.compare_to ?? previousPeriod(current, lang);
  const [asked, whole] = current.from >= before.from ? [current, before] : [before, current];
  // A month or week so far is compared with the same days of the one before, not all of it.
  const fair = likeForLike(asked, whole, req.vocab.lastDay, lang);
  const { later: a, earlier: b, partialDays } = fair;
  // A side the data cover only in part and like-for-like did not even out is said to be uneven.
  const { firstDay, lastDay } = req.vocab;
  const note = fair.note || [a, b].map((p) => partlyCovered(p, firstDay, lastDay, lang)).join('');
  const [x, y] = [await periodFigures(box, scoped, a), await periodFigures(box, scoped, b)];
  const change = (now: number, then: number) => (then > 0 ? formatPercent(now / then - 1, lang) : '—');
  const scope = scopeWords(scoped, lang);
  // "¿El 181101 está comprando menos?": the yes or no first, then the two periods.
  const verdict = req.buyingTrend ? trendVerdict(req, x.units, y.units, lang) : '';
  const text =
    verdict +
    say(
      lang,
      `${capitalize(describePeriod(a, lang))}${scope}: ${countOf(x.units, lang, NOUN.unit)} en ${countOf(x.orders, lang, NOUN.order)} de ${countOf(x.customers, lang, NOUN.customer)}, frente a ${countOf(y.units, lang, NOUN.unit)}, ${countOf(y.orders, lang, NOUN.order)} y ${countOf(y.customers, lang, NOUN.customer)} ${describePeriod(b, lang)} (${change(x.units, y.units)} en unidades).`,
      `${capitalize(describePeriod(a, lang))}${scope}: ${countOf(x.units, lang, NOUN.unit)} in ${countOf(x.orders, lang, NOUN.order)} from ${countOf(x.customers, lang, NOUN.customer)}, against ${countOf(y.units, lang, NOUN.unit)}, ${countOf(y.orders, lang, NOUN.order)} and ${countOf(y.customers, lang, NOUN.customer)} ${describePeriod(b, lang)} (${change(x.units, y.units)} in units).`,
    ) +
    note;
  return {
    text,
    answered: true,
    exclusionApplied: true,
    basedOn: [describePeriod(a, lang), describePeriod(b, lang), ...describeFilters(scoped, lang)],
    table: table(
      [
        ['', false],
        [a.label, true],
        [b.label, true],
        [say(lang, 'Cambio', 'Change'), true],
      ],
      [
        [
          say(lang, 'Unidades', 'Units'),
          formatNumber(x.units, lang),
          formatNumber(y.units, lang),
          change(x.units, y.units),
        ],
        [
          say(lang, 'Pedidos', 'Orders'),
          formatNumber(x.orders, lang),
          formatNumber(y.orders, lang),
          change(x.orders, y.orders),
        ],
        [
          say(lang, 'Clientes', 'Customers'),
          formatNumber(x.customers, lang),
          formatNumber(y.customers, lang),
          change(x.customers, y.customers),
        ],
      ],
    ),
    chart: {
      kind: 'bar',
      title: say(lang, 'Comparación de períodos', 'Period comparison'),
      labels: [
        say(lang, 'Unidades', 'Units'),
        say(lang, 'Pedidos', 'Orders'),
        say(lang, 'Clientes', 'Customers'),
      ],
      series: [
        { name: a.label, values: [x.units, x.orders, x.customers] },
        { name: b.label, values: [y.units, y.orders, y.customers] },
      ],
    },
    data: {
      current: { period: a, ...x },
      previous: { period: b, ...y },
      ...(partialDays ? { partial_days: partialDays } : {}),
    },
    placeApplied: true,
  };
};

/**
 * "Sí: el cliente 181101 compra menos (-12 % en unidades). " — whether the customer named bought
 * less or more than in the period before, as the question asked it (only a customer's question sets
 * `buyingTrend`: a product's falls to its weekly trend).
 */
function trendVerdict(req: ToolRequest, now: number, then: number, lang: Lang): string {
  const c = then > 0 ? now / then - 1 : undefined;
  const change = c === undefined ? '—' : `${c > 0 ? '+' : ''}${formatPercent(c, lang)}`;
  const customer = req.entities.customer_id;
  const moved = now < then ? 'less' : now > then ? 'more' : 'same';
  const yes = moved === req.buyingTrend;
  const [es, en] = {
    less: ['compra menos', 'is buying less'],
    more: ['compra más', 'is buying more'],
    same: ['compra lo mismo', 'is buying the same'],
  }[moved];
  return say(
    lang,
    `${yes ? 'Sí' : 'No'}: el cliente ${customer} ${es} (${change} en unidades). `,
    `${yes ? 'Yes' : 'No'}: customer ${customer} ${en} (${change} in units). `,
  );
}
