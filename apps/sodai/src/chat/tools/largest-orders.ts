import { countOf, NOUN } from '../count-words.ts';
import { formatDay, formatNumber, say } from '../format.ts';
import { customerTypeCell } from './customer-rows.ts';
import { column, noTransactions, rankedTable, unknownCustomer } from './answers.ts';
import { describeFilters, describePeriod, FROM, joinFiltersAndIds, periodOr4Weeks } from './filters.ts';
import { orderSizeBasis } from './order-size.ts';
import { rowsWanted, type Tool } from './toolbox.ts';

/**
 * The largest orders of the period asked (default: the last four weeks), by units, for everyone or
 * for one customer or kind of customer or product: each order's id, customer and type, day, units
 * and lines. The data has no prices, so the size of an order is its units (net of returns).
 */
export const largestOrdersTool: Tool = async (box, req) => {
  const { lang, vocab, entities } = req;
  const customer = entities.customer_id;
  if (customer !== undefined && (req.customerText || !vocab.customerIds.has(customer)))
    return unknownCustomer(req.customerText ?? String(customer), lang, vocab.lastDay);
  const period = periodOr4Weeks(req);
  if (!period) return noTransactions(lang);
  const f = joinFiltersAndIds({ ...entities, period });
  const k = rowsWanted(entities);
  // An order is its lines within the filters; its customer and day are those of its lines.
  const rows = await box.data.query(
    `SELECT t.order_id::VARCHAR AS order_id, min(t.customer_id)::DOUBLE AS customer,
            min(c.customer_type) AS type, min(t.purchase_date)::DATE::VARCHAR AS day,
            sum(t.items)::DOUBLE AS units, count(*)::DOUBLE AS lines
     FROM ${FROM} WHERE ${f.where}
     GROUP BY t.order_id HAVING sum(t.items) > 0
     ORDER BY units DESC, lines DESC, order_id LIMIT ${k} OFFSET ${req.offset}`,
    f.params,
  );
  const when = describePeriod(period, lang);
  const scope = describeFilters({ ...entities, customer_id: undefined }, lang);
  const within = scope.length ? ` (${scope.join(', ')})` : '';
  const whose =
    customer === undefined ? '' : say(lang, ` del cliente ${customer}`, ` of customer ${customer}`);
  const basedOn = [when, ...scope, ...orderSizeBasis(lang)];
  if (rows.length === 0)
    return {
      text: say(
        lang,
        `No hubo pedidos${whose} ${when}${within}.`,
        `There were no orders${whose} ${when}${within}.`,
      ),
      answered: true,
      basedOn,
      data: { period, orders: [] },
      ...(customer !== undefined ? { customers: [customer] } : {}),
    };
  // One customer's orders all are his: the customer is said once, before them.
  const who = (r: Readonly<Record<string, unknown>>) =>
    customer === undefined
      ? say(
          lang,
          ` del cliente ${r.customer} (${customerTypeCell(r, lang)})`,
          ` from customer ${r.customer} (${customerTypeCell(r, lang)})`,
        )
      : '';
  const each = rows
    .map((r) =>
      say(
        lang,
        `pedido ${r.order_id}${who(r)} el ${formatDay(String(r.day), lang)}: ${countOf(Number(r.units), lang, NOUN.unit)} en ${countOf(Number(r.lines), lang, NOUN.line)}`,
        `order ${r.order_id}${who(r)} on ${formatDay(String(r.day), lang)}: ${countOf(Number(r.units), lang, NOUN.unit)} in ${countOf(Number(r.lines), lang, NOUN.line)}`,
      ),
    )
    .join('; ');
  return {
    text: say(
      lang,
      `Los pedidos más grandes${whose} ${when}${within}, en unidades: ${each}. No hay precios en los datos, así que el tamaño se mide en unidades.`,
      `The largest orders${whose} ${when}${within}, in units: ${each}. The data has no prices, so size is measured in units.`,
    ),
    answered: true,
    basedOn,
    table: rankedTable(
      req.offset,
      [
        [say(lang, 'Pedido', 'Order'), false],
        column('customer', lang),
        [say(lang, 'Tipo', 'Type'), false],
        [say(lang, 'Fecha', 'Date'), false],
        column('units', lang),
        [say(lang, 'Líneas', 'Lines'), true],
      ],
      rows,
      (r) => [
        String(r.order_id),
        String(r.customer),
        customerTypeCell(r, lang),
        formatDay(String(r.day), lang),
        formatNumber(Number(r.units), lang),
        formatNumber(Number(r.lines), lang),
      ],
    ),
    data: {
      period,
      orders: rows.map((r) => ({
        order: String(r.order_id),
        customer: Number(r.customer),
        customer_type: r.type === null ? null : String(r.type),
        day: String(r.day),
        units: Number(r.units),
        lines: Number(r.lines),
      })),
    },
    customers: [...new Set(rows.map((r) => Number(r.customer)))],
    shown: rows.length,
  };
};
