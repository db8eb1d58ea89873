import { agree, countOf, NOUN } from '../count-words.ts';
import { formatDay, formatNumber, productDescription, say } from '../format.ts';
import { column, netUnits, noTransactions, rankedTable } from './answers.ts';
import { describeFilters, periodOr4Weeks } from './filters.ts';
import { lastDayCell, LEAST_LOOKBACK_WEEKS, rankLeast } from './least-ranking.ts';
import { littleCount } from './little-count.ts';
import { rankingWords } from './market.ts';
import { itemWords, productsOrBrands } from './ranked-items.ts';
import { attributesOf } from './product-rows.ts';
import type { Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/**
 * The products (or brands, when the question ranks brands) that sold least in the period asked
 * (default: the last four weeks), the slowest first: net units, then buyers, then the oldest last
 * sale. Only what sold in the period or in the {@link LEAST_LOOKBACK_WEEKS} weeks before it is
 * ranked ({@link rankLeast}): most of the catalogue never sold and is not this distributor's range,
 * while what sold lately and not in the period is what a rep wants to see first. The chat's filters
 * narrow both.
 */
export const slowMoversTool: Tool = async (box, req) => {
  const { lang } = req;
  const period = periodOr4Weeks(req);
  if (!period) return noTransactions(lang);
  const { byBrand, entities } = productsOrBrands(req, period);
  const ranking = await rankLeast(box, byBrand ? 'brand' : 'product', entities, period, req.offset);
  const { rows, since, idle: unsold } = ranking;
  const { when, scope } = rankingWords(entities, period, lang);
  const units = (r: Row) => formatNumber(Number(r.units), lang, 1);
  const buyers = (r: Row) => formatNumber(Number(r.count), lang);
  const unitsOf = (r: Row) => countOf(Number(r.units), lang, NOUN.unit, 1);
  const buyersOf = (r: Row) => countOf(Number(r.count), lang, NOUN.customer);
  const last = (r: Row) => lastDayCell(r, lang);
  const name = (r: Row) => itemWords(r, byBrand, lang);
  const line = (r: Row) =>
    Number(r.count) === 0
      ? say(
          lang,
          `${name(r)}: sin ventas (última venta el ${last(r)})`,
          `${name(r)}: no sales (last sale on ${last(r)})`,
        )
      : say(
          lang,
          `${name(r)}: ${unitsOf(r)} a ${buyersOf(r)}`,
          `${name(r)}: ${unitsOf(r)} to ${buyersOf(r)}`,
        );
  const what = countOf(unsold, lang, byBrand ? NOUN.brand : NOUN.product);
  const unsoldNote =
    unsold === 0
      ? ''
      : say(
          lang,
          ` ${what} que ya se ${agree(unsold, ['había', 'habían'])} vendido antes no ${agree(unsold, ['tuvo', 'tuvieron'])} ventas en el período (vendidos en las ${LEAST_LOOKBACK_WEEKS} semanas anteriores).`,
          ` ${what} that had sold before had no sales in the period (sold in the ${LEAST_LOOKBACK_WEEKS} weeks before it).`,
        );
  // "¿Cuántos productos se venden poco?": the count first, then which they are.
  const grain = byBrand ? 'brand' : 'product';
  const lead = req.howMany && rows.length > 0 ? `${littleCount(ranking, grain, when, scope, lang)} ` : '';
  const text =
    lead +
    (rows.length === 0
      ? say(
          lang,
          `No hubo ventas entre el ${formatDay(since, lang)} y el ${formatDay(period.to, lang)}${scope}.`,
          `There were no sales from ${formatDay(since, lang)} to ${formatDay(period.to, lang)}${scope}.`,
        )
      : say(
          lang,
          `${byBrand ? 'Las marcas' : 'Los productos'} que menos se vendieron ${when}${scope}: ${rows.map(line).join('; ')}.`,
          `The slowest ${byBrand ? 'brands' : 'products'} ${when}${scope}: ${rows.map(line).join('; ')}.`,
        ) + unsoldNote);
  return {
    text,
    answered: true,
    basedOn: [
      when,
      ...describeFilters(entities, lang),
      netUnits('sold', lang),
      say(
        lang,
        `solo ${byBrand ? 'marcas' : 'productos'} con ventas desde el ${formatDay(since, lang)}`,
        `only ${byBrand ? 'brands' : 'products'} sold since ${formatDay(since, lang)}`,
      ),
    ],
    table: rankedTable(
      req.offset,
      [
        [byBrand ? say(lang, 'Marca', 'Brand') : say(lang, 'Producto', 'Product'), !byBrand],
        ...(byBrand ? [] : [column('description', lang)]),
        column('units', lang),
        column('customers', lang),
        [say(lang, 'Última venta', 'Last sale'), false],
      ],
      rows,
      (r) => [
        String(r.item),
        ...(byBrand ? [] : [productDescription(attributesOf(r), lang)]),
        units(r),
        buyers(r),
        last(r),
      ],
    ),
    data: {
      period,
      ranked: ranking.ranked,
      unsold,
      little: ranking.little,
      median_units: ranking.median,
      [byBrand ? 'brands' : 'products']: rows.map((r) => ({
        [byBrand ? 'brand' : 'product']: byBrand ? String(r.item) : Number(r.item),
        units: Number(r.units),
        buyers: Number(r.count),
        last: r.last,
      })),
    },
    ...(byBrand ? {} : { products: rows.map((r) => Number(r.item)) }),
    shown: rows.length,
  };
};
