import { countOf, NOUN } from '../count-words.ts';
import { formatDay, formatNumber, say } from '../format.ts';
import { column, noTransactions, rankedTable } from './answers.ts';
import { CROSS_SELL_WEEKS, crossSellProduct } from './bought-with.ts';
import { customerTypeCell } from './customer-rows.ts';
import { catalogFilter, describeFilters, describePeriod, periodOrWeeks } from './filters.ts';
import { rowsWanted, type Tool } from './toolbox.ts';
import type { BoughtSide } from '../understanding/bought-side.ts';
import type { Lang } from '../../contract/api.ts';
import { ATTRIBUTE_PLURAL, valueWords } from './attribute-words.ts';

type Row = Readonly<Record<string, unknown>>;

/** The catalogue column each attribute side is read from. */
const SIDE_COLUMN = {
  package: 'package',
  category: 'category',
  sub_category: 'sub_category',
  segment: 'segment',
};

/**
 * The sales lines of a side, over `transactions` (`$n` its product, brand or value). Anything bought
 * is every line: its value (null) is still bound, as DuckDB refuses a parameter the SQL leaves out.
 */
const sideWhere = (side: BoughtSide, n: number) =>
  'anything' in side
    ? `product_id IS NOT NULL AND $${n}::VARCHAR IS NULL`
    : 'product' in side
      ? `product_id = $${n}`
      : `product_id IN (SELECT product_id FROM products WHERE ${'brand' in side ? 'brand' : SIDE_COLUMN[side.attribute]} ${side.others ? 'IS DISTINCT FROM' : '='} $${n})`;

/** "otras marcas", "otros envases": feminine attributes take "otras". */
const FEMININE = new Set(['brand', 'category', 'sub_category']);

const sideValue = (side: BoughtSide) =>
  'anything' in side ? null : 'product' in side ? side.product : 'brand' in side ? side.brand : side.value;

/**
 * "el producto 1370" / "la marca Brand 7" / "latas" whole, as the object of a verb, and after "of"
 * (nothing, for anything bought: "120 unidades en 5 pedidos").
 */
function sideWords(
  side: BoughtSide,
  lang: Lang,
): { readonly whole: string; readonly short: string; readonly of: string } {
  if ('anything' in side) {
    const whole = say(lang, 'algo', 'anything');
    return { whole, short: whole, of: '' };
  }
  if ('product' in side)
    return {
      whole: say(lang, `el producto ${side.product}`, `product ${side.product}`),
      short: say(lang, `el ${side.product}`, String(side.product)),
      of: say(lang, `del ${side.product}`, `of ${side.product}`),
    };
  if ('others' in side && side.others) {
    const attribute = 'brand' in side ? 'brand' : side.attribute;
    const plural = ATTRIBUTE_PLURAL[attribute];
    const other = `${FEMININE.has(attribute) ? 'otras' : 'otros'} ${plural.es}`;
    return {
      whole: say(lang, other, `other ${plural.en}`),
      short: say(lang, other, `other ${plural.en}`),
      of: say(lang, `de ${other}`, `of other ${plural.en}`),
    };
  }
  if ('brand' in side)
    return {
      whole: say(lang, `la marca ${side.brand}`, `brand ${side.brand}`),
      short: say(lang, `la marca ${side.brand}`, `brand ${side.brand}`),
      of: say(lang, `de la marca ${side.brand}`, `of brand ${side.brand}`),
    };
  const words = valueWords(side.attribute, side.value, lang);
  return { whole: words, short: words, of: say(lang, `de ${words}`, `of ${words}`) };
}

/**
 * The customers who bought one product or brand (or anything at all) in the period (default the
 * last twelve weeks) but not another there: an offer list for the second, the biggest buyers of the
 * first first, with how many they are of all the first's buyers; a customer type named narrows them.
 * Without `bought`, the first is the product the question names.
 */
export const buyersButNotTool =
  (excludedSide: BoughtSide, boughtSide?: BoughtSide): Tool =>
  async (box, req) => {
    const { lang } = req;
    let bought: BoughtSide;
    if (boughtSide) bought = boughtSide;
    else {
      const id = crossSellProduct(req);
      if (typeof id !== 'number') return id;
      bought = { product: id };
    }
    const first = sideWords(bought, lang);
    const second = sideWords(excludedSide, lang);
    // Kept under its old name: the answer's data says `product` and `excluded` for two products.
    const product = sideValue(bought);
    const excluded = sideValue(excludedSide);
    const period = periodOrWeeks(req, CROSS_SELL_WEEKS);
    if (!period) return noTransactions(lang);
    const entities = { ...req.entities, period };
    // Only the customer type narrows the buyers: the products are the two named.
    const f = catalogFilter({ customer_type: entities.customer_type }, 5);
    const k = rowsWanted(entities);
    const rows = await box.data.query(
      `WITH win AS (SELECT * FROM transactions WHERE purchase_date >= $3::DATE AND purchase_date < $4::DATE + 1),
            a AS (SELECT customer_id, sum(items)::DOUBLE AS units, count(DISTINCT order_id)::DOUBLE AS orders,
                         max(purchase_date)::DATE::VARCHAR AS last
                  FROM win WHERE ${sideWhere(bought, 1)} GROUP BY 1 HAVING sum(items) > 0),
            b AS (SELECT DISTINCT customer_id FROM win WHERE ${sideWhere(excludedSide, 2)} AND items > 0),
            typed AS (SELECT a.*, c.customer_type AS type FROM a JOIN customers c USING (customer_id) WHERE ${f.where})
       SELECT customer_id::DOUBLE AS customer, type, units, orders, last,
              count(*) OVER ()::DOUBLE AS found
       FROM typed WHERE customer_id NOT IN (SELECT customer_id FROM b)
       ORDER BY units DESC, customer LIMIT ${k} OFFSET ${req.offset}`,
      [product, excluded, period.from, period.to, ...f.params],
    );
    // All the first product's buyers, for "12 of the 30 who bought it" (and when none is listed).
    const typed = catalogFilter({ customer_type: entities.customer_type }, 4);
    const [all] = await box.data.query(
      `SELECT count(*)::DOUBLE AS buyers FROM (
         SELECT t.customer_id FROM transactions t JOIN customers c USING (customer_id)
         WHERE t.${sideWhere(bought, 1)} AND t.purchase_date >= $2::DATE AND t.purchase_date < $3::DATE + 1 AND ${typed.where}
         GROUP BY 1 HAVING sum(t.items) > 0)`,
      [product, period.from, period.to, ...typed.params],
    );
    const found = Number(rows[0]?.found ?? 0);
    const buyers = Number(all?.buyers ?? 0);
    const when = describePeriod(period, lang);
    const filters = describeFilters({ customer_type: entities.customer_type }, lang);
    const who = filters.length ? ` (${filters.join(', ')})` : '';
    const ofFirst = first.of ? ` ${first.of}` : '';
    const line = (r: Row) =>
      say(
        lang,
        `cliente ${r.customer} (${customerTypeCell(r, lang)}): ${countOf(Number(r.units), lang, NOUN.unit)}${ofFirst} en ${countOf(Number(r.orders), lang, NOUN.order)}, la última el ${formatDay(String(r.last), lang)}`,
        `customer ${r.customer} (${customerTypeCell(r, lang)}): ${countOf(Number(r.units), lang, NOUN.unit)}${ofFirst} in ${countOf(Number(r.orders), lang, NOUN.order)}, the last on ${formatDay(String(r.last), lang)}`,
      );
    const listed = rows.map(line).join('; ');
    // "1 de los 1 cliente", "5 of the 5 customers": when every buyer is one of them, that is said.
    const text =
      rows.length === 0
        ? say(
            lang,
            `Todos los clientes${who} que compraron ${first.whole} ${when} compraron también ${second.short}.`,
            `Every customer${who} who bought ${first.whole} ${when} also bought ${second.short}.`,
          )
        : found < buyers
          ? say(
              lang,
              `${formatNumber(found, lang)} de los ${countOf(buyers, lang, NOUN.customer)}${who} que compraron ${first.whole} ${when} no compraron ${second.short}: ${listed}.`,
              `${formatNumber(found, lang)} of the ${countOf(buyers, lang, NOUN.customer)}${who} who bought ${first.whole} ${when} did not buy ${second.short}: ${listed}.`,
            )
          : buyers === 1
            ? say(
                lang,
                `El único cliente${who} que compró ${first.whole} ${when} no compró ${second.short}: ${listed}.`,
                `The only customer${who} who bought ${first.whole} ${when} did not buy ${second.short}: ${listed}.`,
              )
            : say(
                lang,
                `Ninguno de los ${countOf(buyers, lang, NOUN.customer)}${who} que compraron ${first.whole} ${when} compró ${second.short}: ${listed}.`,
                `None of the ${countOf(buyers, lang, NOUN.customer)}${who} who bought ${first.whole} ${when} bought ${second.short}: ${listed}.`,
              );
    return {
      text,
      answered: true,
      basedOn: [
        when,
        ...filters,
        say(
          lang,
          `compradores${ofFirst} sin compras ${second.of} en el período`,
          `buyers${ofFirst} with no purchase ${second.of} in the period`,
        ),
      ],
      table: rankedTable(
        req.offset,
        [
          column('customer', lang),
          column('type', lang),
          [say(lang, `Unidades${ofFirst}`, `Units${ofFirst}`), true],
          column('orders', lang),
          column('lastPurchase', lang),
        ],
        rows,
        (r) => [
          String(r.customer),
          customerTypeCell(r, lang),
          formatNumber(Number(r.units), lang),
          formatNumber(Number(r.orders), lang),
          formatDay(String(r.last), lang),
        ],
      ),
      data: {
        ...('anything' in bought
          ? {}
          : 'product' in bought
            ? { product }
            : 'brand' in bought
              ? { brand: product }
              : { [bought.attribute]: product }),
        excluded,
        ...('others' in excludedSide && excludedSide.others ? { only: true } : {}),
        period,
        buyers,
        found,
        customers: rows.map((r) => ({ customer: Number(r.customer), units: Number(r.units) })),
      },
      customers: rows.map((r) => Number(r.customer)),
      shown: rows.length,
    };
  };
