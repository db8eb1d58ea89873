import { countOf, NOUN } from '../count-words.ts';
import { capitalize, formatNumber, say } from '../format.ts';
import type { PlaceGrain } from '../understanding/place-words.ts';
import { column, netUnits, rankedTable, unitsChart } from './answers.ts';
import { describeFilters, FROM, joinFilters, periodOr4Weeks, placed } from './filters.ts';
import { rankingWords, unitsShare } from './market.ts';
import { MAX_ROWS, type Tool } from './toolbox.ts';

/** The customers table's column of each grain, and its name in each language. */
const GRAIN = {
  region: { column: 'c.region_id', es: 'región', en: 'region' },
  zone: { column: 'c.zone_id', es: 'zona', en: 'zone' },
} as const;

/**
 * "¿Qué región vende más?", "ventas por zona": the regions (or zones) of the customers ranked by
 * units bought in a period (default: the last four weeks, as other rankings), within the product
 * and customer filters named. Every region is listed unless a number is asked (there are few), so
 * the least one is there too; customers without a region are left out and not ranked as one.
 */
export const placesRankedTool =
  (grain: PlaceGrain): Tool =>
  async (box, req) => {
    const { lang } = req;
    const period = periodOr4Weeks(req);
    const entities = { ...placed(req), ...(period ? { period } : {}) };
    const f = joinFilters(entities);
    const k = Math.min(MAX_ROWS, entities.count ?? MAX_ROWS);
    const { column: place, ...name } = GRAIN[grain];
    const rows = await box.data.query(
      `SELECT ${place}::DOUBLE AS place, sum(t.items)::DOUBLE AS units,
              count(DISTINCT t.customer_id)::DOUBLE AS customers, sum(sum(t.items)) OVER ()::DOUBLE AS total
       FROM ${FROM} WHERE ${f.where} AND ${place} IS NOT NULL
       GROUP BY 1 HAVING sum(t.items) > 0
       ORDER BY units DESC, place LIMIT ${k} OFFSET ${req.offset}`,
      f.params,
    );
    const { when, scope, noSales } = rankingWords(entities, period, lang);
    const share = unitsShare(rows, lang);
    const word = say(lang, name.es, name.en);
    const line = (r: Readonly<Record<string, unknown>>) =>
      say(
        lang,
        `${word} ${r.place}: ${countOf(Number(r.units), lang, NOUN.unit)} (${share(r)}) de ${countOf(Number(r.customers), lang, NOUN.customer)}`,
        `${word} ${r.place}: ${countOf(Number(r.units), lang, NOUN.unit)} (${share(r)}) from ${countOf(Number(r.customers), lang, NOUN.customer)}`,
      );
    const text =
      rows.length === 0
        ? noSales
        : say(
            lang,
            `${capitalize(grain === 'region' ? 'las regiones' : 'las zonas')} por unidades compradas ${when}${scope}: ${rows.map(line).join('; ')}.`,
            `${capitalize(grain === 'region' ? 'regions' : 'zones')} by units bought ${when}${scope}: ${rows.map(line).join('; ')}.`,
          );
    return {
      text,
      answered: true,
      basedOn: [when, ...describeFilters(entities, lang), netUnits('bought', lang)],
      table: rankedTable(
        req.offset,
        [[capitalize(word), false], column('units', lang), column('customers', lang), column('share', lang)],
        rows,
        (r) => [
          String(r.place),
          formatNumber(Number(r.units), lang),
          formatNumber(Number(r.customers), lang),
          share(r),
        ],
      ),
      chart: unitsChart(word, when, rows, (r) => String(r.place), lang),
      data: {
        period: period ?? null,
        [grain === 'region' ? 'regions' : 'zones']: rows.map((r) => ({
          [grain]: Number(r.place),
          units: Number(r.units),
          customers: Number(r.customers),
        })),
      },
      shown: rows.length,
      placeApplied: true,
    };
  };
