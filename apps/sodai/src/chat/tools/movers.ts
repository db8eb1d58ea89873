import { agree, countOf, NOUN } from '../count-words.ts';
import { capitalize, formatDay, formatNumber, formatPercent, productDescription, say } from '../format.ts';
import { previousPeriod } from '../understanding/periods.ts';
import { column, netUnits, noTransactions, rankedTable } from './answers.ts';
import { attributesOf, PRODUCT_COLUMNS } from './product-rows.ts';
import {
  catalogFilter,
  describeFilters,
  describePeriod,
  FROM,
  periodOr4Weeks,
  withinDates,
} from './filters.ts';
import { dataStartCaveat } from './data-start-caveat.ts';
import { likeForLike } from './like-for-like.ts';
import { rankingWords } from './market.ts';
import { itemWords } from './ranked-items.ts';
import { grainOf, grainValue, grainWords } from './item-grain.ts';
import { rowsWanted, type Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/**
 * Below this many units in both periods a change is noise: 2 against 5 units reads as +150 %.
 */
export const MOVERS_MIN_UNITS = 10;

/**
 * Growth in percent is measured over at least this many units in the period before: below it a
 * small seller's jump (2 to 10 units, +400 %) would top any list. New ones (nothing before) have
 * no percent at all and are left out.
 */
export const PERCENT_MIN_BASE = 50;

/**
 * Products (or brands, when the question ranks brands) by the change in units between the period
 * asked (default: the last four weeks) and the same-length period before it, the risers or, when
 * asked, the fallers first. A brand named in the question filters products but not a brand ranking.
 */
export const moversTool: Tool = async (box, req) => {
  const { lang } = req;
  const current = periodOr4Weeks(req);
  if (!current) return noTransactions(lang);
  // "Entre octubre y noviembre": the later period is measured against the earlier, whichever came first.
  const asked = req.entities.compare_to ?? previousPeriod(current, lang);
  const [later, whole] = current.from >= asked.from ? [current, asked] : [asked, current];
  const {
    later: now,
    earlier: before,
    note,
    partialDays,
  } = likeForLike(later, whole, req.vocab.lastDay, lang);
  // "¿Qué segmento crece más?": the values of an attribute ranked; a value of it named is no filter.
  const grain = grainOf(req.entities.group_by);
  const byProduct = grain === 'product';
  const g = grainWords(grain, lang);
  const { [grain === 'product' ? 'product_id' : grain]: _ranked, ...unranked } = req.entities;
  const entities = { ...(byProduct ? req.entities : unranked), period: now };
  const down = req.entities.direction === 'down';
  const f = catalogFilter(entities);
  const n = f.params.length + 1;
  const k = rowsWanted(entities);
  // "¿Qué marcas crecieron más en porcentaje?": the change relative to a base that is no trifle.
  const inPercent = req.growthBy === 'percent';
  const floorSql = inPercent
    ? `units_before >= ${PERCENT_MIN_BASE}`
    : `greatest(units_now, units_before) >= ${MOVERS_MIN_UNITS}`;
  const order = inPercent ? 'units_now / units_before' : 'units_now - units_before';
  const rows = await box.data.query(
    `SELECT *, count(*) OVER ()::DOUBLE AS moved FROM (
       SELECT ${g.column} AS item${byProduct ? `, ${PRODUCT_COLUMNS}` : ''},
              coalesce(sum(t.items) FILTER (WHERE ${withinDates(n)}), 0)::DOUBLE AS units_now,
              coalesce(sum(t.items) FILTER (WHERE ${withinDates(n + 2)}), 0)::DOUBLE AS units_before
       FROM ${FROM}
       WHERE ${f.where} AND ((${withinDates(n)}) OR (${withinDates(n + 2)}))${byProduct ? '' : ` AND ${g.column} IS NOT NULL`}
       GROUP BY item)
     WHERE ${floorSql} AND units_now ${down ? '<' : '>'} units_before
     ORDER BY ${order} ${down ? 'ASC' : 'DESC'}, item LIMIT ${k} OFFSET ${req.offset}`,
    [...f.params, now.from, now.to, before.from, before.to],
  );
  const { when, scope } = rankingWords(entities, now, lang);
  const then = describePeriod(before, lang);
  // "El mes anterior" contracts: "frente al mes anterior"; a month named drops its preposition:
  // "frente a octubre", "against October", not "frente a en octubre".
  const against = say(
    lang,
    `frente a ${then.replace(/^en /, '')}`.replace(/^frente a el /, 'frente al '),
    `against ${then.replace(/^in /, '')}`,
  );
  const units = (v: unknown) => formatNumber(Number(v), lang);
  const unitsOf = (v: unknown) => countOf(Number(v), lang, NOUN.unit);
  const change = (r: Row) => {
    const before = Number(r.units_before);
    if (before <= 0) return say(lang, 'nuevo', 'new');
    const ratio = Number(r.units_now) / before - 1;
    return `${ratio > 0 ? '+' : ''}${formatPercent(ratio, lang)}`;
  };
  const name = (r: Row) => (byProduct ? itemWords(r, false, lang) : grainValue(grain, r.item, lang));
  const what = g.plural;
  const line = (r: Row) =>
    say(
      lang,
      `${name(r)}: de ${units(r.units_before)} a ${unitsOf(r.units_now)} (${change(r)})`,
      `${name(r)}: from ${units(r.units_before)} to ${unitsOf(r.units_now)} (${change(r)})`,
    );
  // Who counts in a ranking by percent, said after the list and in what it is based on.
  const percentRule = say(
    lang,
    `solo ${what} con al menos ${PERCENT_MIN_BASE} unidades en el período anterior, para que un salto pequeño (de 2 a 10) no encabece la lista; ${g.feminine ? 'las nuevas quedan fuera' : 'los nuevos quedan fuera'}`,
    `only ${what} with at least ${PERCENT_MIN_BASE} units in the period before, so that a small jump (2 to 10) does not top the list; new ones are left out`,
  );
  const floor = inPercent
    ? say(lang, `en porcentaje, ${percentRule}`, `in percent, ${percentRule}`)
    : say(
        lang,
        `solo ${what} con al menos ${MOVERS_MIN_UNITS} unidades en alguno de los dos períodos`,
        `only ${what} with at least ${MOVERS_MIN_UNITS} units in one of the two periods`,
      );
  const moved = Number(rows[0]?.moved ?? 0);
  // "¿Cuántos productos están creciendo?": the count first, then the biggest changes.
  const lead =
    req.howMany && rows.length > 0
      ? say(
          lang,
          `${countOf(moved, lang, g.noun)} ${down ? agree(moved, ['bajó', 'bajaron']) : agree(moved, ['creció', 'crecieron'])} ${when}${scope} ${against}. `,
          `${countOf(moved, lang, g.noun)} ${down ? 'fell' : 'grew'} ${when}${scope} ${against}. `,
        )
      : '';
  // The period before lies wholly before the data: every change reads as new, or none as growth.
  const firstDay = req.vocab.firstDay;
  const beforeData =
    firstDay && before.to < firstDay
      ? say(
          lang,
          ` ${capitalize(then)} no tiene datos: empiezan el ${formatDay(firstDay, lang)}.`,
          ` ${capitalize(then)} has no data: they start on ${formatDay(firstDay, lang)}.`,
        )
      : '';
  const ranked =
    lead +
    (rows.length === 0
      ? say(
          lang,
          `${g.feminine ? 'Ninguna' : 'Ningún'} ${g.noun.es[0]} ${down ? 'bajó' : 'creció'} ${when}${scope} ${against} (${floor}).`,
          `No ${g.noun.en[0]} ${down ? 'fell' : 'grew'} ${when}${scope} ${against} (${floor}).`,
        )
      : say(
          lang,
          // "Las marcas", "los productos": the article agrees with what is ranked.
          `${g.feminine ? 'Las' : 'Los'} ${what} que más ${down ? 'bajaron' : 'crecieron'}${inPercent ? ' en porcentaje' : ''} ${when}${scope} ${against}: ${rows.map(line).join('; ')}.${inPercent ? ` Cuentan ${percentRule}.` : ''}`,
          `The ${what} that ${down ? 'fell' : 'grew'} the most${inPercent ? ' in percent' : ''} ${when}${scope} ${against}: ${rows.map(line).join('; ')}.${inPercent ? ` Counted: ${percentRule}.` : ''}`,
        ));
  const text =
    beforeData.length > 0 && rows.length === 0
      ? say(
          lang,
          `No se puede medir el cambio ${when}${scope}:${beforeData}`,
          `The change ${when}${scope} cannot be measured:${beforeData}`,
        )
      : ranked + beforeData + note;
  return {
    text,
    answered: true,
    basedOn: [when, then, ...describeFilters(entities, lang), netUnits('sold', lang), floor],
    table: rankedTable(
      req.offset,
      [
        [g.title, byProduct],
        [say(lang, 'Unidades ahora', 'Units now'), true],
        [say(lang, 'Unidades antes', 'Units before'), true],
        [say(lang, 'Cambio', 'Change'), true],
      ],
      rows,
      (r) => [String(r.item), units(r.units_now), units(r.units_before), change(r)],
    ),
    chart: {
      kind: 'bar',
      title: say(lang, `Unidades, ${when} y ${then}`, `Units, ${when} and ${then}`),
      labels: rows.map((r) => String(r.item)),
      series: [
        { name: now.label, values: rows.map((r) => Number(r.units_now)) },
        { name: before.label, values: rows.map((r) => Number(r.units_before)) },
      ],
    },
    data: {
      period: now,
      previous: before,
      ...(partialDays ? { partial_days: partialDays } : {}),
      direction: down ? 'down' : 'up',
      moved,
      min_units: inPercent ? PERCENT_MIN_BASE : MOVERS_MIN_UNITS,
      ...(inPercent ? { ranked_by: 'percent' } : {}),
      [g.listKey]: rows.map((r) => ({
        [g.itemKey]: byProduct ? Number(r.item) : String(r.item),
        units_now: Number(r.units_now),
        units_before: Number(r.units_before),
      })),
    },
    ...(byProduct ? { products: rows.map((r) => Number(r.item)) } : {}),
    shown: rows.length,
  };
};

/**
 * Products whose first sale in the data falls in the period asked (default: the last four weeks),
 * largest first, with their buyers and units from that first sale to the last day of data. The
 * product and customer filters narrow what is listed and counted; the first sale is the product's
 * first anywhere, so a product new to restaurants but old elsewhere is not new.
 */
export const newProductsTool: Tool = async (box, req) => {
  const { lang } = req;
  const period = periodOr4Weeks(req);
  if (!period) return noTransactions(lang);
  const entities = { ...req.entities, period };
  const f = catalogFilter(entities);
  const n = f.params.length + 1;
  const k = rowsWanted(entities);
  const rows = await box.data.query(
    `WITH firsts AS (
       SELECT product_id, min(purchase_date) AS first FROM transactions WHERE items > 0 GROUP BY product_id)
     SELECT t.product_id::DOUBLE AS product, any_value(s.first)::DATE::VARCHAR AS first,
            count(DISTINCT t.customer_id)::DOUBLE AS buyers, sum(t.items)::DOUBLE AS units,
            ${PRODUCT_COLUMNS}, count(*) OVER ()::DOUBLE AS found
     FROM ${FROM} JOIN firsts s ON s.product_id = t.product_id
     WHERE ${f.where} AND s.first >= $${n}::DATE AND s.first < $${n + 1}::DATE + 1
     GROUP BY t.product_id
     ORDER BY units DESC, first, product LIMIT ${k} OFFSET ${req.offset}`,
    [...f.params, period.from, period.to],
  );
  const { when, scope } = rankingWords(entities, period, lang);
  const found = Number(rows[0]?.found ?? 0);
  const units = (r: Row) => formatNumber(Number(r.units), lang);
  const buyers = (r: Row) => formatNumber(Number(r.buyers), lang);
  const unitsOf = (r: Row) => countOf(Number(r.units), lang, NOUN.unit);
  const buyersOf = (r: Row) => countOf(Number(r.buyers), lang, NOUN.customer);
  const first = (r: Row) => formatDay(String(r.first), lang);
  const label = (r: Row) =>
    say(lang, 'producto', 'product') + ` ${r.product} (${productDescription(attributesOf(r), lang)})`;
  const caveat = dataStartCaveat(req.vocab.firstDay, period, 'products', lang);
  const text =
    rows.length === 0
      ? say(
          lang,
          `No hubo productos nuevos ${when}${scope}: ningún producto se vendió por primera vez en ese período.`,
          `There were no new products ${when}${scope}: no product was sold for the first time in that period.`,
        )
      : say(
          lang,
          `${countOf(found, lang, NOUN.product)} ${agree(found, ['se vendió', 'se vendieron'])} por primera vez ${when}${scope}: ${rows.map((r) => `${label(r)}, desde el ${first(r)}, ${unitsOf(r)} a ${buyersOf(r)}`).join('; ')}.${caveat}`,
          `${countOf(found, lang, NOUN.product)} ${agree(found, ['was', 'were'])} sold for the first time ${when}${scope}: ${rows.map((r) => `${label(r)}, since ${first(r)}, ${unitsOf(r)} to ${buyersOf(r)}`).join('; ')}.${caveat}`,
        );
  return {
    text,
    answered: true,
    basedOn: [
      when,
      ...describeFilters(entities, lang),
      say(
        lang,
        'primera venta de cada producto en los datos; unidades y clientes desde entonces hasta el último día de datos',
        "each product's first sale in the data; units and customers from then to the last day of data",
      ),
    ],
    table: rankedTable(
      req.offset,
      [
        column('product', lang),
        column('description', lang),
        [say(lang, 'Primera venta', 'First sale'), false],
        column('customers', lang),
        column('units', lang),
      ],
      rows,
      (r) => [String(r.product), productDescription(attributesOf(r), lang), first(r), buyers(r), units(r)],
    ),
    data: {
      period,
      found,
      products: rows.map((r) => ({
        product: Number(r.product),
        first: String(r.first),
        buyers: Number(r.buyers),
        units: Number(r.units),
      })),
    },
    products: rows.map((r) => Number(r.product)),
    shown: rows.length,
  };
};
