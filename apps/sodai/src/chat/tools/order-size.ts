import { agree, countOf, NOUN } from '../count-words.ts';
import { lastCompleteWeek } from '../understanding/days.ts';
import { formatNumber, say } from '../format.ts';
import { noTransactions, table, unknownCustomer, unknownProduct } from './answers.ts';
import type { ChatAttribute, ChatPeriod, Lang } from '../../contract/api.ts';
import { ATTRIBUTE_COLUMN, ATTRIBUTE_WORDS, valueWords } from './attribute-words.ts';
import {
  describeFilters,
  describePeriod,
  FROM,
  joinFiltersAndIds,
  periodOrWeeks,
  type SqlFilter,
} from './filters.ts';
import type { ChatToolbox, Tool, ToolAnswer, ToolRequest } from './toolbox.ts';

/** The weeks one customer's orders are counted over when no period is named. */
const CUSTOMER_WEEKS = 12;

/** What an order's size rests on: orders by their id, units net of returns, and no prices. */
export const orderSizeBasis = (lang: Lang): string[] => [
  say(
    lang,
    'pedidos por order_id; unidades netas de devoluciones',
    'orders by order_id; units net of returns',
  ),
  say(
    lang,
    'sin precios en los datos: el tamaño se mide en unidades',
    'no prices in the data: size in units',
  ),
];

/**
 * How big orders are in the period asked (default: the last complete week; for one customer the
 * last {@link CUSTOMER_WEEKS} weeks): how many orders, and
 * units and lines per order (`order_id` groups the lines of one order), for everyone or for one
 * customer, a kind of customer, or the lines of some products. Units are net of returns; the data
 * has no prices, so a "ticket" is measured in units.
 */
export const orderSizeTool: Tool = async (box, req) => {
  const { lang, vocab, entities } = req;
  const last = vocab.lastDay;
  if (!last) return noTransactions(lang);
  const customer = entities.customer_id;
  if (customer !== undefined && (req.customerText || !vocab.customerIds.has(customer)))
    return unknownCustomer(req.customerText ?? String(customer), lang, last);
  const product = entities.product_id;
  if (product !== undefined && (req.productText || !vocab.productIds.has(product)))
    return unknownProduct(req.productText ?? String(product), lang);
  // A week still under way would make orders look smaller than they are; one customer orders
  // about weekly at most, so its orders are counted over a season.
  const period =
    entities.period ??
    (customer === undefined
      ? { ...lastCompleteWeek(last), label: say(lang, 'la última semana completa', 'the last complete week') }
      : periodOrWeeks(req, CUSTOMER_WEEKS)!);
  const f = joinFiltersAndIds({ ...entities, period });
  // "Average order size by customer type": each value's orders (an order mixing values counts
  // toward each of them, with its lines of that value).
  // "Tamaño promedio de pedido de mayoristas y restaurantes": the split, of those two values only.
  const two = req.comparedValues;
  if (two) {
    const column = ATTRIBUTE_COLUMN[two.attribute];
    const n = f.params.length;
    const both = {
      where: `${f.where} AND ${column} IN ($${n + 1}, $${n + 2})`,
      params: [...f.params, ...two.values],
    };
    return orderSizeSplit(box, req, two.attribute, period, both);
  }
  if (entities.group_by) return orderSizeSplit(box, req, entities.group_by, period, f);
  const [r] = await box.data.query(
    `WITH o AS (
       SELECT t.order_id, sum(t.items) AS units, count(*) AS lines FROM ${FROM} WHERE ${f.where} GROUP BY t.order_id)
     SELECT count(*)::DOUBLE AS orders, coalesce(sum(lines), 0)::DOUBLE AS lines,
            coalesce(sum(units), 0)::DOUBLE AS units, median(units)::DOUBLE AS median_units
     FROM o`,
    f.params,
  );
  const orders = Number(r?.orders ?? 0);
  const lines = Number(r?.lines ?? 0);
  const units = Number(r?.units ?? 0);
  const when = describePeriod(period, lang);
  const scope = [
    customer === undefined ? null : say(lang, `cliente ${customer}`, `customer ${customer}`),
    product === undefined ? null : say(lang, `producto ${product}`, `product ${product}`),
    ...describeFilters(entities, lang),
  ].filter((x): x is string => x !== null);
  const within = scope.length ? ` (${scope.join(', ')})` : '';
  const basedOn = [when, ...scope, ...orderSizeBasis(lang)];
  if (orders === 0)
    return {
      text: say(lang, `No hubo pedidos ${when}${within}.`, `There were no orders ${when}${within}.`),
      answered: true,
      basedOn,
      data: { period, orders: 0 },
    };
  const perOrder = units / orders;
  const linesPerOrder = lines / orders;
  const median = Number(r!.median_units);
  const n = (x: number, decimals = 0) => formatNumber(x, lang, decimals);
  const text = say(
    lang,
    `Hubo ${countOf(orders, lang, NOUN.order)} ${when}${within}: en promedio ${countOf(perOrder, lang, NOUN.unit, 1)} y ${countOf(linesPerOrder, lang, NOUN.line, 1)} por pedido (mediana: ${countOf(median, lang, NOUN.unit, 1)}). No hay precios en los datos, así que el tamaño se mide en unidades.`,
    `There ${agree(orders, ['was', 'were'])} ${countOf(orders, lang, NOUN.order)} ${when}${within}: on average ${countOf(perOrder, lang, NOUN.unit, 1)} and ${countOf(linesPerOrder, lang, NOUN.line, 1)} per order (median: ${countOf(median, lang, NOUN.unit, 1)}). The data has no prices, so size is measured in units.`,
  );
  return {
    text,
    answered: true,
    basedOn,
    table: table(
      [
        ['', false],
        [period.label, true],
      ],
      [
        [say(lang, 'Pedidos', 'Orders'), n(orders)],
        [say(lang, 'Líneas', 'Lines'), n(lines)],
        [say(lang, 'Unidades', 'Units'), n(units)],
        [say(lang, 'Unidades por pedido', 'Units per order'), n(perOrder, 1)],
        [say(lang, 'Líneas por pedido', 'Lines per order'), n(linesPerOrder, 1)],
        [say(lang, 'Mediana de unidades por pedido', 'Median units per order'), n(median, 1)],
      ],
    ),
    data: {
      period,
      orders,
      lines,
      units,
      units_per_order: perOrder,
      lines_per_order: linesPerOrder,
      median_units: median,
    },
    ...(customer !== undefined ? { customers: [customer] } : {}),
  };
};

/**
 * The order size of each value of `attribute` in the period: orders, units per order and lines per
 * order, the largest orders first. An order holding cans and bottles is an order of cans (its can
 * lines) and one of bottles: a split by package cannot put it whole in one.
 */
async function orderSizeSplit(
  box: ChatToolbox,
  req: ToolRequest,
  attribute: ChatAttribute,
  period: ChatPeriod,
  f: SqlFilter,
): Promise<ToolAnswer> {
  const { lang, entities } = req;
  const rows = await box.data.query(
    `WITH o AS (
       SELECT ${ATTRIBUTE_COLUMN[attribute]} AS value, t.order_id, sum(t.items) AS units, count(*) AS lines
       FROM ${FROM} WHERE ${f.where} GROUP BY ALL)
     SELECT value, count(*)::DOUBLE AS orders, avg(units)::DOUBLE AS per_order,
            avg(lines)::DOUBLE AS lines_per_order, median(units)::DOUBLE AS median_units
     FROM o GROUP BY value ORDER BY per_order DESC, value`,
    f.params,
  );
  const when = describePeriod(period, lang);
  const scope = describeFilters(entities, lang);
  const within = scope.length ? ` (${scope.join(', ')})` : '';
  const [name, title] = ATTRIBUTE_WORDS[attribute][lang];
  const basedOn = [
    when,
    ...scope,
    say(lang, `pedidos por order_id y ${name}`, `orders by order_id and ${name}`),
    say(lang, 'unidades netas de devoluciones', 'units net of returns'),
  ];
  if (rows.length === 0)
    return {
      text: say(lang, `No hubo pedidos ${when}${within}.`, `There were no orders ${when}${within}.`),
      answered: true,
      basedOn,
      data: { period, group_by: attribute, groups: [] },
    };
  const n = (x: number, decimals = 0) => formatNumber(x, lang, decimals);
  // One customer places an order: only a product attribute can split one.
  const mixed = attribute !== 'customer_type';
  const each = rows
    .map(
      (r) =>
        `${valueWords(attribute, r.value, lang)}: ${countOf(Number(r.per_order), lang, NOUN.unit, 1)} ${say(lang, 'y', 'and')} ${countOf(Number(r.lines_per_order), lang, NOUN.line, 1)} (${countOf(Number(r.orders), lang, NOUN.order)})`,
    )
    .join('; ');
  return {
    text: say(
      lang,
      `Tamaño promedio del pedido por ${name} ${when}${within}, por pedido: ${each}.${mixed ? ' Un pedido con productos de varios valores cuenta en cada uno con sus líneas.' : ''}`,
      `Average order size by ${name} ${when}${within}, per order: ${each}.${mixed ? ' An order with products of several values counts in each with its lines.' : ''}`,
    ),
    answered: true,
    basedOn,
    table: table(
      [
        [title, false],
        [say(lang, 'Pedidos', 'Orders'), true],
        [say(lang, 'Unidades por pedido', 'Units per order'), true],
        [say(lang, 'Líneas por pedido', 'Lines per order'), true],
        [say(lang, 'Mediana de unidades', 'Median units'), true],
      ],
      rows.map((r) => [
        valueWords(attribute, r.value, lang),
        n(Number(r.orders)),
        n(Number(r.per_order), 1),
        n(Number(r.lines_per_order), 1),
        n(Number(r.median_units), 1),
      ]),
    ),
    data: {
      period,
      group_by: attribute,
      groups: rows.map((r) => ({
        value: r.value === null ? null : String(r.value),
        orders: Number(r.orders),
        units_per_order: Number(r.per_order),
        lines_per_order: Number(r.lines_per_order),
        median_units: Number(r.median_units),
      })),
    },
  };
}
