import { addDays } from '../understanding/days.ts';
import { formatDay, formatNumber, productDescription, say } from '../format.ts';
import { table } from './answers.ts';
import { catalogFilter, describeFilters, periodOr4Weeks } from './filters.ts';
import { FROM, rankingWords } from './market.ts';
import { attributesOf, PRODUCT_COLUMNS } from './product-rows.ts';
import { rowsWanted, type Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/**
 * How far before the period a product must have sold to count as slow rather than gone: one last
 * sold in January is no slow mover of December but out of the range.
 */
export const SLOW_MOVERS_LOOKBACK_WEEKS = 12;

/**
 * The products (or brands, when the question ranks brands) that sold least in the period asked
 * (default: the last four weeks), the slowest first: net units, then buyers, then the oldest last
 * sale. Only what sold in the period or in the {@link SLOW_MOVERS_LOOKBACK_WEEKS} weeks before it
 * is ranked: most of the catalogue never sold and is not this distributor's range, while what sold
 * lately and not in the period is what a rep wants to see first. The chat's filters narrow both.
 */
export const slowMoversTool: Tool = async (box, req) => {
  const { lang } = req;
  const period = periodOr4Weeks(req);
  if (!period)
    return {
      text: say(lang, 'Aún no hay transacciones.', 'There are no transactions yet.'),
      answered: false,
      basedOn: [],
      data: {},
    };
  const byBrand = req.entities.group_by === 'brand';
  const { brand: _named, ...unbranded } = req.entities;
  const entities = { ...(byBrand ? unbranded : req.entities), period };
  const f = catalogFilter(entities);
  const n = f.params.length + 1;
  const inPeriod = `t.purchase_date >= $${n}::DATE`;
  const k = rowsWanted(entities);
  const since = addDays(period.from, -7 * SLOW_MOVERS_LOOKBACK_WEEKS);
  const rows = await box.data.query(
    `SELECT *, count(*) OVER ()::DOUBLE AS ranked, sum(CASE WHEN buyers = 0 THEN 1 ELSE 0 END) OVER ()::DOUBLE AS unsold
     FROM (
       SELECT ${byBrand ? 'p.brand' : 't.product_id::DOUBLE'} AS item${byBrand ? '' : `, ${PRODUCT_COLUMNS}`},
              coalesce(sum(t.items) FILTER (WHERE ${inPeriod}), 0)::DOUBLE AS units,
              count(DISTINCT t.customer_id) FILTER (WHERE ${inPeriod} AND t.items > 0)::DOUBLE AS buyers,
              max(t.purchase_date) FILTER (WHERE t.items > 0)::DATE::VARCHAR AS last
       FROM ${FROM}
       WHERE ${f.where} AND t.purchase_date >= $${n + 2}::DATE AND t.purchase_date < $${n + 1}::DATE + 1
             ${byBrand ? 'AND p.brand IS NOT NULL' : ''}
       GROUP BY item HAVING max(t.items) > 0)
     ORDER BY round(units, 6), buyers, last, item LIMIT ${k} OFFSET ${req.offset}`,
    [...f.params, period.from, period.to, since],
  );
  const { when, scope } = rankingWords(entities, period, lang);
  const unsold = Number(rows[0]?.unsold ?? 0);
  const units = (r: Row) => formatNumber(Number(r.units), lang, 1);
  const buyers = (r: Row) => formatNumber(Number(r.buyers), lang);
  const last = (r: Row) => (r.last === null ? '—' : formatDay(String(r.last), lang));
  const name = (r: Row) =>
    byBrand
      ? String(r.item)
      : say(lang, 'producto', 'product') + ` ${r.item} (${productDescription(attributesOf(r), lang)})`;
  const line = (r: Row) =>
    Number(r.buyers) === 0
      ? say(
          lang,
          `${name(r)}: sin ventas (última venta el ${last(r)})`,
          `${name(r)}: no sales (last sale on ${last(r)})`,
        )
      : say(
          lang,
          `${name(r)}: ${units(r)} unidades a ${buyers(r)} ${Number(r.buyers) === 1 ? 'cliente' : 'clientes'}`,
          `${name(r)}: ${units(r)} units to ${buyers(r)} ${Number(r.buyers) === 1 ? 'customer' : 'customers'}`,
        );
  const one = unsold === 1;
  const what = byBrand
    ? say(lang, one ? 'marca' : 'marcas', one ? 'brand' : 'brands')
    : say(lang, one ? 'producto' : 'productos', one ? 'product' : 'products');
  const unsoldNote =
    unsold === 0
      ? ''
      : say(
          lang,
          ` ${formatNumber(unsold, lang)} ${what} que ya se ${one ? 'había' : 'habían'} vendido antes no ${one ? 'tuvo' : 'tuvieron'} ventas en el período (vendidos en las ${SLOW_MOVERS_LOOKBACK_WEEKS} semanas anteriores).`,
          ` ${formatNumber(unsold, lang)} ${what} that had sold before had no sales in the period (sold in the ${SLOW_MOVERS_LOOKBACK_WEEKS} weeks before it).`,
        );
  const text =
    rows.length === 0
      ? say(
          lang,
          `No hubo ventas entre el ${formatDay(since, lang)} y el ${formatDay(period.to, lang)}${scope}.`,
          `There were no sales from ${formatDay(since, lang)} to ${formatDay(period.to, lang)}${scope}.`,
        )
      : say(
          lang,
          `${byBrand ? 'Las marcas' : 'Los productos'} que menos se vendieron ${when}${scope}: ${rows.map(line).join('; ')}.`,
          `The slowest ${byBrand ? 'brands' : 'products'} ${when}${scope}: ${rows.map(line).join('; ')}.`,
        ) + unsoldNote;
  return {
    text,
    answered: true,
    basedOn: [
      when,
      ...describeFilters(entities, lang),
      say(lang, 'unidades vendidas (devoluciones descontadas)', 'units sold (returns deducted)'),
      say(
        lang,
        `solo ${byBrand ? 'marcas' : 'productos'} con ventas desde el ${formatDay(since, lang)}`,
        `only ${byBrand ? 'brands' : 'products'} sold since ${formatDay(since, lang)}`,
      ),
    ],
    table: table(
      [
        ['#', true],
        [byBrand ? say(lang, 'Marca', 'Brand') : say(lang, 'Producto', 'Product'), !byBrand],
        ...(byBrand ? [] : [[say(lang, 'Descripción', 'Description'), false] as const]),
        [say(lang, 'Unidades', 'Units'), true],
        [say(lang, 'Clientes', 'Customers'), true],
        [say(lang, 'Última venta', 'Last sale'), false],
      ],
      rows.map((r, i) => [
        String(req.offset + i + 1),
        String(r.item),
        ...(byBrand ? [] : [productDescription(attributesOf(r), lang)]),
        units(r),
        buyers(r),
        last(r),
      ]),
    ),
    data: {
      period,
      ranked: Number(rows[0]?.ranked ?? 0),
      unsold,
      [byBrand ? 'brands' : 'products']: rows.map((r) => ({
        [byBrand ? 'brand' : 'product']: byBrand ? String(r.item) : Number(r.item),
        units: Number(r.units),
        buyers: Number(r.buyers),
        last: r.last,
      })),
    },
    ...(byBrand ? {} : { products: rows.map((r) => Number(r.item)) }),
    shown: rows.length,
  };
};
