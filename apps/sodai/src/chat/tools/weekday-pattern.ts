import type { ChatEntities, Lang } from '../../contract/api.ts';
import { countOf, NOUN } from '../count-words.ts';
import { formatNumber, formatPercent, say } from '../format.ts';
import { column, noTransactions, rankedTable, table } from './answers.ts';
import { customerTypeCell } from './customer-rows.ts';
import {
  catalogFilter,
  describeFilters,
  describePeriod,
  FROM,
  joinFiltersAndIds,
  periodOrWeeks,
  scopeWords,
} from './filters.ts';
import { rowsWanted, type Tool } from './toolbox.ts';
import { weekdayHabit, weekdayVerdict } from './weekday-verdict.ts';

type Row = Readonly<Record<string, unknown>>;

/** Weekday habits need several of each day: twelve weeks unless a period is named. */
export const WEEKDAY_WEEKS = 12;

const DAY_NAMES: Readonly<Record<Lang, readonly string[]>> = {
  es: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** The name of ISO weekday `d` (1 = Monday). */
export const dayName = (d: number, lang: Lang): string => DAY_NAMES[lang][d - 1]!;

/** What a weekday answer rests on: the period, the filters, and the purchase date's weekday. */
const weekdayBasedOn = (when: string, entities: ChatEntities, lang: Lang): string[] => [
  when,
  ...describeFilters(entities, lang),
  say(lang, 'día de la fecha de compra', 'purchase date weekday'),
];

/**
 * Sales split by day of the week in a period (default the last twelve weeks), within the filters,
 * customer or product named: units, orders and their share, the busiest day first. When deliveries
 * are planned, which day sells is what a sales team asks.
 */
export const weekdaySplitTool: Tool = async (box, req) => {
  const { lang } = req;
  const period = periodOrWeeks(req, WEEKDAY_WEEKS);
  if (!period) return noTransactions(lang);
  const entities = { ...req.entities, period };
  const f = joinFiltersAndIds(entities);
  // The day asked for first: the busiest by units unless orders are counted or the quietest asked.
  const byOrders = entities.rank_by === 'orders';
  const fewest = entities.direction === 'down';
  const rows = await box.data.query(
    `SELECT isodow(t.purchase_date)::DOUBLE AS day, sum(t.items)::DOUBLE AS units,
            count(DISTINCT t.order_id)::DOUBLE AS orders, sum(sum(t.items)) OVER ()::DOUBLE AS total
     FROM ${FROM} WHERE ${f.where} GROUP BY 1
     ORDER BY ${byOrders ? 'orders' : 'units'} ${fewest ? 'ASC' : 'DESC'}, day`,
    f.params,
  );
  const when = describePeriod(period, lang);
  const who =
    entities.customer_id !== undefined
      ? say(lang, ` del cliente ${entities.customer_id}`, ` of customer ${entities.customer_id}`)
      : entities.product_id !== undefined
        ? say(lang, ` del producto ${entities.product_id}`, ` of product ${entities.product_id}`)
        : '';
  const scope = `${who}${scopeWords(entities, lang)}`;
  const total = Number(rows[0]?.total ?? 0);
  const share = (r: Row) => (total > 0 ? formatPercent(Number(r.units) / total, lang) : '—');
  const line = (r: Row) =>
    say(
      lang,
      `${dayName(Number(r.day), lang)}: ${countOf(Number(r.units), lang, NOUN.unit)} (${share(r)}) en ${countOf(Number(r.orders), lang, NOUN.order)}`,
      `${dayName(Number(r.day), lang)}: ${countOf(Number(r.units), lang, NOUN.unit)} (${share(r)}) in ${countOf(Number(r.orders), lang, NOUN.order)}`,
    );
  const most = fewest ? say(lang, 'menos', 'least') : say(lang, 'más', 'most');
  const leader = (day: string): string => {
    if (byOrders)
      return say(
        lang,
        `el de ${fewest ? 'menos' : 'más'} pedidos es el ${day}`,
        `${day} has the ${fewest ? 'fewest' : 'most'} orders`,
      );
    // A customer buys; the distributor sells.
    if (entities.customer_id !== undefined)
      return say(lang, `el día que ${most} compra es el ${day}`, `they buy the ${most} on ${day}`);
    return say(lang, `el que ${most} vende es el ${day}`, `${day} sells the ${most}`);
  };
  // "¿El cliente 1002 suele comprar los lunes?": the yes or no comes first, the split after it.
  const habit =
    req.askedWeekday !== undefined && rows.length > 0
      ? weekdayHabit(
          req.askedWeekday,
          rows.map((r) => ({ day: Number(r.day), orders: Number(r.orders) })),
        )
      : undefined;
  const verdict =
    habit && req.askedWeekday !== undefined && entities.customer_id !== undefined
      ? `${weekdayVerdict(dayName(req.askedWeekday, lang), say(lang, `el cliente ${entities.customer_id}`, `customer ${entities.customer_id}`), when, habit, lang)} `
      : '';
  const text =
    rows.length === 0
      ? say(lang, `No hubo ventas${scope} ${when}.`, `There were no sales${scope} ${when}.`)
      : verdict +
        say(
          lang,
          `Por día de la semana, ventas${scope} ${when}: ${leader(dayName(Number(rows[0]!.day), lang))}. ${rows.map(line).join('; ')}.`,
          `By day of the week, sales${scope} ${when}: ${leader(dayName(Number(rows[0]!.day), lang))}. ${rows.map(line).join('; ')}.`,
        );
  return {
    text,
    answered: true,
    basedOn: weekdayBasedOn(when, entities, lang),
    table: table(
      [
        [say(lang, 'Día', 'Day'), false],
        column('units', lang),
        column('share', lang),
        column('orders', lang),
      ],
      rows.map((r) => [
        dayName(Number(r.day), lang),
        formatNumber(Number(r.units), lang),
        share(r),
        formatNumber(Number(r.orders), lang),
      ]),
    ),
    chart: {
      kind: 'bar',
      title: say(lang, `Unidades por día de la semana, ${when}`, `Units by day of the week, ${when}`),
      labels: rows.map((r) => dayName(Number(r.day), lang)),
      series: [{ name: say(lang, 'unidades', 'units'), values: rows.map((r) => Number(r.units)) }],
    },
    data: {
      period,
      ...(habit && req.askedWeekday !== undefined ? { asked: { day: req.askedWeekday, ...habit } } : {}),
      days: rows.map((r) => ({ day: Number(r.day), units: Number(r.units), orders: Number(r.orders) })),
    },
  };
};

/**
 * The customers who order on one weekday ("which customers order on mondays?") in a period (default
 * the last twelve weeks): how many ordered on that day at least once, then those with most orders on
 * it, each with how many of its orders that is.
 */
export const customersOnWeekdayTool =
  (day: number): Tool =>
  async (box, req) => {
    const { lang } = req;
    const period = periodOrWeeks(req, WEEKDAY_WEEKS);
    if (!period) return noTransactions(lang);
    const entities = { ...req.entities, period };
    const f = catalogFilter(entities, 4);
    const k = rowsWanted(entities);
    const rows = await box.data.query(
      `SELECT t.customer_id::DOUBLE AS customer, any_value(c.customer_type) AS type,
              count(DISTINCT t.order_id) FILTER (WHERE isodow(t.purchase_date) = $1)::DOUBLE AS on_day,
              count(DISTINCT t.order_id)::DOUBLE AS orders,
              coalesce(sum(t.items) FILTER (WHERE isodow(t.purchase_date) = $1), 0)::DOUBLE AS units,
              count(*) OVER ()::DOUBLE AS found
       FROM ${FROM}
       WHERE t.purchase_date >= $2::DATE AND t.purchase_date < $3::DATE + 1 AND ${f.where}
       GROUP BY t.customer_id HAVING count(DISTINCT t.order_id) FILTER (WHERE isodow(t.purchase_date) = $1) > 0
       ORDER BY on_day DESC, units DESC, customer LIMIT ${k} OFFSET ${req.offset}`,
      [day, period.from, period.to, ...f.params],
    );
    const when = describePeriod(period, lang);
    const scope = scopeWords(entities, lang);
    const found = Number(rows[0]?.found ?? 0);
    const name = dayName(day, lang);
    const line = (r: Row) =>
      say(
        lang,
        `cliente ${r.customer} (${customerTypeCell(r, lang)}): ${formatNumber(Number(r.on_day), lang)} de sus ${countOf(Number(r.orders), lang, NOUN.order)} en ${name}`,
        `customer ${r.customer} (${customerTypeCell(r, lang)}): ${formatNumber(Number(r.on_day), lang)} of its ${countOf(Number(r.orders), lang, NOUN.order)} on a ${name}`,
      );
    const text =
      rows.length === 0
        ? say(
            lang,
            `Ningún cliente${scope} pidió un ${name} ${when}.`,
            `No customer${scope} ordered on a ${name} ${when}.`,
          )
        : say(
            lang,
            `${countOf(found, lang, NOUN.customer)}${scope} pidieron algún ${name} ${when}; los que más: ${rows.map(line).join('; ')}.`,
            `${countOf(found, lang, NOUN.customer)}${scope} ordered on a ${name} ${when}; those who did most: ${rows.map(line).join('; ')}.`,
          );
    return {
      text,
      answered: true,
      basedOn: weekdayBasedOn(when, entities, lang),
      table: rankedTable(
        req.offset,
        [
          column('customer', lang),
          column('type', lang),
          [say(lang, `Pedidos en ${name}`, `Orders on ${name}`), true],
          column('orders', lang),
          column('units', lang),
        ],
        rows,
        (r) => [
          String(r.customer),
          customerTypeCell(r, lang),
          formatNumber(Number(r.on_day), lang),
          formatNumber(Number(r.orders), lang),
          formatNumber(Number(r.units), lang),
        ],
      ),
      data: {
        period,
        day,
        found,
        customers: rows.map((r) => ({ customer: Number(r.customer), on_day: Number(r.on_day) })),
      },
      customers: rows.map((r) => Number(r.customer)),
      shown: rows.length,
    };
  };
