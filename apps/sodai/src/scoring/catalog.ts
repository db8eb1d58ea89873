import type { DuckDBConnection } from '@duckdb/node-api';
import type { ProductAttributes } from '../contract/api.ts';
import { FEATURES } from '../contract/feature-vector.ts';
import { queryRows } from '../store/duckdb.ts';

/** A customer as serving needs it: the static model inputs and the shop type. */
export interface CatalogCustomer {
  readonly id: number;
  readonly customerType: string | null;
  /** Static model inputs (NaN when missing). */
  readonly x: number;
  readonly y: number;
  readonly deliveriesPerWeek: number;
}

/** A product with its attributes (frozen once, shared by every answer that lists it). */
export interface CatalogProduct {
  readonly id: number;
  readonly attributes: ProductAttributes;
}

/** A product popular within a customer type, with the share of those shops that bought it. */
export interface PopularProduct {
  readonly productId: number;
  readonly share: number;
}

/** Weeks counted back from the cut-off when ranking popular products for cold starts. */
export const POPULAR_WINDOW_WEEKS = 8;

/**
 * Customers, products and the popular products of each customer type, read once per snapshot.
 * Known ids are exactly the store's customers and products tables.
 *
 * @example
 * const catalog = await Catalog.load(store.connection, '2025-01-01');
 * catalog.products.get(1370)?.attributes.package; // 'BOTELLA'
 * catalog.popularFor(catalog.customers.get(172161)!)[0]; // { productId, share }
 */
export class Catalog {
  private constructor(
    readonly customers: ReadonlyMap<number, CatalogCustomer>,
    readonly products: ReadonlyMap<number, CatalogProduct>,
    /** Per customer type (null for unknown), products ranked by how many shops bought them. */
    readonly popularByType: ReadonlyMap<string | null, readonly PopularProduct[]>,
  ) {}

  /**
   * Reads the catalog; `cutoff` bounds the popularity window (purchases before it only), so
   * cold-start lists follow the same point-in-time rule as the features.
   */
  static async load(connection: DuckDBConnection, cutoff: string | null): Promise<Catalog> {
    const customers = new Map<number, CatalogCustomer>();
    for (const r of await queryRows(
      connection,
      `SELECT customer_id::DOUBLE AS id, customer_type, "X"::DOUBLE AS x, "Y"::DOUBLE AS y,
              num_deliver_per_week::DOUBLE AS d FROM customers`,
    )) {
      const id = Number(r.id);
      customers.set(
        id,
        Object.freeze({
          id,
          customerType: (r.customer_type as string | null) ?? null,
          x: r.x === null ? Number.NaN : Number(r.x),
          y: r.y === null ? Number.NaN : Number(r.y),
          deliveriesPerWeek: r.d === null ? Number.NaN : Number(r.d),
        }),
      );
    }
    const products = new Map<number, CatalogProduct>();
    for (const r of await queryRows(
      connection,
      `SELECT product_id::DOUBLE AS id, brand, category, sub_category, segment, package, size::DOUBLE AS size
       FROM products`,
    )) {
      const id = Number(r.id);
      const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
      products.set(
        id,
        Object.freeze({
          id,
          attributes: Object.freeze({
            brand: text(r.brand),
            category: text(r.category),
            sub_category: text(r.sub_category),
            segment: text(r.segment),
            package: text(r.package),
            size: r.size === null ? null : Number(r.size),
          }),
        }),
      );
    }
    const popularByType = new Map<string | null, PopularProduct[]>();
    const end = cutoff ? `DATE '${cutoff}'` : '(SELECT max(purchase_date) + 1 FROM transactions)';
    for (const r of await queryRows(
      connection,
      `WITH recent AS (
         SELECT t.customer_id, t.product_id FROM transactions t
         WHERE t.purchase_date < ${end} AND t.purchase_date >= ${end} - ${POPULAR_WINDOW_WEEKS * 7}
         GROUP BY ALL HAVING sum(t.items) > 0),
       shops AS (SELECT customer_type, count(*) AS n FROM customers GROUP BY ALL)
       SELECT c.customer_type, r.product_id::DOUBLE AS product_id,
              count(DISTINCT r.customer_id) / any_value(s.n) AS share
       FROM recent r JOIN customers c USING (customer_id)
       JOIN shops s ON s.customer_type IS NOT DISTINCT FROM c.customer_type
       GROUP BY ALL ORDER BY c.customer_type, share DESC, product_id`,
    )) {
      const type = (r.customer_type as string | null) ?? null;
      let list = popularByType.get(type);
      if (!list) popularByType.set(type, (list = []));
      list.push(Object.freeze({ productId: Number(r.product_id), share: Number(r.share) }));
    }
    return new Catalog(customers, products, popularByType);
  }

  /** Popular products for a customer's type; falls back to every type merged when it has none. */
  popularFor(customer: CatalogCustomer): readonly PopularProduct[] {
    return this.popularByType.get(customer.customerType) ?? this.#overall();
  }

  #overallCache: readonly PopularProduct[] | undefined;
  #overall(): readonly PopularProduct[] {
    if (this.#overallCache) return this.#overallCache;
    const best = new Map<number, number>();
    for (const list of this.popularByType.values()) {
      for (const p of list) best.set(p.productId, Math.max(best.get(p.productId) ?? 0, p.share));
    }
    this.#overallCache = [...best]
      .map(([productId, share]) => Object.freeze({ productId, share }))
      .sort((a, b) => b.share - a.share || a.productId - b.productId);
    return this.#overallCache;
  }
}

/**
 * Integer code of a categorical value in the feature contract (NaN when unknown), as the dataset
 * builder does.
 *
 * @example
 * categoryCode('package', 'LATA'); // 1
 */
export function categoryCode(feature: string, value: string | null): number {
  const spec = FEATURES.find((f) => f.name === feature);
  const index = value === null ? -1 : (spec?.categories?.indexOf(value) ?? -1);
  return index < 0 ? Number.NaN : index;
}
