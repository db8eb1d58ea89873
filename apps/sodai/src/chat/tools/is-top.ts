import { countOf, NOUN } from '../count-words.ts';
import { formatNumber, say } from '../format.ts';
import { column, needsCustomer, needsProduct, table, unknownCustomer, unknownProduct } from './answers.ts';
import { describeFilters, FROM, joinFilters, periodOr4Weeks } from './filters.ts';
import { rankingWords } from './market.ts';
import type { Tool, ToolAnswer } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/** What is ranked: customers by units bought, or products by units sold. */
export type TopSide = 'customers' | 'products';

/**
 * "¿El 100026 es el mejor cliente?", "is 20012 in our top 5 products?": yes or no first, then the
 * one named's units and place, and the actual top one. Ranked as the best customers and best
 * sellers are (net units in the period, default the last four weeks; same filters; ties by id), so
 * the two answers agree.
 */
export const isTopTool =
  (side: TopSide): Tool =>
  async (box, req): Promise<ToolAnswer> => {
    const { lang, vocab } = req;
    const customers = side === 'customers';
    const id = customers ? req.entities.customer_id : req.entities.product_id;
    if (id === undefined) return customers ? needsCustomer(lang) : needsProduct(lang);
    if (customers && (req.customerText || !vocab.customerIds.has(id)))
      return unknownCustomer(req.customerText ?? String(id), lang, vocab.lastDay);
    if (!customers && (req.productText || !vocab.productIds.has(id)))
      return unknownProduct(req.productText ?? String(id), lang);
    const period = periodOr4Weeks(req);
    const { customer_id: _c, product_id: _p, ...filters } = req.entities;
    const entities = { ...filters, ...(period ? { period } : {}) };
    const f = joinFilters(entities);
    const key = customers ? 't.customer_id' : 't.product_id';
    const rows = await box.data.query(
      `WITH ranked AS (
         SELECT ${key}::DOUBLE AS id, sum(t.items)::DOUBLE AS units,
                row_number() OVER (ORDER BY sum(t.items) DESC, ${key})::DOUBLE AS place,
                count(*) OVER ()::DOUBLE AS ranked
         FROM ${FROM} WHERE ${f.where} GROUP BY ${key} HAVING sum(t.items) > 0)
       SELECT * FROM ranked WHERE place = 1 OR id = $${f.params.length + 1} ORDER BY place`,
      [...f.params, id],
    );
    const { when, scope, noSales } = rankingWords(entities, period, lang);
    const top = rows[0];
    const mine = rows.find((r) => Number(r.id) === id);
    const within = Math.max(1, req.entities.count ?? 1);
    const noun = (n: number) =>
      customers
        ? say(lang, `el cliente ${n}`, `customer ${n}`)
        : say(lang, `el producto ${n}`, `product ${n}`);
    const units = (r: Row) => countOf(Number(r.units), lang, NOUN.unit);
    const verb = customers ? say(lang, 'compró', 'bought') : say(lang, 'vendió', 'sold');
    const none = customers
      ? say(lang, 'no compró', 'bought nothing')
      : say(lang, 'no se vendió', 'did not sell');
    const best =
      within > 1
        ? customers
          ? say(lang, `entre los ${within} mejores clientes`, `among the top ${within} customers`)
          : say(lang, `entre los ${within} productos más vendidos`, `among the top ${within} best sellers`)
        : customers
          ? say(lang, 'el mejor cliente', 'the best customer')
          : say(lang, 'el producto más vendido', 'the best seller');
    const Subject = (n: number) =>
      customers
        ? say(lang, `El cliente ${n}`, `Customer ${n}`)
        : say(lang, `El producto ${n}`, `Product ${n}`);
    if (!top) return { text: noSales, answered: true, basedOn: [when], data: { period: period ?? null } };
    const place = mine ? Number(mine.place) : undefined;
    const yes = place !== undefined && place <= within;
    const ranked = formatNumber(Number(top.ranked), lang);
    const standing = mine
      ? say(
          lang,
          `${Subject(id)} ${verb} ${units(mine)} ${when}${scope}: puesto ${formatNumber(place!, lang)} de ${ranked}.`,
          `${Subject(id)} ${verb} ${units(mine)} ${when}${scope}: number ${formatNumber(place!, lang)} of ${ranked}.`,
        )
      : say(
          lang,
          `${Subject(id)} ${none} ${when}${scope}, así que no está en el ranking de ${ranked}.`,
          `${Subject(id)} ${none} ${when}${scope}, so it is not in the ranking of ${ranked}.`,
        );
    const leader =
      Number(top.id) === id
        ? ''
        : say(
            lang,
            ` El primero es ${noun(Number(top.id))}, con ${units(top)}.`,
            ` The top one is ${noun(Number(top.id))}, with ${units(top)}.`,
          );
    // "Está entre los 3 mejores", but "es el mejor".
    const es = within > 1 ? 'está' : 'es';
    const verdict = yes
      ? say(lang, `Sí, ${es} ${best}.`, `Yes, it is ${best}.`)
      : say(lang, `No, no ${es} ${best}.`, `No, it is not ${best}.`);
    const shown = [top, ...(mine && mine !== top ? [mine] : [])];
    return {
      text: `${verdict} ${standing}${leader}`,
      answered: true,
      basedOn: [
        when,
        ...describeFilters(entities, lang),
        say(lang, 'unidades netas (devoluciones descontadas)', 'net units (returns deducted)'),
      ],
      table: table(
        [['#', true], column(customers ? 'customer' : 'product', lang), column('units', lang)],
        shown.map((r) => [
          formatNumber(Number(r.place), lang),
          String(r.id),
          formatNumber(Number(r.units), lang),
        ]),
      ),
      data: {
        period: period ?? null,
        asked: id,
        yes,
        place: place ?? null,
        ranked: Number(top.ranked),
        units: mine ? Number(mine.units) : 0,
        top: { id: Number(top.id), units: Number(top.units) },
      },
      ...(customers
        ? { customers: shown.map((r) => Number(r.id)) }
        : { products: shown.map((r) => Number(r.id)) }),
    };
  };
