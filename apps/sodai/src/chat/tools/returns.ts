import { agree, countOf, NOUN } from '../count-words.ts';
import { capitalize, formatNumber, formatPercent, productDescription, say } from '../format.ts';
import { column, noTransactions, rankedTable } from './answers.ts';
import { customerTypeCell } from './customer-rows.ts';
import {
  describeFilters,
  describePeriod,
  FROM,
  joinFiltersAndIds,
  periodOr4Weeks,
  scopeWords,
} from './filters.ts';
import { attributesOf, PRODUCT_COLUMNS } from './product-rows.ts';
import type { ReturnsBy } from '../understanding/returns-words.ts';
import { rowsWanted, type Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/** A return is a transaction line with negative items: said once, in each answer's "based on". */
const RETURN_LINES = {
  es: 'devoluciones: líneas con unidades negativas',
  en: 'returns: lines with negative units',
};

/**
 * Returns (lines with negative items) in a period (default the last four weeks), within the
 * filters, customer or product named: the period's total (lines, orders, customers, units
 * returned and their share of the units delivered), or the customers or products that returned
 * most units, each with its share of what it was delivered.
 */
export const returnsTool =
  (by: ReturnsBy): Tool =>
  async (box, req) => {
    const { lang } = req;
    const period = periodOr4Weeks(req);
    if (!period) return noTransactions(lang);
    const entities = { ...req.entities, period };
    const f = joinFiltersAndIds(entities);
    const when = describePeriod(period, lang);
    const scope = scopeWords(entities, lang);
    const basedOn = [when, ...describeFilters(entities, lang), say(lang, RETURN_LINES.es, RETURN_LINES.en)];
    const share = (returned: number, delivered: number) =>
      delivered > 0 ? formatPercent(returned / delivered, lang) : '—';
    if (by === 'total') {
      const [r] = await box.data.query(
        `SELECT count(*) FILTER (WHERE t.items < 0)::DOUBLE AS lines,
                count(DISTINCT t.order_id) FILTER (WHERE t.items < 0)::DOUBLE AS orders,
                count(DISTINCT t.customer_id) FILTER (WHERE t.items < 0)::DOUBLE AS customers,
                coalesce(-sum(t.items) FILTER (WHERE t.items < 0), 0)::DOUBLE AS returned,
                coalesce(sum(t.items) FILTER (WHERE t.items > 0), 0)::DOUBLE AS delivered
         FROM ${FROM} WHERE ${f.where}`,
        f.params,
      );
      const lines = Number(r!.lines);
      const returned = Number(r!.returned);
      const delivered = Number(r!.delivered);
      const customers = Number(r!.customers);
      const orders = Number(r!.orders);
      const text = say(
        lang,
        `${when}${scope} hubo ${formatNumber(lines, lang)} ${agree(lines, ['devolución', 'devoluciones'])} en ${countOf(orders, lang, NOUN.order)} de ${countOf(customers, lang, NOUN.customer)}: ${countOf(returned, lang, NOUN.unit)} ${agree(returned, ['devuelta', 'devueltas'])}, el ${share(returned, delivered)} de las ${formatNumber(delivered, lang)} entregadas.`,
        `${when}${scope} there ${agree(lines, ['was', 'were'])} ${formatNumber(lines, lang)} ${agree(lines, ['return', 'returns'])} in ${countOf(orders, lang, NOUN.order)} from ${countOf(customers, lang, NOUN.customer)}: ${countOf(returned, lang, NOUN.unit)} returned, ${share(returned, delivered)} of the ${formatNumber(delivered, lang)} delivered.`,
      );
      return {
        text: capitalize(text),
        answered: true,
        basedOn,
        data: { period, lines, orders, customers, returned, delivered },
      };
    }
    const customers = by === 'customers';
    const k = rowsWanted(entities);
    const rows = await box.data.query(
      `SELECT ${customers ? 't.customer_id::DOUBLE AS id, any_value(c.customer_type) AS type' : `t.product_id::DOUBLE AS id, ${PRODUCT_COLUMNS}`},
              count(*) FILTER (WHERE t.items < 0)::DOUBLE AS lines,
              coalesce(-sum(t.items) FILTER (WHERE t.items < 0), 0)::DOUBLE AS returned,
              coalesce(sum(t.items) FILTER (WHERE t.items > 0), 0)::DOUBLE AS delivered,
              count(*) OVER ()::DOUBLE AS found
       FROM ${FROM} WHERE ${f.where}
       GROUP BY ${customers ? 't.customer_id' : 't.product_id'} HAVING count(*) FILTER (WHERE t.items < 0) > 0
       ORDER BY returned DESC, lines DESC, id LIMIT ${k} OFFSET ${req.offset}`,
      f.params,
    );
    const found = Number(rows[0]?.found ?? 0);
    const who = (r: Row) =>
      customers
        ? say(
            lang,
            `cliente ${r.id} (${customerTypeCell(r, lang)})`,
            `customer ${r.id} (${customerTypeCell(r, lang)})`,
          )
        : say(
            lang,
            `producto ${r.id} (${productDescription(attributesOf(r), lang)})`,
            `product ${r.id} (${productDescription(attributesOf(r), lang)})`,
          );
    const line = (r: Row) =>
      say(
        lang,
        `${who(r)}: ${countOf(Number(r.returned), lang, NOUN.unit)} en ${formatNumber(Number(r.lines), lang)} ${agree(Number(r.lines), ['devolución', 'devoluciones'])}, el ${share(Number(r.returned), Number(r.delivered))} de lo entregado`,
        `${who(r)}: ${countOf(Number(r.returned), lang, NOUN.unit)} in ${formatNumber(Number(r.lines), lang)} ${agree(Number(r.lines), ['return', 'returns'])}, ${share(Number(r.returned), Number(r.delivered))} of what was delivered`,
      );
    const noun = customers ? NOUN.customer : NOUN.product;
    const text =
      rows.length === 0
        ? say(lang, `No hubo devoluciones ${when}${scope}.`, `There were no returns ${when}${scope}.`)
        : say(
            lang,
            `${countOf(found, lang, noun)} ${agree(found, ['tuvo', 'tuvieron'])} devoluciones ${when}${scope}; ${customers ? 'los que más devolvieron' : 'los más devueltos'}: ${rows.map(line).join('; ')}.`,
            `${countOf(found, lang, noun)} had returns ${when}${scope}; ${customers ? 'those who returned most' : 'the most returned'}: ${rows.map(line).join('; ')}.`,
          );
    return {
      text,
      answered: true,
      basedOn,
      table: rankedTable(
        req.offset,
        [
          customers ? column('customer', lang) : column('product', lang),
          customers ? column('type', lang) : column('description', lang),
          [say(lang, 'Unidades devueltas', 'Units returned'), true],
          [say(lang, 'Devoluciones', 'Returns'), true],
          [say(lang, '% de lo entregado', '% of delivered'), true],
        ],
        rows,
        (r) => [
          String(r.id),
          customers ? customerTypeCell(r, lang) : productDescription(attributesOf(r), lang),
          formatNumber(Number(r.returned), lang),
          formatNumber(Number(r.lines), lang),
          share(Number(r.returned), Number(r.delivered)),
        ],
      ),
      data: {
        period,
        found,
        returns: rows.map((r) => ({
          id: Number(r.id),
          returned: Number(r.returned),
          lines: Number(r.lines),
        })),
      },
      ...(customers
        ? { customers: rows.map((r) => Number(r.id)) }
        : { products: rows.map((r) => Number(r.id)) }),
      shown: rows.length,
    };
  };
