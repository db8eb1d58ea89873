import { agree, countOf, NOUN } from '../count-words.ts';
import { customerTypeWords, formatDay, formatNumber, say } from '../format.ts';
import { column, netUnits, noTransactions, rankedTable } from './answers.ts';
import { periodOr4Weeks } from './filters.ts';
import { customerTypeCell } from './customer-rows.ts';
import { rankingWords } from './market.ts';
import { MAX_ROWS, type ChatToolbox, type Tool, type ToolAnswer, type ToolRequest } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/** A list of who the customers are is read on a phone: more than a ranking's five, "más" for the rest. */
const LIST_ROWS = 10;

/**
 * The customers of one type in the customer master ("lista de clientes restaurant"), those who
 * bought most in the period asked (default: the last four weeks) first, then by their last purchase
 * (most recent first), so the active ones lead and those who never bought close the list. Every
 * customer of the type is listed, not only the buyers: the rep asked who they are.
 */
export const customersOfTypeTool: Tool = (box, req) => customersListed(box, req, false);

/**
 * The customers (of the type named, if any) who did not buy in the period asked ("¿qué clientes no
 * compraron la semana pasada?"), the most recently active first: those who just skipped are the
 * calls worth making, those long gone or who never bought come last.
 */
export const customersWhoDidNotBuyTool: Tool = (box, req) => customersListed(box, req, true);

async function customersListed(box: ChatToolbox, req: ToolRequest, onlyIdle: boolean): Promise<ToolAnswer> {
  const { lang, vocab } = req;
  const type = req.entities.customer_type;
  const period = periodOr4Weeks(req);
  if (!period || !vocab.lastDay) return noTransactions(lang);
  const k = Math.min(MAX_ROWS, Math.max(1, req.entities.count ?? LIST_ROWS));
  const rows = await box.data.query(
    `WITH inside AS (
       SELECT customer_id, sum(items) AS units, count(DISTINCT order_id) AS orders FROM transactions
       WHERE purchase_date >= $2::DATE AND purchase_date < $3::DATE + 1 GROUP BY 1),
     latest AS (
       SELECT customer_id, max(purchase_date) AS last FROM transactions
       WHERE items > 0 AND purchase_date < $4::DATE + 1 GROUP BY 1),
     typed AS (
       SELECT c.customer_id, c.customer_type AS type, i.customer_id IS NOT NULL AS bought, coalesce(i.units, 0) AS units,
              coalesce(i.orders, 0) AS orders, l.last
       FROM customers c LEFT JOIN inside i USING (customer_id) LEFT JOIN latest l USING (customer_id)
       WHERE $1::VARCHAR IS NULL OR c.customer_type = $1::VARCHAR)
     SELECT customer_id::DOUBLE AS customer, type, units::DOUBLE AS units, orders::DOUBLE AS orders,
            last::DATE::VARCHAR AS last, listed, buyers
     FROM (SELECT *, count(*) OVER ()::DOUBLE AS listed, count(*) FILTER (WHERE bought) OVER ()::DOUBLE AS buyers
           FROM typed)
     WHERE ${onlyIdle ? 'NOT bought' : 'true'}
     ORDER BY units DESC, last DESC NULLS LAST, customer LIMIT ${k} OFFSET ${req.offset}`,
    [type ?? null, period.from, period.to, vocab.lastDay],
  );
  const { when } = rankingWords(req.entities, period, lang);
  const plural = customerTypeWords(type ?? null, lang);
  const listed = Number(rows[0]?.listed ?? 0);
  const buyers = Number(rows[0]?.buyers ?? 0);
  const idle = listed - buyers;
  // What the list holds in all: "más" is offered while some of it is still to show.
  const total = onlyIdle ? idle : listed;
  const last = (r: Row) => (r.last === null ? say(lang, 'nunca', 'never') : formatDay(String(r.last), lang));
  // Without a type named, each customer's type says who it is.
  const who = (r: Row) =>
    say(lang, 'cliente', 'customer') + ` ${r.customer}` + (type ? '' : ` (${customerTypeCell(r, lang)})`);
  const line = (r: Row) =>
    Number(r.orders) === 0
      ? say(
          lang,
          `${who(r)}: sin compras (última compra: ${last(r)})`,
          `${who(r)}: no purchases (last purchase: ${last(r)})`,
        )
      : say(
          lang,
          `${who(r)}: ${countOf(Number(r.units), lang, NOUN.unit, 1)} en ${countOf(Number(r.orders), lang, NOUN.order)} (última compra el ${last(r)})`,
          `${who(r)}: ${countOf(Number(r.units), lang, NOUN.unit, 1)} in ${countOf(Number(r.orders), lang, NOUN.order)} (last purchase on ${last(r)})`,
        );
  const idleLine = (r: Row) =>
    say(lang, `${who(r)}, última compra: ${last(r)}`, `${who(r)}, last purchase: ${last(r)}`);
  const moreCue =
    req.offset + rows.length < total
      ? say(lang, ' Pida «más» para ver los siguientes.', ' Ask for "more" to see the next ones.')
      : '';
  const lead = onlyIdle
    ? say(
        lang,
        `De los ${formatNumber(listed, lang)} ${plural} del maestro de clientes, ${formatNumber(idle, lang)} no ${agree(idle, ['compró', 'compraron'])} ${when}.`,
        `Of the ${formatNumber(listed, lang)} ${plural} in the customer master, ${formatNumber(idle, lang)} did not buy ${when}.`,
      )
    : say(
        lang,
        `Hay ${formatNumber(listed, lang)} ${plural} en el maestro de clientes; ${formatNumber(buyers, lang)} ${agree(buyers, ['compró', 'compraron'])} ${when}.`,
        `There are ${formatNumber(listed, lang)} ${plural} in the customer master; ${formatNumber(buyers, lang)} bought ${when}.`,
      );
  const order = onlyIdle
    ? say(lang, 'Los de compra más reciente primero', 'Those who bought most recently first')
    : say(lang, 'Primero los que más compraron', 'Those who bought most first');
  // Past the list's end ("más" once too often) there are no rows: "show more" says the list is complete.
  const text =
    rows.length === 0
      ? req.offset > 0
        ? ''
        : listed === 0
          ? say(
              lang,
              `No hay ${plural} en el maestro de clientes.`,
              `There are no ${plural} in the customer master.`,
            )
          : lead
      : `${lead} ${req.offset > 0 ? say(lang, 'Los siguientes', 'The next ones') : order}: ${rows.map(onlyIdle ? idleLine : line).join('; ')}.${moreCue}`;
  const first = rows[0]?.customer;
  return {
    text,
    answered: true,
    basedOn: [
      say(lang, `maestro de clientes: ${plural}`, `customer master: ${plural}`),
      when,
      ...(onlyIdle
        ? [
            say(
              lang,
              'sin ninguna compra ni devolución en el período',
              'no purchase nor return in the period',
            ),
          ]
        : [netUnits('bought', lang)]),
      onlyIdle
        ? say(
            lang,
            'orden: la última compra, la más reciente primero',
            'order: the last purchase, most recent first',
          )
        : say(
            lang,
            'orden: unidades del período, luego la última compra',
            "order: the period's units, then the last purchase",
          ),
    ],
    table: rankedTable(
      req.offset,
      [
        column('customer', lang),
        ...(type ? [] : [column('type', lang)]),
        ...(onlyIdle ? [] : [column('units', lang), column('orders', lang)]),
        column('lastPurchase', lang),
      ],
      rows,
      (r) => [
        String(r.customer),
        ...(type ? [] : [customerTypeCell(r, lang)]),
        ...(onlyIdle ? [] : [formatNumber(Number(r.units), lang, 1), formatNumber(Number(r.orders), lang)]),
        last(r),
      ],
    ),
    data: {
      customer_type: type ?? null,
      only_not_bought: onlyIdle,
      period,
      listed,
      buyers,
      customers: rows.map((r) => ({
        customer: Number(r.customer),
        units: Number(r.units),
        orders: Number(r.orders),
        last: r.last,
      })),
    },
    customers: rows.map((r) => Number(r.customer)),
    shown: rows.length,
    ...(first === undefined
      ? {}
      : {
          suggestions: [
            say(lang, `¿Qué le ofrezco al cliente ${first}?`, `What should I offer customer ${first}?`),
            say(lang, 'más', 'more'),
          ],
        }),
  };
}
