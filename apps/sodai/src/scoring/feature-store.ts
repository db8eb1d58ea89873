import { FEATURES, type FeatureGroup } from '../contract/feature-vector.ts';
import type { DatasetMatrix } from '../features/dataset-matrix.ts';
import { categoryCode, type Catalog } from './catalog.ts';

/** Index of each feature in a row, by name. */
export const FEATURE_INDEX: ReadonlyMap<string, number> = new Map(FEATURES.map((f, i) => [f.name, i]));

const idx = (name: string): number => {
  const i = FEATURE_INDEX.get(name);
  if (i === undefined) throw new Error(`feature ${name} is not in the contract`);
  return i;
};

/** Pair timings the dataset builder leaves missing for a never-bought pair (counts are 0). */
const MISSING_WHEN_NEVER_BOUGHT = new Set(
  FEATURES.filter((f) => f.missingWhenNeverBought).map((f) => f.name),
);

/** A customer's rows: `[start, end)` in the store, sorted by product id. */
export interface RowRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The latest feature rows of every candidate pair, columnar: one row-major Float32Array, and per
 * customer a contiguous row range sorted by product (rows come ordered by customer, product), so a
 * pair lookup is a map hit plus a binary search over a few dozen ids — no per-pair keys.
 *
 * Pairs outside the candidates (known customer and product, no recent history) get a row built on
 * the fly by {@link FeatureStore.fillRow} exactly as the dataset builder would write it: pair
 * counts 0 and pair timings missing, the customer's and product's aggregates copied from any of
 * their candidate rows (0 when they have none, as the builder's outer joins give), static
 * attributes from the catalog. That is exact for a pair not bought in the year before the cut-off
 * (the only non-candidates under the default 52-week lookback); with a shorter `lookbackWeeks`, a
 * pair bought between the lookback and 52 weeks ago is scored as never bought.
 *
 * @example
 * const matrix = await readDatasetMatrix(store.connection, 'prediction_dataset');
 * const features = new FeatureStore(matrix, await Catalog.load(store.connection, matrix.cutoffs[0]!));
 * const row = features.findRow(172161, 1370); // -1 when not a candidate
 * const x = new Float32Array(features.ncol);
 * if (row < 0) features.fillRow(172161, 1370, x);
 */
export class FeatureStore {
  readonly ncol = FEATURES.length;
  readonly #customerRows = new Map<number, RowRange>();
  readonly #productRow = new Map<number, number>();
  readonly #brandShare = new Map<string, number>();

  constructor(
    readonly matrix: DatasetMatrix,
    readonly catalog: Catalog,
  ) {
    const { rows, customerIds, productIds } = matrix;
    let start = 0;
    for (let r = 1; r <= rows; r++) {
      if (r === rows || customerIds[r] !== customerIds[start]) {
        this.#customerRows.set(customerIds[start]!, Object.freeze({ start, end: r }));
        start = r;
      }
    }
    const brandShare = idx('brand_share');
    for (let r = 0; r < rows; r++) {
      const product = productIds[r]!;
      if (this.#productRow.has(product)) continue;
      this.#productRow.set(product, r);
      const brand = catalog.products.get(product)?.attributes.brand;
      if (brand != null) this.#brandShare.set(brand, matrix.features[r * this.ncol + brandShare]!);
    }
  }

  get rows(): number {
    return this.matrix.rows;
  }

  /** The cut-off the rows describe (the first day of the predicted week), if any rows. */
  get cutoff(): string | null {
    return this.matrix.cutoffs.at(-1) ?? null;
  }

  /** The customer's candidate rows, or undefined when the customer has none. */
  customerRows(customerId: number): RowRange | undefined {
    return this.#customerRows.get(customerId);
  }

  /** The row of a candidate pair, or -1. */
  findRow(customerId: number, productId: number): number {
    const range = this.#customerRows.get(customerId);
    if (!range) return -1;
    const ids = this.matrix.productIds;
    let lo = range.start;
    let hi = range.end - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[mid]!;
      if (v === productId) return mid;
      if (v < productId) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Feature `j` of row `r`. */
  value(row: number, j: number): number {
    return this.matrix.features[row * this.ncol + j]!;
  }

  /** Copies a candidate row into `out` (length ≥ ncol). */
  copyRow(row: number, out: Float32Array): void {
    const F = this.ncol;
    out.set(this.matrix.features.subarray(row * F, row * F + F));
  }

  /**
   * Writes the feature row of a pair that is not a candidate into `out`. Both ids must be in the
   * catalog.
   */
  fillRow(customerId: number, productId: number, out: Float32Array): void {
    const customer = this.catalog.customers.get(customerId);
    const product = this.catalog.products.get(productId);
    if (!customer || !product) throw new Error(`unknown pair ${customerId}/${productId}`);
    const customerRow = this.#customerRows.get(customerId)?.start ?? -1;
    const productRow = this.#productRow.get(productId) ?? -1;
    const fromGroup = (group: FeatureGroup, j: number): number => {
      // Market features are the same on every row of the cut-off.
      const row = group === 'customer' ? customerRow : group === 'market' ? 0 : productRow;
      return row < 0 ? 0 : this.value(row, j);
    };
    const a = product.attributes;
    for (let j = 0; j < FEATURES.length; j++) {
      const f = FEATURES[j]!;
      let v: number;
      switch (f.name) {
        case 'customer_type':
          v = categoryCode(f.name, customer.customerType);
          break;
        case 'num_deliver_per_week':
          v = customer.deliveriesPerWeek;
          break;
        case 'x':
          v = customer.x;
          break;
        case 'y':
          v = customer.y;
          break;
        case 'category':
        case 'sub_category':
        case 'segment':
        case 'package':
          v = categoryCode(f.name, a[f.name]);
          break;
        case 'size':
          v = a.size ?? Number.NaN;
          break;
        case 'brand_share':
          v = a.brand === null ? 0 : (this.#brandShare.get(a.brand) ?? 0);
          break;
        default:
          if (f.group === 'pair') v = MISSING_WHEN_NEVER_BOUGHT.has(f.name) ? Number.NaN : 0;
          else v = fromGroup(f.group, j);
      }
      out[j] = v;
    }
  }
}
