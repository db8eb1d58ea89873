import { BUYERS, GRAIN_NOUNS, type ItemGrain } from './buyers-change-words.ts';

/** "¿Qué producto tiene más clientes?": what is ranked by its buyers, and whether fewest first. */
export interface BuyersRanking {
  readonly grain: ItemGrain;
  readonly fewest: boolean;
}

const MOST = '(?:mas|mayor (?:numero|cantidad) de|most|more|highest number of|largest number of)';
const FEWEST =
  '(?:menos|menor (?:numero|cantidad) de|fewest|fewer|least|lowest number of|smallest number of)';
const DISTINCT = '(?:(?:distinct|different|unique|distintos|diferentes) )?';

/**
 * The count of buyers as what ranks: "más clientes", "the fewest buyers", "bought by the most
 * customers", "por número de clientes", "by number of buyers", "by customers" (not "by customer
 * type", nor "por cliente", a figure per customer). The fewest when its first group matched.
 */
const RANKED_BY_BUYERS = new RegExp(
  `\\b(?:(?:the )?(?:(${FEWEST})|${MOST}) ${DISTINCT}${BUYERS}|(?:por|by|segun) (?:el |the )?(?:numero|cantidad|number|count) (?:de |of )?${DISTINCT}${BUYERS}|by ${DISTINCT}(?:customers|buyers|clients)(?! types?))\\b`,
);

/**
 * Whether a question ranks products, brands or another kind of product by how many distinct
 * customers bought them ("which product has the most buyers?", "¿qué marca tiene más clientes?",
 * "productos que compran menos clientes", "top brands by number of customers"), and at which
 * grain. What is ranked is named before the buyers: "¿qué clientes compran más productos?" ranks
 * customers, and "¿qué cliente tiene más pedidos?" names no buyers.
 *
 * @example
 * buyersRankingAsked('que producto tiene mas clientes'); // { grain: 'product', fewest: false }
 * buyersRankingAsked('clientes que mas compran'); // undefined
 */
export function buyersRankingAsked(text: string): BuyersRanking | undefined {
  const m = RANKED_BY_BUYERS.exec(text);
  if (!m) return undefined;
  const before = text.slice(0, m.index);
  const named = GRAIN_NOUNS.map(([re, grain]) => ({ at: before.search(re), grain })).filter((g) => g.at >= 0);
  const first = named.sort((a, b) => a.at - b.at)[0];
  // "¿Qué clientes compran más productos?": customers named before the grain are what is ranked.
  const customersFirst = before.search(new RegExp(`\\b${BUYERS}\\b`));
  if (!first || (customersFirst >= 0 && customersFirst < first.at)) return undefined;
  return { grain: first.grain, fewest: m[1] !== undefined };
}
