import type { ChatThreshold, Lang } from '../../contract/api.ts';
import { countOf, NOUN, type Noun } from '../count-words.ts';
import { customerTypeWords, formatNumber, productDescription, say } from '../format.ts';
import type { SqlValue } from '../data-source.ts';
import { column, rankedTable } from './answers.ts';
import { customerTypeCell } from './customer-rows.ts';
import { catalogFilter, describeFilters, FROM, joinFilters, periodOr4Weeks } from './filters.ts';
import { rankingWords } from './market.ts';
import { attributesOf } from './product-rows.ts';
import { rowsWanted, type Tool, type ToolRequest } from './toolbox.ts';

/** Who is counted against the bar. */
export type ThresholdSide = 'customers' | 'products';

/** What each measure sums per customer or product, and how it reads after "más de 100". */
const MEASURE: Readonly<
  Record<
    ChatThreshold['of'],
    { readonly sql: string; readonly noun: Noun; readonly header: readonly [string, string] }
  >
> = {
  units: { sql: 'sum(t.items)', noun: NOUN.unit, header: ['Unidades', 'Units'] },
  orders: { sql: 'count(DISTINCT t.order_id)', noun: NOUN.order, header: ['Pedidos', 'Orders'] },
  customers: { sql: 'count(DISTINCT t.customer_id)', noun: NOUN.customer, header: ['Clientes', 'Customers'] },
  products: {
    sql: 'count(DISTINCT t.product_id)',
    noun: NOUN.differentProduct,
    header: ['Productos distintos', 'Different products'],
  },
};

const OPERATOR: Readonly<Record<ChatThreshold['op'], string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

/** "más de 100 unidades", "at least 3 orders". */
function barWords(bar: ChatThreshold, lang: Lang): string {
  const words: Readonly<Record<ChatThreshold['op'], readonly [string, string]>> = {
    gt: ['más de', 'more than'],
    gte: ['al menos', 'at least'],
    lt: ['menos de', 'fewer than'],
    lte: ['como máximo', 'at most'],
  };
  const [es, en] = words[bar.op];
  return `${say(lang, es, en)} ${countOf(bar.value, lang, MEASURE[bar.of].noun, 2)}`;
}

/** "compradas" / "vendidas": units and orders are bought by customers and sold of products. */
function doneWord(side: ThresholdSide, of: ChatThreshold['of'], lang: Lang): string {
  if (of !== 'units') return '';
  return side === 'customers' ? say(lang, ' compradas', ' bought') : say(lang, ' vendidas', ' sold');
}

const SIDE = {
  customers: { key: 't.customer_id', noun: NOUN.customer, pool: ['registrados', 'registered'] },
  products: { key: 't.product_id', noun: NOUN.product, pool: ['del catálogo', 'in the catalogue'] },
} as const;

/** The SQL of those past the bar, every member of the pool with its measure (0 when it bought none). */
function passingQuery(
  req: ToolRequest,
  side: ThresholdSide,
  bar: ChatThreshold,
  period: ToolRequest['entities']['period'],
) {
  const e = { ...req.entities, ...(period ? { period } : {}) };
  const f = joinFilters(e);
  const params: SqlValue[] = [...f.params];
  let where = f.where;
  // One product's buyers, or one customer's products, when the question names it.
  if (e.product_id !== undefined) {
    params.push(e.product_id);
    where += ` AND t.product_id = $${params.length}`;
  }
  if (e.customer_id !== undefined) {
    params.push(e.customer_id);
    where += ` AND t.customer_id = $${params.length}`;
  }
  // Below a bar counts those who bought none too: every registered customer (of the type), every
  // product of the catalogue (within its filters).
  const pool =
    side === 'customers'
      ? catalogFilter({ customer_type: e.customer_type }, params.length + 1)
      : catalogFilter({ ...e, customer_type: undefined }, params.length + 1);
  params.push(...pool.params);
  params.push(bar.value);
  const poolSql =
    side === 'customers'
      ? `SELECT c.customer_id AS id, c.customer_type AS type FROM customers c WHERE ${pool.where}`
      : `SELECT p.product_id AS id, p.brand, p.category, p.sub_category, p.segment, p.package, p.size::DOUBLE AS size
         FROM products p WHERE ${pool.where}`;
  const sql = `WITH m AS (SELECT ${SIDE[side].key} AS id, ${MEASURE[bar.of].sql}::DOUBLE AS v FROM ${FROM} WHERE ${where} GROUP BY 1),
         pool AS (${poolSql}),
         scored AS (SELECT pool.*, coalesce(m.v, 0) AS v FROM pool LEFT JOIN m USING (id))
    SELECT scored.*, id::DOUBLE AS item,
           count(*) OVER ()::DOUBLE AS passing,
           (count(*) FILTER (WHERE v = 0) OVER ())::DOUBLE AS none,
           (SELECT count(*) FROM pool)::DOUBLE AS pool_size
    FROM scored WHERE v ${OPERATOR[bar.op]} $${params.length}`;
  return {
    sql,
    params,
    nearest: `WITH m AS (SELECT ${SIDE[side].key} AS id, ${MEASURE[bar.of].sql}::DOUBLE AS v FROM ${FROM} WHERE ${where} GROUP BY 1),
         pool AS (${poolSql})
    SELECT id::DOUBLE AS item, coalesce(m.v, 0) AS v FROM pool LEFT JOIN m USING (id)`,
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
    const q = passingQuery(req, side, bar, period);
    const above = bar.op === 'gt' || bar.op === 'gte';
    const k = rowsWanted(entities);
    const rows = await box.data.query(
      `${q.sql} ORDER BY v ${above ? 'DESC' : 'ASC'}, item LIMIT ${k} OFFSET ${req.offset}`,
      q.params,
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
        `${q.nearest} ORDER BY v ${above ? 'DESC' : 'ASC'}, item LIMIT 1`,
        q.params.slice(0, -1),
      );
      const who = nearest
        ? say(
            lang,
            `; ${above ? 'el que más' : 'el que menos'}, el ${label(nearest.item)}, con ${countOf(Number(nearest.v), lang, measure.noun)}`,
            `; the ${above ? 'highest' : 'lowest'} is ${label(nearest.item)}, with ${countOf(Number(nearest.v), lang, measure.noun)}`,
          )
        : '';
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
          `${label(r.item)} (${what}) con ${countOf(Number(r.v), lang, measure.noun)}`,
          `${label(r.item)} (${what}) with ${countOf(Number(r.v), lang, measure.noun)}`,
        );
      };
      const rest = passing - req.offset - rows.length;
      const more =
        rest > 0
          ? say(lang, `; y ${formatNumber(rest, lang)} más`, `; and ${formatNumber(rest, lang)} more`)
          : '';
      text = say(
        lang,
        `${countOf(passing, lang, noun)} con ${bars} ${when}${scope}, de ${formatNumber(poolSize, lang)} ${poolEs}${zero}: ${rows.map(item).join('; ')}${more}.`,
        `${countOf(passing, lang, noun)} with ${bars} ${when}${scope}, out of ${formatNumber(poolSize, lang)} ${poolEn}${zero}: ${rows.map(item).join('; ')}${more}.`,
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
          formatNumber(Number(r.v), lang),
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
