import type { ChatEntities, ChatPeriod, ChatThreshold, Lang } from '../../contract/api.ts';
import { countOf, NOUN, type Noun } from '../count-words.ts';
import { customerTypeWords, formatDay, formatNumber, productDescription, say } from '../format.ts';
import { addDays } from '../understanding/days.ts';
import type { SqlValue } from '../data-source.ts';
import { column, noTransactions, rankedTable } from './answers.ts';
import { BAR_NOUN, barSql, barWords, keepsAbove, meetsBar } from './bar.ts';
import { customerTypeCell } from './customer-rows.ts';
import { describeFilters, FROM, joinFiltersAndIds, periodOr4Weeks } from './filters.ts';
import { LEAST_LOOKBACK_WEEKS } from './least-ranking.ts';
import { rankingWords } from './market.ts';
import { attributesOf, PRODUCT_COLUMNS } from './product-rows.ts';
import { rowsWanted, type Tool } from './toolbox.ts';

/** Who is counted against the bar. */
export type ThresholdSide = 'customers' | 'products';

/** What each measure sums per customer or product, and its column header. */
const MEASURE: Readonly<
  Record<ChatThreshold['of'], { readonly sql: string; readonly header: readonly [string, string] }>
> = {
  units: { sql: 'sum(t.items)', header: ['Unidades', 'Units'] },
  orders: { sql: 'count(DISTINCT t.order_id)', header: ['Pedidos', 'Orders'] },
  customers: { sql: 'count(DISTINCT t.customer_id)', header: ['Clientes', 'Customers'] },
  products: { sql: 'count(DISTINCT t.product_id)', header: ['Productos distintos', 'Different products'] },
};

/**
 * Decimals to show a measure with: none, as every answer gives units, unless rounding would put it
 * on the other side of the bar (9,7 under a bar of 10 is not "10").
 */
const decimalsFor = (v: number, bar: ChatThreshold) =>
  meetsBar(Math.round(v), bar) === meetsBar(v, bar) ? 0 : 1;

/** "compradas" / "vendidas": units and orders are bought by customers and sold of products. */
function doneWord(side: ThresholdSide, of: ChatThreshold['of'], lang: Lang): string {
  if (of !== 'units') return '';
  return side === 'customers' ? say(lang, ' compradas', ' bought') : say(lang, ' vendidas', ' sold');
}

const SIDE = {
  customers: {
    key: 't.customer_id',
    noun: NOUN.customer,
    pool: ['con compras desde el', 'buying since'],
    columns: 'any_value(c.customer_type) AS type',
  },
  products: {
    key: 't.product_id',
    noun: NOUN.product,
    pool: ['con ventas desde el', 'selling since'],
    columns: PRODUCT_COLUMNS,
  },
} as const;

/** The sales lines of `period` the question narrows to: its filters, and one product or customer named. */
function linesOf(e: ChatEntities, period: ChatPeriod, params: SqlValue[]): string {
  const f = joinFiltersAndIds({ ...e, period }, params.length + 1);
  params.push(...f.params);
  return f.where;
}

/**
 * Every customer or product in range with its measure in `period` (0 when it moved none), those
 * past the bar kept. In range, as for the slow movers and small customers: what bought or sold
 * within the filters in the period or the {@link LEAST_LOOKBACK_WEEKS} weeks before it, so "menos de
 * 10 unidades" counts a shop that went quiet, not the catalogue the distributor never sold.
 */
function passingQuery(e: ChatEntities, side: ThresholdSide, bar: ChatThreshold, period: ChatPeriod) {
  const since = addDays(period.from, -7 * LEAST_LOOKBACK_WEEKS);
  const params: SqlValue[] = [];
  const inRange = linesOf(e, { ...period, from: since }, params);
  const inPeriod = linesOf(e, period, params);
  const key = SIDE[side].key;
  const condition = barSql(bar, 'v', params.length + 1);
  const scored = `WITH pool AS (SELECT ${key} AS id, ${SIDE[side].columns} FROM ${FROM} WHERE ${inRange} GROUP BY 1),
         m AS (SELECT ${key} AS id, ${MEASURE[bar.of].sql}::DOUBLE AS v FROM ${FROM} WHERE ${inPeriod} GROUP BY 1),
         scored AS (SELECT pool.*, coalesce(m.v, 0) AS v, pool.id::DOUBLE AS item FROM pool LEFT JOIN m USING (id))`;
  return {
    since,
    /** Everyone in range: the nearest to the bar when none passes. */
    everyone: { sql: `${scored} SELECT * FROM scored`, params: [...params] },
    /** Those past the bar, with how many they are, how many moved none, and how many are in range. */
    passing: {
      sql: `${scored}
        SELECT *, count(*) OVER ()::DOUBLE AS passing,
               (count(*) FILTER (WHERE v = 0) OVER ())::DOUBLE AS none,
               (SELECT count(*) FROM pool)::DOUBLE AS pool_size
        FROM scored WHERE ${condition.sql}`,
      params: [...params, ...condition.params],
    },
  };
}

/**
 * The customers or products past a quantity bar in a period (default: the last four weeks), within
 * the question's filters: how many first ("12 clientes con más de 100 unidades compradas …, de 120
 * registrados"), then the list, the biggest first above the bar and the smallest first below it,
 * where those who bought none count too. When none passes, the one nearest the bar is named.
 */
export function pastThresholdTool(side: ThresholdSide): Tool {
  return async (box, req) => {
    const { lang } = req;
    const bar = req.entities.threshold!;
    const period = periodOr4Weeks(req);
    const entities = { ...req.entities, ...(period ? { period } : {}) };
    if (!period) return noTransactions(lang);
    const q = passingQuery(entities, side, bar, period);
    const above = keepsAbove(bar);
    const k = rowsWanted(entities);
    const rows = await box.data.query(
      `${q.passing.sql} ORDER BY v ${above ? 'DESC' : 'ASC'}, item LIMIT ${k} OFFSET ${req.offset}`,
      q.passing.params,
    );
    // "3 restaurantes con …" when a type is named, rather than "3 clientes … (restaurantes)".
    const type = side === 'customers' ? req.entities.customer_type : undefined;
    const noun: Noun = type
      ? {
          es: [customerTypeWords(type, 'es', false), customerTypeWords(type, 'es')],
          en: [customerTypeWords(type, 'en', false), customerTypeWords(type, 'en')],
        }
      : SIDE[side].noun;
    const { when, scope } = rankingWords(
      type ? { ...entities, customer_type: undefined } : entities,
      period,
      lang,
    );
    const measure = MEASURE[bar.of];
    const bars = `${barWords(bar, lang)}${doneWord(side, bar.of, lang)}`;
    const label = (item: unknown) =>
      side === 'customers'
        ? say(lang, `cliente ${item}`, `customer ${item}`)
        : say(lang, `producto ${item}`, `product ${item}`);
    let text: string;
    let passing = 0;
    let poolSize = 0;
    let none = 0;
    if (rows.length === 0) {
      // Nobody past the bar: who came nearest, so the answer still says where the bar stands.
      const [nearest] = await box.data.query(
        `${q.everyone.sql} ORDER BY v ${above ? 'DESC' : 'ASC'}, item LIMIT 1`,
        q.everyone.params,
      );
      const who = !nearest
        ? ''
        : Number(nearest.v) === 0
          ? side === 'customers'
            ? say(lang, '; ninguno compró en el período', '; none bought in the period')
            : say(lang, '; ninguno se vendió en el período', '; none sold in the period')
          : say(
              lang,
              `; ${above ? 'el que más' : 'el que menos'}, el ${label(nearest.item)}, con ${countOf(Number(nearest.v), lang, BAR_NOUN[bar.of], decimalsFor(Number(nearest.v), bar))}`,
              `; the ${above ? 'highest' : 'lowest'} is ${label(nearest.item)}, with ${countOf(Number(nearest.v), lang, BAR_NOUN[bar.of], decimalsFor(Number(nearest.v), bar))}`,
            );
      text = say(
        lang,
        `${countOf(0, lang, noun)} con ${bars} ${when}${scope}${who}.`,
        `${countOf(0, lang, noun)} with ${bars} ${when}${scope}${who}.`,
      );
    } else {
      passing = Number(rows[0]!.passing);
      poolSize = Number(rows[0]!.pool_size);
      none = Number(rows[0]!.none);
      const [poolEs, poolEn] = SIDE[side].pool;
      const since = formatDay(q.since, lang);
      const zero =
        !above && none > 0
          ? say(
              lang,
              ` (${formatNumber(none, lang)} sin ninguna)`,
              ` (${formatNumber(none, lang)} with none)`,
            )
          : '';
      const item = (r: Readonly<Record<string, unknown>>) => {
        const what =
          side === 'customers' ? customerTypeCell(r, lang) : productDescription(attributesOf(r), lang);
        return say(
          lang,
          `${label(r.item)} (${what}) con ${countOf(Number(r.v), lang, BAR_NOUN[bar.of], decimalsFor(Number(r.v), bar))}`,
          `${label(r.item)} (${what}) with ${countOf(Number(r.v), lang, BAR_NOUN[bar.of], decimalsFor(Number(r.v), bar))}`,
        );
      };
      const rest = passing - req.offset - rows.length;
      const more =
        rest > 0
          ? say(lang, `; y ${formatNumber(rest, lang)} más`, `; and ${formatNumber(rest, lang)} more`)
          : '';
      text = say(
        lang,
        `${countOf(passing, lang, noun)} con ${bars} ${when}${scope}, de ${formatNumber(poolSize, lang)} ${poolEs} ${since}${zero}: ${rows.map(item).join('; ')}${more}.`,
        `${countOf(passing, lang, noun)} with ${bars} ${when}${scope}, out of ${formatNumber(poolSize, lang)} ${poolEn} ${since}${zero}: ${rows.map(item).join('; ')}${more}.`,
      );
    }
    const ids = rows.map((r) => Number(r.item));
    return {
      text,
      answered: true,
      basedOn: [when, ...describeFilters(entities, lang), barWords(bar, lang)],
      table: rankedTable(
        req.offset,
        side === 'customers'
          ? [column('customer', lang), column('type', lang), [say(lang, ...measure.header), true]]
          : [column('product', lang), column('description', lang), [say(lang, ...measure.header), true]],
        rows,
        (r) => [
          String(r.item),
          side === 'customers' ? customerTypeCell(r, lang) : productDescription(attributesOf(r), lang),
          formatNumber(Number(r.v), lang, decimalsFor(Number(r.v), bar)),
        ],
      ),
      data: {
        period: period ?? null,
        threshold: bar,
        passing,
        out_of: poolSize,
        ...(above ? {} : { with_none: none }),
        [side]: rows.map((r) => ({ id: Number(r.item), value: Number(r.v) })),
      },
      ...(side === 'customers' ? { customers: ids } : { products: ids }),
      shown: rows.length,
    };
  };
}
