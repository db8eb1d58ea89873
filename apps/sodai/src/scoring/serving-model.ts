import { weekThreshold } from '../model/decision-rule.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TrackingClient } from '@sodai/tracking';
import type { Booster, DensePredictor } from '@sodai/xgboost';
import type { Lang, Pair, Prediction } from '../contract/api.ts';
import { FEATURES } from '../contract/feature-vector.ts';
import { queryNumber } from '../store/duckdb.ts';
import { readDatasetMatrix, type DatasetMatrix } from '../features/dataset-matrix.ts';
import { loadAliasedModel, CHAMPION } from '../model/registry.ts';
import type { ModelSettings } from '../config/config-schema.ts';
import { planForLatestData } from '../features/cutoff-plan.ts';
import { scoreMatrixYielding } from '../features/xgb-matrix.ts';
import { buildPredictionDataset, PREDICTION_TABLE } from '../features/prediction-dataset.ts';
import { Catalog } from './catalog.ts';
import type { DbLane } from '../store/db-lane.ts';
import {
  CHUNK_ROWS,
  describeContributions,
  precomputeTopContributions,
  topContributionsOf,
  type ShapMethod,
  type TopContributions,
} from './explanations.ts';
import { SodaiError } from '../errors.ts';
import { FeatureStore } from './feature-store.ts';
import {
  emptyTopContributions,
  modelEngine,
  ruleEngine,
  type ScoringEngine,
  type ServedBy,
} from './scoring-engine.ts';
import type { RulePredictions } from './stored-rule.ts';

/**
 * An immutable snapshot of everything an answer needs: the champion (booster for SHAP, a dense
 * predictor for rows scored on the fly), its decision rule, the feature rows of every candidate
 * pair with their precomputed scores, per-customer rankings and top SHAP contributions, and the
 * catalog. A request reads one snapshot from start to end, so a swap never mixes two models.
 *
 * Native memory is freed by {@link ServingModel.retire} once no request holds the snapshot
 * ({@link ServingModel.acquire} / {@link ServingModel.release}).
 *
 * @example
 * const model = await loadServingModel(new DbLane(store.connection), tracking, config.model);
 * if ('predict' in model) {
 *   model.predict(172161, 1370, 'en').probability;
 *   model.retire();
 * }
 */
export class ServingModel {
  /** Per customer range of the feature store, the row indices sorted by score (descending). */
  readonly ranked: Int32Array;
  #refs = 0;
  #retired = false;
  #disposed = false;

  constructor(
    readonly version: number,
    readonly threshold: number,
    /** When the version was registered (the model's age counts from here). */
    readonly registeredAt: Date,
    readonly loadedAt: Date,
    /** The champion's booster, or while no model has passed the gate, the best rule. */
    readonly engine: ScoringEngine,
    readonly features: FeatureStore,
    readonly scores: Float32Array,
    readonly top: TopContributions,
  ) {
    this.ranked = new Int32Array(features.rows);
    for (let r = 0; r < features.rows; r++) this.ranked[r] = r;
    const { customerIds } = features.matrix;
    let start = 0;
    for (let r = 1; r <= features.rows; r++) {
      if (r === features.rows || customerIds[r] !== customerIds[start]) {
        // Ties keep product order (rows are sorted by product within a customer).
        this.ranked.subarray(start, r).sort((a, b) => scores[b]! - scores[a]! || a - b);
        start = r;
      }
    }
  }

  get catalog(): Catalog {
    return this.features.catalog;
  }

  /** What answers: the model version, or the rule and why it stands in. */
  get servedBy(): ServedBy {
    return this.engine.servedBy;
  }

  /**
   * How many products the model expects the customer to buy next week (the sum of its candidates'
   * probabilities, which holds however the purchases go together) and how many clear the threshold;
   * undefined while a rule serves (its scores are no probabilities) or for a customer with no
   * candidates.
   */
  expectedPurchases(
    customerId: number,
  ): { readonly expected: number; readonly aboveThreshold: number } | undefined {
    if (this.engine.kind !== 'model') return undefined;
    const range = this.features.customerRows(customerId);
    if (!range) return undefined;
    let expected = 0;
    let aboveThreshold = 0;
    for (let r = range.start; r < range.end; r++) {
      expected += this.scores[r]!;
      if (this.scores[r]! >= this.threshold) aboveThreshold++;
    }
    return { expected, aboveThreshold };
  }

  /** Which stored rule predictions serve (undefined while a model serves). */
  get ruleKey(): string | undefined {
    return this.engine.kind === 'rule' ? this.engine.key : undefined;
  }

  /** The champion's booster; undefined while a rule serves. */
  get booster(): Booster | undefined {
    return this.engine.kind === 'model' ? this.engine.booster : undefined;
  }

  /** Marks the snapshot in use by one more request. */
  acquire(): this {
    this.#refs++;
    return this;
  }

  release(): void {
    this.#refs--;
    if (this.#retired && this.#refs === 0) this.#dispose();
  }

  /** Called once a newer snapshot took over: frees native memory as soon as no request uses it. */
  retire(): void {
    this.#retired = true;
    if (this.#refs === 0) this.#dispose();
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /** Throws the 404 errors of an unknown customer or product. */
  checkIds(customerId: number, productId?: number): void {
    if (!this.catalog.customers.has(customerId)) {
      throw new SodaiError('UNKNOWN_CUSTOMER', `unknown customer_id ${customerId}`);
    }
    if (productId !== undefined && !this.catalog.products.has(productId)) {
      throw new SodaiError('UNKNOWN_PRODUCT', `unknown product_id ${productId}`);
    }
  }

  /**
   * The prediction for one pair. Candidates answer from precomputed scores and explanations;
   * other known pairs are scored on the fly from a row built like the dataset builder's.
   */
  predict(customerId: number, productId: number, lang: Lang, method: ShapMethod = 'approx'): Prediction {
    return this.predictMany([{ customer_id: customerId, product_id: productId }], lang, method)[0]!;
  }

  /**
   * {@link ServingModel.predict} for several pairs, in their order. The pairs scored on the fly are
   * explained together in one native call (one per pair would cost a native matrix each).
   * Throws the 404 error of the first unknown id.
   */
  predictMany(pairs: readonly Pair[], lang: Lang, method: ShapMethod = 'approx'): Prediction[] {
    const F = FEATURES.length;
    const out = new Array<Prediction>(pairs.length);
    const onTheFly: { readonly index: number; readonly row: number }[] = [];
    pairs.forEach((pair, index) => {
      this.checkIds(pair.customer_id, pair.product_id);
      const row = this.features.findRow(pair.customer_id, pair.product_id);
      if (row >= 0 && method === 'approx') out[index] = this.#candidate(row, lang);
      else onTheFly.push({ index, row });
    });
    if (onTheFly.length === 0) return out;
    const values = new Float32Array(onTheFly.length * F);
    const engine = this.engine;
    const probabilities = onTheFly.map(({ index, row }, k) => {
      const x = values.subarray(k * F, (k + 1) * F);
      if (row >= 0) {
        this.features.copyRow(row, x);
        return this.scores[row]!;
      }
      this.features.fillRow(pairs[index]!.customer_id, pairs[index]!.product_id, x);
      return engine.scoreOne(x);
    });
    const top =
      engine.kind === 'model'
        ? topContributionsOf(engine.booster, values, method, onTheFly.length)
        : emptyTopContributions(onTheFly.length);
    onTheFly.forEach(({ index, row }, k) => {
      const probability = probabilities[k]!;
      out[index] = {
        customer_id: pairs[index]!.customer_id,
        product_id: pairs[index]!.product_id,
        probability,
        will_buy: probability >= this.threshold,
        threshold: this.threshold,
        model_version: this.version,
        candidate: row >= 0,
        contributions_method: method,
        contributions: describeContributions(top, k, (j) => values[k * F + j]!, lang),
      };
    });
    return out;
  }

  /**
   * The serialized answer for a candidate pair (approximate contributions). Every field is fixed
   * for the snapshot's life, so it is built once per pair and language on first request, and the
   * hot path only looks it up. Returns undefined for a pair that is not a candidate.
   */
  candidateJson(customerId: number, productId: number, lang: Lang): string | undefined {
    const row = this.features.findRow(customerId, productId);
    if (row < 0) return undefined;
    const cache = this.#json[lang];
    return (cache[row] ??= JSON.stringify(this.#candidate(row, lang)));
  }

  readonly #json: Record<Lang, (string | undefined)[]> = { es: [], en: [] };

  #candidate(row: number, lang: Lang): Prediction {
    const probability = this.scores[row]!;
    return {
      customer_id: this.features.matrix.customerIds[row]!,
      product_id: this.features.matrix.productIds[row]!,
      probability,
      will_buy: probability >= this.threshold,
      threshold: this.threshold,
      model_version: this.version,
      candidate: true,
      contributions_method: 'approx',
      contributions: describeContributions(this.top, row, (j) => this.features.value(row, j), lang),
    };
  }

  #dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.engine.dispose();
  }
}

/** Why no snapshot could be built (for /ready). */
export type NotServable = { readonly reason: string };

/**
 * Builds a snapshot from the champion in the registry and the store's latest feature rows: the
 * `prediction_dataset` table that `sodai predict` writes, or, when it is missing, the same dataset
 * built now. While no model has passed the gate, the best rule's stored predictions of the latest
 * week serve instead (when `storedRule` finds them), so a first install answers from day one.
 * Returns a reason instead when neither can serve, or the champion cannot score today's features.
 *
 * @example
 * const loaded = await loadServingModel(lane, tracking, config.model);
 * if (!('predict' in loaded)) console.log(loaded.reason);
 */
export async function loadServingModel(
  lane: DbLane,
  tracking: TrackingClient,
  settings: ModelSettings,
  now: () => Date = () => new Date(),
  /** Re-reads the store's snapshots on the lane's connection before the features are read. */
  refresh?: () => Promise<void>,
  /** The rule that predicted a cut-off while no model had passed the gate (see `readStoredRule`). */
  storedRule?: () => Promise<RulePredictions | undefined>,
): Promise<ServingModel | NotServable> {
  const loaded = await loadAliasedModel(tracking, CHAMPION);
  if (!loaded) {
    const rule = storedRule ? await loadRuleSnapshot(lane, settings, now, refresh, storedRule) : undefined;
    return (
      rule ?? {
        reason: 'no champion model in the registry yet, and no rule predictions: run `sodai run weekly`',
      }
    );
  }
  if (!loaded.compatible) {
    loaded.booster.dispose();
    return { reason: `champion v${loaded.version.version} was trained on another feature contract` };
  }
  let predictor: DensePredictor | undefined;
  try {
    const version = loaded.version.version;
    const { matrix, catalog, stored } = await readSnapshotRows(lane, settings, version, refresh);
    const features = new FeatureStore(matrix, catalog);
    // The weekly run's predict task scored these rows with this version: read, never recompute.
    const scores = stored ?? (await scoreMatrixYielding(loaded.booster, matrix, CHUNK_ROWS * 2));
    const top = await precomputeTopContributions(loaded.booster, matrix.features, matrix.rows);
    predictor = loaded.booster.predictor({ iterationRange: 'best' });
    return new ServingModel(
      version,
      // The cut the week's rule gives over this cut-off's scores: what predict applied to them.
      weekThreshold(loaded.rule, scores),
      new Date(loaded.version.createdAt),
      now(),
      modelEngine(version, loaded.booster, predictor),
      features,
      scores,
      top,
    );
  } catch (error) {
    predictor?.dispose();
    loaded.booster.dispose();
    throw error;
  }
}

async function readSnapshotRows(
  lane: DbLane,
  settings: ModelSettings,
  version: number,
  refresh?: () => Promise<void>,
) {
  return lane.run(async (c) => {
    await refresh?.();
    const m = await readPredictionMatrix(c, settings);
    return {
      matrix: m,
      catalog: await Catalog.load(c, m.cutoffs.at(-1) ?? null),
      stored: await readStoredScores(c, m, version),
    };
  });
}

/**
 * The snapshot of the rule that predicted the latest week (version 0): its stored scores turned into
 * the share of such pairs bought on its validation weeks, and the rule's own cut. Undefined when the
 * latest week has no rule predictions.
 */
async function loadRuleSnapshot(
  lane: DbLane,
  settings: ModelSettings,
  now: () => Date,
  refresh: (() => Promise<void>) | undefined,
  storedRule: () => Promise<RulePredictions | undefined>,
): Promise<ServingModel | undefined> {
  // Looked up first: it is one catalog query, while the rows are the whole week.
  const latest = await storedRule();
  if (!latest) return undefined;
  const { matrix, catalog, stored } = await readSnapshotRows(lane, settings, 0, refresh);
  if (!stored || matrix.cutoffs.at(-1) !== latest.cutoff) return undefined;
  const { rule } = latest;
  const engine = ruleEngine(rule, 'no_champion', latest.key);
  const scores = stored.map((score) => engine.probabilityOf(score));
  return new ServingModel(
    0,
    engine.probabilityOf(rule.threshold),
    now(),
    now(),
    engine,
    new FeatureStore(matrix, catalog),
    scores,
    emptyTopContributions(matrix.rows),
  );
}

/**
 * The scores `predict` stored for these rows and this version, in the matrix's row order; undefined
 * when that version has not predicted this cut-off (a champion promoted by hand, an older store).
 */
async function readStoredScores(
  c: DuckDBConnection,
  matrix: DatasetMatrix,
  version: number,
): Promise<Float32Array | undefined> {
  const cutoff = matrix.cutoffs.at(-1);
  if (!cutoff || matrix.rows === 0) return undefined;
  const reader = await c.runAndReadAll(
    `SELECT customer_id::DOUBLE, product_id::DOUBLE, score FROM predictions
     WHERE cutoff = DATE '${cutoff}' AND model_version = ${version} ORDER BY customer_id, product_id`,
  );
  const rows = reader.getRows();
  if (rows.length !== matrix.rows) return undefined;
  const scores = new Float32Array(matrix.rows);
  for (let i = 0; i < rows.length; i++) {
    const [customer, product, score] = rows[i]!;
    if (Number(customer) !== matrix.customerIds[i] || Number(product) !== matrix.productIds[i])
      return undefined;
    scores[i] = Number(score);
  }
  return scores;
}

async function readPredictionMatrix(c: DuckDBConnection, settings: ModelSettings): Promise<DatasetMatrix> {
  const exists = await queryNumber(
    c,
    `SELECT count(*) FROM information_schema.tables WHERE table_name = '${PREDICTION_TABLE}'`,
  );
  if (!exists) {
    const transactions = await queryNumber(c, 'SELECT count(*) FROM transactions');
    if (transactions > 0) {
      const { predictCutoff } = await planForLatestData(c, settings);
      await buildPredictionDataset(c, settings, predictCutoff);
    }
  }
  const hasTable = exists || (await queryNumber(c, 'SELECT count(*) FROM transactions')) > 0;
  if (!hasTable) return emptyMatrix();
  return readDatasetMatrix(c, PREDICTION_TABLE, `cutoff = (SELECT max(cutoff) FROM ${PREDICTION_TABLE})`);
}

function emptyMatrix(): DatasetMatrix {
  return {
    rows: 0,
    featureNames: FEATURES.map((f) => f.name),
    features: new Float32Array(0),
    labels: new Float32Array(0),
    customerIds: new Float64Array(0),
    productIds: new Float64Array(0),
    cutoffIndex: new Int32Array(0),
    cutoffs: [],
    fromHistory: new Uint8Array(0),
  };
}
