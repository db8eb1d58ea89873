import type { ChatAttribute, ChatEntities } from '../../contract/api.ts';
import { countOf, NOUN } from '../count-words.ts';
import { formatNumber, formatPercent, say } from '../format.ts';
import { ATTRIBUTE_COLUMN, ATTRIBUTE_WORDS, valueWords } from './attribute-words.ts';
import { ATTRIBUTE_ENTITY } from '../understanding/share-of.ts';
import { column, netUnits, noTransactions, table, unitsChart } from './answers.ts';
import { describeFilters, FROM, joinFilters, periodFilter, periodOr4Weeks } from './filters.ts';
import { rankingWords } from './market.ts';
import type { Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/** How many values the sentence of a split names; the table has them all. */
const SPLIT_IN_WORDS = 8;

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Whether a row holds the value a question named (sizes compared to the half millilitre). */
function holds(row: Row, attribute: ChatAttribute, value: unknown): boolean {
  if (attribute === 'size') return Math.abs(Number(row.value) - Number(value)) < 0.0005;
  return row.value === value;
}

/**
 * The share of the units sold (returns deducted), of the customers who bought and of the orders
 * (for one value), of one value of
 * an attribute ("¿qué porcentaje de las ventas son latas?") or of each value ("share of sales by
 * package"), for the period asked (default: the last four weeks). Other values named narrow what it
 * is a share of ("… de las ventas de Brand 7 …"), and the answer then also gives the share of all
 * sales. With neither a value nor an attribute named, sales are split by package.
 */
export const salesShareTool: Tool = async (box, req) => {
  const { lang } = req;
  const period = periodOr4Weeks(req);
  if (!period) return noTransactions(lang);
  const asked = req.entities.share_of;
  const attribute = asked ?? req.entities.group_by ?? 'package';
  const askedValue = asked === undefined ? undefined : req.entities[ATTRIBUTE_ENTITY[asked]];
  // The value asked is what the share is of; every other value named narrows the whole.
  const scope: ChatEntities = {
    ...req.entities,
    ...(asked === undefined ? {} : { [ATTRIBUTE_ENTITY[asked]]: undefined }),
    period,
  };
  const f = joinFilters(scope);
  const rows = await box.data.query(
    `WITH s AS (SELECT ${ATTRIBUTE_COLUMN[attribute]} AS value, t.customer_id, t.order_id, t.items FROM ${FROM} WHERE ${f.where})
     SELECT value, sum(items)::DOUBLE AS units,
            count(DISTINCT customer_id) FILTER (WHERE items > 0)::DOUBLE AS buyers,
            count(DISTINCT order_id) FILTER (WHERE items > 0)::DOUBLE AS orders,
            (SELECT sum(items) FROM s)::DOUBLE AS total,
            (SELECT count(DISTINCT customer_id) FROM s WHERE items > 0)::DOUBLE AS all_buyers,
            (SELECT count(DISTINCT order_id) FROM s WHERE items > 0)::DOUBLE AS all_orders
     FROM s GROUP BY value ORDER BY units DESC, value`,
    f.params,
  );
  const { when, scope: within, noSales } = rankingWords(scope, period, lang);
  const total = Number(rows[0]?.total ?? 0);
  const allBuyers = Number(rows[0]?.all_buyers ?? 0);
  const share = (part: number, whole: number) => (whole !== 0 ? part / whole : 0);
  const pct = (x: number) => formatPercent(x, lang);
  const n = (x: number) => formatNumber(x, lang);
  const basedOn = [when, ...describeFilters(scope, lang), netUnits('sold', lang)];
  const [by, title] = ATTRIBUTE_WORDS[attribute][lang];
  const shareTable = table(
    [
      [title, false],
      column('units', lang),
      column('share', lang),
      column('customers', lang),
      [say(lang, '% de clientes', 'Share of customers'), true],
    ],
    rows.map((r) => [
      valueWords(attribute, r.value, lang),
      n(Number(r.units)),
      pct(share(Number(r.units), total)),
      n(Number(r.buyers)),
      pct(share(Number(r.buyers), allBuyers)),
    ]),
  );
  const chart = unitsChart(by, when, rows, (r) => valueWords(attribute, r.value, lang), lang);
  const split = rows.map((r) => ({
    value: r.value,
    units: Number(r.units),
    share: share(Number(r.units), total),
    buyers: Number(r.buyers),
  }));
  if (rows.length === 0 || total === 0)
    return { text: noSales, answered: true, basedOn, data: { period, attribute, total, split } };

  if (asked === undefined) {
    const line = (r: Row) =>
      `${valueWords(attribute, r.value, lang)} ${say(lang, 'con el', 'with')} ${pct(share(Number(r.units), total))} (${countOf(Number(r.units), lang, NOUN.unit)}, ${countOf(Number(r.buyers), lang, NOUN.customer)})`;
    const rest = rows.slice(SPLIT_IN_WORDS);
    const restUnits = rest.reduce((a, r) => a + Number(r.units), 0);
    const more =
      rest.length === 0
        ? ''
        : say(
            lang,
            `; y ${n(rest.length)} más con el ${pct(share(restUnits, total))}`,
            `; and ${n(rest.length)} more with ${pct(share(restUnits, total))}`,
          );
    const list = rows.slice(0, SPLIT_IN_WORDS).map(line).join('; ') + more;
    return {
      text: say(
        lang,
        `Las ventas por ${by} ${when}${within}: ${list}.`,
        `Sales by ${by} ${when}${within}: ${list}.`,
      ),
      answered: true,
      basedOn,
      table: shareTable,
      chart,
      data: { period, attribute, total, buyers: allBuyers, split },
    };
  }

  const row = rows.find((r) => holds(r, attribute, askedValue));
  const units = Number(row?.units ?? 0);
  const buyers = Number(row?.buyers ?? 0);
  // "¿Qué porcentaje de los pedidos tiene latas?": the orders that hold the value, of all orders.
  const orders = Number(row?.orders ?? 0);
  const allOrders = Number(rows[0]?.all_orders ?? 0);
  const label = capitalized(valueWords(attribute, askedValue, lang));
  // Narrowed to a brand, a type…: its share of everything sold too.
  const narrowed = describeFilters({ ...scope, period: undefined }, lang).length > 0;
  let ofAll: number | undefined;
  if (narrowed) {
    const p = periodFilter(period, 1);
    const [all] = await box.data.query(
      `SELECT sum(t.items)::DOUBLE AS units FROM transactions t WHERE ${p.where}`,
      p.params,
    );
    ofAll = share(units, Number(all?.units ?? 0));
  }
  const allNote =
    ofAll === undefined
      ? ''
      : say(
          lang,
          ` Del total vendido ${when}, es el ${pct(ofAll)}.`,
          ` Of everything sold ${when}, it is ${pct(ofAll)}.`,
        );
  const text =
    say(
      lang,
      `${label}: el ${pct(share(units, total))} de las unidades vendidas ${when}${within} (${n(units)} de ${countOf(total, lang, NOUN.unit)}), el ${pct(share(buyers, allBuyers))} de los clientes que compraron (${n(buyers)} de ${n(allBuyers)}) y el ${pct(share(orders, allOrders))} de los pedidos (${n(orders)} de ${n(allOrders)}).`,
      `${label}: ${pct(share(units, total))} of the units sold ${when}${within} (${n(units)} of ${countOf(total, lang, NOUN.unit)}), ${pct(share(buyers, allBuyers))} of the customers who bought (${n(buyers)} of ${n(allBuyers)}) and ${pct(share(orders, allOrders))} of the orders (${n(orders)} of ${n(allOrders)}).`,
    ) + allNote;
  return {
    text,
    answered: true,
    basedOn: [...basedOn, valueWords(attribute, askedValue, lang)],
    table: shareTable,
    chart,
    data: {
      period,
      attribute,
      value: askedValue ?? null,
      units,
      total,
      share: share(units, total),
      buyers,
      all_buyers: allBuyers,
      buyers_share: share(buyers, allBuyers),
      orders,
      all_orders: allOrders,
      orders_share: share(orders, allOrders),
      ...(ofAll === undefined ? {} : { share_of_all: ofAll }),
      split,
    },
  };
};
