import { agree, countOf, NOUN } from '../count-words.ts';
import { customerTypeWords, formatDay, formatNumber, say } from '../format.ts';
import { column, netUnits, noTransactions, rankedTable } from './answers.ts';
import { periodOr4Weeks } from './filters.ts';
import { rankingWords } from './market.ts';
import { MAX_ROWS, type Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/** A list of who the customers are is read on a phone: more than a ranking's five, "más" for the rest. */
const LIST_ROWS = 10;

/**
 * The customers of one type in the customer master ("lista de clientes restaurant"), those who
 * bought most in the period asked (default: the last four weeks) first, then by their last purchase
 * (most recent first), so the active ones lead and those who never bought close the list. Every
 * customer of the type is listed, not only the buyers: the rep asked who they are.
 */
export const customersOfTypeTool: Tool = async (box, req) => {
  const { lang, vocab } = req;
  const type = req.entities.customer_type!;
  const period = periodOr4Weeks(req);
  if (!period || !vocab.lastDay) return noTransactions(lang);
  const k = Math.min(MAX_ROWS, Math.max(1, req.entities.count ?? LIST_ROWS));
  const rows = await box.data.query(
    `WITH inside AS (
       SELECT customer_id, sum(items) AS units, count(DISTINCT order_id) AS orders FROM transactions
       WHERE purchase_date >= $2::DATE AND purchase_date < $3::DATE + 1 GROUP BY 1),
     latest AS (
       SELECT customer_id, max(purchase_date) AS last FROM transactions
       WHERE items > 0 AND purchase_date < $4::DATE + 1 GROUP BY 1)
     SELECT c.customer_id::DOUBLE AS customer, coalesce(i.units, 0)::DOUBLE AS units,
            coalesce(i.orders, 0)::DOUBLE AS orders, l.last::DATE::VARCHAR AS last,
            count(*) OVER ()::DOUBLE AS listed, count(i.customer_id) OVER ()::DOUBLE AS buyers
     FROM customers c LEFT JOIN inside i USING (customer_id) LEFT JOIN latest l USING (customer_id)
     WHERE c.customer_type = $1
     ORDER BY units DESC, l.last DESC NULLS LAST, customer LIMIT ${k} OFFSET ${req.offset}`,
    [type, period.from, period.to, vocab.lastDay],
  );
  const { when } = rankingWords(req.entities, period, lang);
  const plural = customerTypeWords(type, lang);
  const listed = Number(rows[0]?.listed ?? 0);
  const buyers = Number(rows[0]?.buyers ?? 0);
  const last = (r: Row) => (r.last === null ? say(lang, 'nunca', 'never') : formatDay(String(r.last), lang));
  const line = (r: Row) =>
    Number(r.orders) === 0
      ? say(
          lang,
          `cliente ${r.customer}: sin compras (última compra: ${last(r)})`,
          `customer ${r.customer}: no purchases (last purchase: ${last(r)})`,
        )
      : say(
          lang,
          `cliente ${r.customer}: ${countOf(Number(r.units), lang, NOUN.unit, 1)} en ${countOf(Number(r.orders), lang, NOUN.order)} (última compra el ${last(r)})`,
          `customer ${r.customer}: ${countOf(Number(r.units), lang, NOUN.unit, 1)} in ${countOf(Number(r.orders), lang, NOUN.order)} (last purchase on ${last(r)})`,
        );
  // Past the list's end ("más" once too often) there are no rows: "show more" says the list is complete.
  const text =
    rows.length === 0
      ? req.offset > 0
        ? ''
        : say(
            lang,
            `No hay ${plural} en el maestro de clientes.`,
            `There are no ${plural} in the customer master.`,
          )
      : say(
          lang,
          `Hay ${formatNumber(listed, lang)} ${plural} en el maestro de clientes; ${formatNumber(buyers, lang)} ${agree(buyers, ['compró', 'compraron'])} ${when}. ${req.offset > 0 ? 'Los siguientes' : 'Primero los que más compraron'}: ${rows.map(line).join('; ')}.${req.offset + rows.length < listed ? ' Pida «más» para ver los siguientes.' : ''}`,
          `There are ${formatNumber(listed, lang)} ${plural} in the customer master; ${formatNumber(buyers, lang)} bought ${when}. ${req.offset > 0 ? 'The next ones' : 'Those who bought most first'}: ${rows.map(line).join('; ')}.${req.offset + rows.length < listed ? ' Ask for "more" to see the next ones.' : ''}`,
        );
  const first = rows[0]?.customer;
  return {
    text,
    answered: true,
    basedOn: [
      say(lang, `maestro de clientes: ${plural}`, `customer master: ${plural}`),
      when,
      netUnits('bought', lang),
      say(
        lang,
        'orden: unidades del período, luego la última compra',
        "order: the period's units, then the last purchase",
      ),
    ],
    table: rankedTable(
      req.offset,
      [column('customer', lang), column('units', lang), column('orders', lang), column('lastPurchase', lang)],
      rows,
      (r) => [
        String(r.customer),
        formatNumber(Number(r.units), lang, 1),
        formatNumber(Number(r.orders), lang),
        last(r),
      ],
    ),
    data: {
      customer_type: type,
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
};
