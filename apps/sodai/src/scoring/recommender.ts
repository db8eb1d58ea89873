import type {
  Lang,
  ProductAttributes,
  Recommendation,
  RecommendFilters,
  RecommendResponse,
} from '../contract/api.ts';
import { FEATURE_INDEX } from './feature-store.ts';
import { reasonText } from './reasons.ts';
import type { ServingModel } from './serving-model.ts';

const GAP = FEATURE_INDEX.get('gap_mean')!;
const SINCE = FEATURE_INDEX.get('weeks_since_last')!;
const LAST_WEEK = FEATURE_INDEX.get('pair_weeks_1')!;

/** A ranking before the route says who serves (`served_by` needs the serve layer's wording). */
export type RecommendResult = Omit<RecommendResponse, 'served_by'>;

/** What `/recommend` takes once validated (defaults applied). */
export interface RecommendQuery {
  readonly customer_id: number;
  readonly k: number;
  readonly filters?: RecommendFilters | undefined;
  readonly exclude_recent: boolean;
}

// Reasons of candidate rows are the same for every request of a snapshot: built once, on first use.
const reasonCache = new WeakMap<ServingModel, Record<Lang, (string | undefined)[]>>();

function candidateReason(model: ServingModel, row: number, lang: Lang): string {
  let cache = reasonCache.get(model);
  if (!cache) reasonCache.set(model, (cache = { es: [], en: [] }));
  const hit = cache[lang][row];
  if (hit !== undefined) return hit;
  const f = model.features;
  const text = f.matrix.fromHistory[row]
    ? reasonText({ kind: 'history', gapWeeks: f.value(row, GAP), weeksSinceLast: f.value(row, SINCE) }, lang)
    : reasonText(
        {
          kind: 'explore',
          customerType: model.catalog.customers.get(f.matrix.customerIds[row]!)?.customerType ?? null,
        },
        lang,
      );
  cache[lang][row] = text;
  return text;
}

type FilterKey = keyof RecommendFilters;
const FILTER_KEYS: readonly FilterKey[] = ['category', 'brand', 'segment', 'package'];

function matcher(filters: RecommendFilters | undefined): (a: ProductAttributes) => boolean {
  if (!filters) return () => true;
  const wanted = FILTER_KEYS.flatMap((key) => {
    const v = filters[key];
    return v === undefined ? [] : [[key, v.toUpperCase()] as const];
  });
  if (wanted.length === 0) return () => true;
  return (a) => wanted.every(([key, v]) => a[key]?.toUpperCase() === v);
}

/**
 * Ranks products for a customer: their candidate pairs by the serving probability — the champion's,
 * or while no model has passed the gate the rule's (`source: 'rule'`) — with reasons from the
 * pair's purchase rhythm, then, when fewer than `k` remain after filters — or the customer has
 * no recent history (cold start) — the products most popular with shops of the same type.
 * Throws `UNKNOWN_CUSTOMER` for an id not in the catalog.
 *
 * @example
 * const model = app.serving.holder.current()!.acquire();
 * try {
 *   recommend(model, { customer_id: 172161, k: 5, exclude_recent: false }, 'es').recommendations;
 * } finally {
 *   model.release();
 * }
 */
export function recommend(model: ServingModel, query: RecommendQuery, lang: Lang): RecommendResult {
  model.checkIds(query.customer_id);
  const { features, catalog, ranked, scores } = model;
  const accepts = matcher(query.filters);
  const range = features.customerRows(query.customer_id);
  const by = model.servedBy;
  // While no model has passed the gate the candidates are ranked by the serving rule: say so.
  const ranker =
    by.kind === 'rule'
      ? { source: 'rule' as const, rule: by.rule.name }
      : { source: 'model' as const, rule: null };
  const out: Recommendation[] = [];
  if (range) {
    const productIds = features.matrix.productIds;
    for (let i = range.start; i < range.end && out.length < query.k; i++) {
      const row = ranked[i]!;
      if (query.exclude_recent && features.value(row, LAST_WEEK) > 0) continue;
      const product = catalog.products.get(productIds[row]!);
      if (!product || !accepts(product.attributes)) continue;
      out.push({
        rank: out.length + 1,
        product_id: product.id,
        score: scores[row]!,
        ...ranker,
        attributes: product.attributes,
        reason: candidateReason(model, row, lang),
      });
    }
  }
  if (out.length < query.k) {
    const customer = catalog.customers.get(query.customer_id)!;
    for (const popular of catalog.popularFor(customer)) {
      if (out.length >= query.k) break;
      // Candidates were ranked (or deliberately excluded) above.
      if (range && features.findRow(query.customer_id, popular.productId) >= 0) continue;
      const product = catalog.products.get(popular.productId);
      if (!product || !accepts(product.attributes)) continue;
      out.push({
        rank: out.length + 1,
        product_id: product.id,
        score: popular.share,
        source: 'popular',
        rule: null,
        attributes: product.attributes,
        reason: reasonText(
          { kind: 'popular', customerType: customer.customerType, share: popular.share },
          lang,
        ),
      });
    }
  }
  return {
    customer_id: query.customer_id,
    model_version: model.version,
    cold_start: range === undefined,
    recommendations: out,
  };
}
