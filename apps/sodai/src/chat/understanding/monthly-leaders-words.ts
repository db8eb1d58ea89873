import type { ChatIntent } from '../../contract/api.ts';
import { asksByMonth } from './by-month-words.ts';

/** What "the best of each month" ranks, and whether it asks for one or a few each month. */
export interface MonthlyLeaders {
  readonly by: 'products' | 'brands' | 'customers';
  /** "Los productos más vendidos de cada mes", "top products per month": a few, not the one. */
  readonly several: boolean;
}

/** Plural nouns of what is ranked: several a month unless a number says how many. */
const SEVERAL =
  /\b(?:productos|products|marcas|brands|clientes|customers|sellers|vendidos|vendidas|compradores|buyers|items|articulos|skus)\b/;

/**
 * Whether a ranking asks for its leaders month by month ("el producto más vendido de cada mes",
 * "top 3 brands per month", "best customer each month"): the ranking's grain from its intent (a
 * ranking of brands is `top_products` grouped by brand), or undefined for any other question.
 *
 * @example
 * monthlyLeadersAsked('el producto mas vendido de cada mes', 'top_products', undefined); // { by: 'products', several: false }
 * monthlyLeadersAsked('top products last month', 'top_products', undefined); // undefined
 */
export function monthlyLeadersAsked(
  text: string,
  intent: ChatIntent,
  groupBy: string | undefined,
): MonthlyLeaders | undefined {
  if (!asksByMonth(text)) return undefined;
  const several = SEVERAL.test(text);
  if (intent === 'top_customers') return { by: 'customers', several };
  if (intent !== 'top_products') return undefined;
  if (groupBy === 'brand') return { by: 'brands', several };
  return groupBy === undefined ? { by: 'products', several } : undefined;
}
