import { formatNumber, say } from '../format.ts';
import { table } from './answers.ts';
import { describeFilters, joinFilters, periodOr4Weeks } from './filters.ts';
import { FROM, rankingWords, unitsShare } from './market.ts';
import { rowsWanted, type Tool } from './toolbox.ts';

/**
 * Best-selling brands by units (returns deducted) for a period (default: the last four weeks) and
 * any product or customer filters but a brand: ranking brands within one brand says nothing.
 */
export const topBrandsTool: Tool = async (box, req) => {
  const { lang } = req;
  const period = periodOr4Weeks(req);
  const { brand: _named, ...rest } = req.entities;
  const entities = { ...rest, ...(period ? { period } : {}) };
  const f = joinFilters(entities);
  const k = rowsWanted(entities);
  const rows = await box.data.query(
    `SELECT p.brand AS brand, sum(t.items)::DOUBLE AS units, count(DISTINCT t.product_id)::DOUBLE AS products,
            count(DISTINCT t.customer_id)::DOUBLE AS customers, sum(sum(t.items)) OVER ()::DOUBLE AS total
     FROM ${FROM} WHERE ${f.where} AND p.brand IS NOT NULL
     GROUP BY p.brand HAVING sum(t.items) > 0
     ORDER BY units DESC, brand LIMIT ${k} OFFSET ${req.offset}`,
    f.params,
  );
  const { when, scope, noSales } = rankingWords(entities, period, lang);
  const share = unitsShare(rows, lang);
  const units = (r: Readonly<Record<string, unknown>>) => formatNumber(Number(r.units), lang);
  const text =
    rows.length === 0
      ? noSales
      : say(
          lang,
          `Las marcas más vendidas ${when}${scope}: ${rows.map((r) => `${String(r.brand)} con ${units(r)} unidades`).join('; ')}.`,
          `Best-selling brands ${when}${scope}: ${rows.map((r) => `${String(r.brand)} with ${units(r)} units`).join('; ')}.`,
        );
  return {
    text,
    answered: true,
    basedOn: [
      when,
      ...describeFilters(entities, lang),
      say(
        lang,
        'unidades vendidas por marca (devoluciones descontadas)',
        'units sold by brand (returns deducted)',
      ),
    ],
    table: table(
      [
        ['#', true],
        [say(lang, 'Marca', 'Brand'), false],
        [say(lang, 'Unidades', 'Units'), true],
        [say(lang, 'Productos', 'Products'), true],
        [say(lang, 'Clientes', 'Customers'), true],
        [say(lang, 'Participación', 'Share'), true],
      ],
      rows.map((r, i) => [
        String(req.offset + i + 1),
        String(r.brand),
        units(r),
        formatNumber(Number(r.products), lang),
        formatNumber(Number(r.customers), lang),
        share(r),
      ]),
    ),
    chart: {
      kind: 'bar',
      title: say(lang, `Unidades por marca, ${when}`, `Units by brand, ${when}`),
      labels: rows.map((r) => String(r.brand)),
      series: [{ name: say(lang, 'unidades', 'units'), values: rows.map((r) => Number(r.units)) }],
    },
    data: {
      period: period ?? null,
      brands: rows.map((r) => ({ brand: String(r.brand), units: Number(r.units) })),
    },
    shown: rows.length,
  };
};
