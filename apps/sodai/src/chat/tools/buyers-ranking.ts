import { countOf, NOUN } from '../count-words.ts';
import { formatNumber, formatPercent, say } from '../format.ts';
import type { BuyersRanking } from '../understanding/buyers-ranking-words.ts';
import { column, noTransactions, rankedTable } from './answers.ts';
import { grainValue, grainWords } from './item-grain.ts';
import { PRODUCT_COLUMNS } from './product-rows.ts';
import { itemWords } from './ranked-items.ts';
import { describeFilters, FROM, joinFilters, periodOr4Weeks, periodOrWeeks, placed } from './filters.ts';
import { rankingWords } from './market.ts';
import { rowsWanted, type Tool } from './toolbox.ts';
import { onWeekdayOnly, onWeekdayWords, weekdayBasis } from './weekday-filter.ts';
import { WEEKDAY_WEEKS } from './weekday-pattern.ts';

type Row = Readonly<Record<string, unknown>>;

/**
 * "¿Qué producto tiene más clientes?", "which brand has the fewest buyers?": products (or brands, or
 * another kind of product) ranked by how many distinct customers bought them in the period (default
 * the last four weeks, as the rankings by units), within the filters named, most first or fewest
 * first; each with its share of all who bought in scope and its net units. A buyer is a customer
 * with a line bought, not a return; a brand named is no filter of a ranking of brands.
 */
export const buyersRankingTool =
  ({ grain, fewest }: BuyersRanking): Tool =>
  async (box, req) => {
    const { lang } = req;
    const day = req.onWeekday;
    const period = day === undefined ? periodOr4Weeks(req) : periodOrWeeks(req, WEEKDAY_WEEKS);
    if (!period) return noTransactions(lang);
    const scoped = placed(req);
    const { brand: _named, ...unbranded } = scoped;
    const entities = { ...(grain === 'brand' ? unbranded : scoped), period };
    const words = grainWords(grain, lang);
    const f = onWeekdayOnly(joinFilters(entities), day);
    const byProduct = grain === 'product';
    const rows = await box.data.query(
      `SELECT ${words.column} AS item, count(DISTINCT t.customer_id) FILTER (WHERE t.items > 0)::DOUBLE AS buyers,
              sum(t.items)::DOUBLE AS units, ${byProduct ? `${PRODUCT_COLUMNS},` : ''}
              (SELECT count(DISTINCT t.customer_id) FROM ${FROM} WHERE ${f.where} AND t.items > 0)::DOUBLE AS everyone
       FROM ${FROM} WHERE ${f.where}
       GROUP BY 1 HAVING count(DISTINCT t.customer_id) FILTER (WHERE t.items > 0) > 0
       ORDER BY buyers ${fewest ? 'ASC' : 'DESC'}, units ${fewest ? 'ASC' : 'DESC'}, item
       LIMIT ${rowsWanted(entities)} OFFSET ${req.offset}`,
      f.params,
    );
    const { when, scope, noSales } = rankingWords(entities, period, lang);
    const on = onWeekdayWords(day, lang);
    const everyone = Number(rows[0]?.everyone ?? 0);
    const share = (r: Row) => (everyone > 0 ? formatPercent(Number(r.buyers) / everyone, lang) : '—');
    const label = (r: Row) => itemWords(r, !byProduct, lang);
    const value = (r: Row) => (byProduct ? label(r) : grainValue(grain, r.item, lang));
    // The same words in both languages: the counts carry their nouns.
    const line = (r: Row) =>
      `${value(r)}: ${countOf(Number(r.buyers), lang, NOUN.customer)} (${share(r)}), ${countOf(Number(r.units), lang, NOUN.unit)}`;
    const the = words.feminine ? 'Las' : 'Los';
    const text =
      rows.length === 0
        ? noSales
        : say(
            lang,
            `${the} ${words.plural} con ${fewest ? 'menos' : 'más'} clientes${on} ${when}${scope} (de ${countOf(everyone, lang, NOUN.customer)} que compraron): ${rows.map(line).join('; ')}.`,
            `The ${words.plural} with the ${fewest ? 'fewest' : 'most'} customers${on} ${when}${scope} (of ${countOf(everyone, lang, NOUN.customer)} who bought): ${rows.map(line).join('; ')}.`,
          );
    return {
      text,
      answered: true,
      basedOn: [
        when,
        ...describeFilters(entities, lang),
        ...weekdayBasis(day, lang),
        say(lang, 'clientes distintos con alguna compra', 'distinct customers with a purchase'),
      ],
      table: rankedTable(
        req.offset,
        [[words.title, false], column('customers', lang), column('share', lang), column('units', lang)],
        rows,
        (r) => [
          value(r),
          formatNumber(Number(r.buyers), lang),
          share(r),
          formatNumber(Number(r.units), lang),
        ],
      ),
      data: {
        period,
        grain,
        direction: fewest ? 'fewest' : 'most',
        buyers_in_scope: everyone,
        ...(day !== undefined ? { weekday: day } : {}),
        [words.listKey]: rows.map((r) => ({
          [words.itemKey]: byProduct ? Number(r.item) : String(r.item),
          buyers: Number(r.buyers),
          units: Number(r.units),
        })),
      },
      ...(byProduct ? { products: rows.map((r) => Number(r.item)) } : {}),
      shown: rows.length,
      placeApplied: true,
    };
  };
