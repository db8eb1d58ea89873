import { agree, countOf, NOUN } from '../count-words.ts';
import { formatDay, formatNumber, say } from '../format.ts';
import { column, netUnits, noTransactions, rankedTable } from './answers.ts';
import { customerTypeCell } from './customer-rows.ts';
import { describeFilters, periodOr4Weeks } from './filters.ts';
import { lastDayCell, LEAST_LOOKBACK_WEEKS, rankLeast } from './least-ranking.ts';
import { littleCount } from './little-count.ts';
import { rankingWords } from './market.ts';
import type { Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/**
 * The customers who bought least in the period asked (default: the last four weeks), least first:
 * net units, then orders, then the oldest last purchase (orders first when the question counts
 * orders). The customer-side twin of the slow movers ({@link rankLeast}): only customers who bought
 * in the period or in the {@link LEAST_LOOKBACK_WEEKS} weeks before it are ranked, so the shops that
 * went quiet lately come first with their last purchase, and those long gone (the lapsed customers'
 * answer) or never active are left out. The chat's product and customer filters narrow both.
 */
export const smallCustomersTool: Tool = async (box, req) => {
  const { lang } = req;
  const period = periodOr4Weeks(req);
  if (!period) return noTransactions(lang);
  const entities = { ...req.entities, period };
  const byOrders = entities.rank_by === 'orders';
  const ranking = await rankLeast(box, 'customer', entities, period, req.offset, byOrders);
  const { rows, since, ranked, idle: quiet } = ranking;
  const { when, scope } = rankingWords(entities, period, lang);
  const last = (r: Row) => lastDayCell(r, lang);
  const line = (r: Row) => {
    const who = say(lang, 'cliente', 'customer') + ` ${r.item} (${customerTypeCell(r, lang)})`;
    const units = countOf(Number(r.units), lang, NOUN.unit, 1);
    const orders = countOf(Number(r.count), lang, NOUN.order);
    return Number(r.count) === 0
      ? say(
          lang,
          `${who}: sin compras (última compra el ${last(r)})`,
          `${who}: no purchases (last purchase on ${last(r)})`,
        )
      : say(lang, `${who}: ${units} en ${orders}`, `${who}: ${units} in ${orders}`);
  };
  const quietNote =
    quiet === 0
      ? ''
      : say(
          lang,
          ` ${countOf(quiet, lang, NOUN.customer)} que ${agree(quiet, ['compró', 'compraron'])} en las ${LEAST_LOOKBACK_WEEKS} semanas anteriores no ${agree(quiet, ['compró', 'compraron'])} nada en el período.`,
          ` ${countOf(quiet, lang, NOUN.customer)} who bought in the ${LEAST_LOOKBACK_WEEKS} weeks before bought nothing in the period.`,
        );
  // "¿Cuántos clientes compran poco?": the count first, then who they are.
  const lead =
    req.howMany && rows.length > 0 ? `${littleCount(ranking, 'customer', when, scope, lang)} ` : '';
  const text =
    lead +
    (rows.length === 0
      ? say(
          lang,
          `Nadie compró entre el ${formatDay(since, lang)} y el ${formatDay(period.to, lang)}${scope}.`,
          `No customer bought from ${formatDay(since, lang)} to ${formatDay(period.to, lang)}${scope}.`,
        )
      : say(
          lang,
          `Los clientes que menos compraron ${when}${scope}${byOrders ? ' (por pedidos)' : ''}: ${rows.map(line).join('; ')}.`,
          `The customers who bought least ${when}${scope}${byOrders ? ' (by orders)' : ''}: ${rows.map(line).join('; ')}.`,
        ) + quietNote);
  const first = rows[0]?.item;
  return {
    text,
    answered: true,
    basedOn: [
      when,
      ...describeFilters(entities, lang),
      byOrders
        ? say(lang, 'pedidos, luego unidades compradas', 'orders, then units bought')
        : netUnits('bought', lang),
      say(
        lang,
        `solo clientes con compras desde el ${formatDay(since, lang)}`,
        `only customers who bought since ${formatDay(since, lang)}`,
      ),
    ],
    table: rankedTable(
      req.offset,
      [
        column('customer', lang),
        column('type', lang),
        column('units', lang),
        column('orders', lang),
        column('lastPurchase', lang),
      ],
      rows,
      (r) => [
        String(r.item),
        customerTypeCell(r, lang),
        formatNumber(Number(r.units), lang, 1),
        formatNumber(Number(r.count), lang),
        last(r),
      ],
    ),
    data: {
      period,
      ranked,
      quiet,
      little: ranking.little,
      median_units: ranking.median,
      customers: rows.map((r) => ({
        customer: Number(r.item),
        units: Number(r.units),
        orders: Number(r.count),
        last: r.last,
      })),
    },
    customers: rows.map((r) => Number(r.item)),
    shown: rows.length,
    ...(first === undefined
      ? {}
      : {
          suggestions: [
            say(lang, `¿Qué le ofrezco al cliente ${first}?`, `What should I offer customer ${first}?`),
          ],
        }),
  };
};
