import type { Lang } from '../../contract/api.ts';
import { countOf, NOUN } from '../count-words.ts';
import { formatMonth, formatNumber, productDescription, say } from '../format.ts';
import type { MonthlyLeaders } from '../understanding/monthly-leaders-words.ts';
import { noTransactions, table } from './answers.ts';
import {
  describeFilters,
  describePeriod,
  FROM,
  describeSubject,
  joinFiltersAndIds,
  placed,
  type ScopedEntities,
} from './filters.ts';
import { lastTwelveMonths } from './monthly-sales.ts';
import { attributesOf, PRODUCT_COLUMNS } from './product-rows.ts';
import type { Tool } from './toolbox.ts';

/** At most this many leaders a month: more is a ranking per month, which a table cannot show well. */
const MAX_PER_MONTH = 10;

/** What is ranked each month: its key in SQL, the extra columns, and how one is named. */
const GRAINS = {
  products: { key: 't.product_id::DOUBLE', columns: `, ${PRODUCT_COLUMNS}` },
  brands: { key: 'p.brand', columns: '' },
  customers: { key: 't.customer_id::DOUBLE', columns: ', any_value(c.customer_type) AS customer_type' },
} as const;

type Row = Readonly<Record<string, unknown>>;

/** "producto 11262 (Brand 24, lata 0,25 L)", "la marca Brand 24", "cliente 100026". */
function leaderName(by: MonthlyLeaders['by'], r: Row, lang: Lang): string {
  if (by === 'products')
    return say(
      lang,
      `producto ${String(r.key)} (${productDescription(attributesOf(r), lang)})`,
      `product ${String(r.key)} (${productDescription(attributesOf(r), lang)})`,
    );
  if (by === 'brands') return say(lang, `la marca ${String(r.key)}`, `brand ${String(r.key)}`);
  return say(lang, `cliente ${String(r.key)}`, `customer ${String(r.key)}`);
}

const TITLES = {
  products: {
    es: ['El producto más vendido', 'Los productos más vendidos'],
    en: ['The best seller', 'The best sellers'],
  },
  brands: {
    es: ['La marca más vendida', 'Las marcas más vendidas'],
    en: ['The best-selling brand', 'The best-selling brands'],
  },
  customers: {
    es: ['El cliente que más compró', 'Los clientes que más compraron'],
    en: ['The top customer', 'The top customers'],
  },
} as const;

/**
 * "El producto más vendido de cada mes", "top 3 brands per month", "best customer each month": for
 * each calendar month of the period (by default the twelve up to the data's last day), the product,
 * brand or customer with the most units, or the top few, within the filters named.
 */
export const monthlyLeadersTool =
  (asked: MonthlyLeaders): Tool =>
  async (box, req) => {
    const { lang, vocab } = req;
    const last = vocab.lastDay;
    if (!last) return noTransactions(lang);
    const { by } = asked;
    const period = req.entities.period ?? lastTwelveMonths(last, lang);
    // What is ranked is no filter of its own ranking ("la marca más vendida de cada mes" after a
    // brand was named); a product named still narrows whose purchases rank the customers.
    const { product_id, brand, ...rest } = { ...placed(req), period };
    const entities: ScopedEntities = {
      ...rest,
      ...(by !== 'products' && product_id !== undefined ? { product_id } : {}),
      ...(by !== 'brands' && brand !== undefined ? { brand } : {}),
    };
    const k = Math.min(MAX_PER_MONTH, req.entities.count ?? (asked.several ? 3 : 1));
    const f = joinFiltersAndIds(entities);
    const grain = GRAINS[by];
    const rows = await box.data.query(
      `WITH m AS (
         SELECT date_trunc('month', t.purchase_date)::DATE::VARCHAR AS month, ${grain.key} AS key,
                sum(t.items)::DOUBLE AS units${grain.columns}
         FROM ${FROM} WHERE ${f.where}
         GROUP BY 1, 2 HAVING sum(t.items) > 0)
       SELECT *, row_number() OVER (PARTITION BY month ORDER BY units DESC, key) AS rank
       FROM m QUALIFY rank <= ${k} ORDER BY month, rank`,
      f.params,
    );
    const when = describePeriod(period, lang);
    const title = TITLES[by][lang][k === 1 ? 0 : 1];
    const topK = k === 1 ? '' : say(lang, ` (los ${k} primeros)`, ` (top ${k})`);
    const basedOn = [
      when,
      ...describeFilters(entities, lang),
      say(lang, 'meses del calendario', 'calendar months'),
    ];
    if (rows.length === 0)
      return {
        text: say(lang, `Sin ventas ${when}.`, `No sales ${when}.`),
        answered: true,
        basedOn,
        data: { period, months: [] },
      };
    const months = [...new Set(rows.map((r) => String(r.month)))];
    const ofMonth = (m: string) => rows.filter((r) => String(r.month) === m);
    const monthWords = months
      .map(
        (m) =>
          `${formatMonth(m, lang)}: ${ofMonth(m)
            .map(
              (r) =>
                `${leaderName(by, r, lang)} ${say(lang, 'con', 'with')} ${countOf(Number(r.units), lang, NOUN.unit)}`,
            )
            .join(', ')}`,
      )
      .join('; ');
    // The customer, product or filters named narrow every month's ranking: said once, up front.
    const subject = describeSubject(entities, lang);
    const within = subject.length ? ` (${subject.join(', ')})` : '';
    const text = say(
      lang,
      `${title} de cada mes${topK}${within}, ${when}: ${monthWords}.`,
      `${title} of each month${topK}${within}, ${when}: ${monthWords}.`,
    );
    return {
      text,
      answered: true,
      basedOn,
      table: table(
        [
          [say(lang, 'Mes', 'Month'), false],
          ['#', true],
          [
            by === 'products'
              ? say(lang, 'Producto', 'Product')
              : by === 'brands'
                ? say(lang, 'Marca', 'Brand')
                : say(lang, 'Cliente', 'Customer'),
            false,
          ],
          [say(lang, 'Unidades', 'Units'), true],
        ],
        rows.map((r) => [
          formatMonth(String(r.month), lang),
          String(r.rank),
          String(r.key),
          formatNumber(Number(r.units), lang),
        ]),
      ),
      data: {
        period,
        months: months.map((m) => ({
          month: m.slice(0, 7),
          leaders: ofMonth(m).map((r) => ({
            key: by === 'brands' ? String(r.key) : Number(r.key),
            units: Number(r.units),
          })),
        })),
      },
      ...(by === 'products' ? { products: [...new Set(rows.map((r) => Number(r.key)))] } : {}),
      ...(by === 'customers' ? { customers: [...new Set(rows.map((r) => Number(r.key)))] } : {}),
    };
  };
