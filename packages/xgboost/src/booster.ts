import { readFile, rename, writeFile } from 'node:fs/promises';
import { arrayInterface } from './array-interface.ts';
import { DensePredictor, type DensePredictorOptions } from './dense-predictor.ts';
import { dmatrixHandle, type DMatrix, type FeatureType } from './dmatrix.ts';
import { XGBoostError } from './errors.ts';
import {
  check,
  native,
  readBytes,
  readFloats,
  readShape,
  readString,
  readStrings,
  toCount,
  type Handle,
} from './native.ts';
import { encodeParams, type ParamValue, type XGBoostParams } from './params.ts';
import { predictConfig, resolveRange, type PredictOptions, type Prediction } from './prediction.ts';

/** Serialisation formats: XGBoost's JSON and Universal Binary JSON. */
export type ModelFormat = 'json' | 'ubj';

/** Feature importance definitions XGBoost computes. */
export type ImportanceType = 'weight' | 'gain' | 'cover' | 'total_gain' | 'total_cover';

/** One node of a tree dump (`dumpTrees`), as XGBoost's JSON dump spells it. */
export interface TreeNode {
  readonly nodeid: number;
  readonly depth?: number;
  readonly split?: string | number;
  readonly split_condition?: number;
  readonly yes?: number;
  readonly no?: number;
  readonly missing?: number;
  readonly leaf?: number;
  readonly gain?: number;
  readonly cover?: number;
  readonly children?: readonly TreeNode[];
}

/** A JSON document as XGBoost's configuration returns it. */
export type JsonObject = { readonly [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;

const registry = new FinalizationRegistry<Handle>((handle) => {
  native().XGBoosterFree(handle);
});

let handleOf: (booster: Booster) => Handle;
let restore: (snapshot: Uint8Array) => Booster;

function singleParam(name: string, value: ParamValue): [string, string][] {
  return encodeParams({ [name]: value } as XGBoostParams);
}

/**
 * A trained (or loaded) XGBoost model: prediction, SHAP, model I/O, configuration, importance.
 * Free it with `dispose()`; any use afterwards throws `DISPOSED` rather than touching freed memory.
 *
 * @example
 * ```ts
 * import { Booster, DMatrix } from '@sodai/xgboost';
 * const booster = await Booster.load('model.json');
 * const X = DMatrix.fromDense(new Float32Array([0.5, 1.5]), { ncol: 2 });
 * const { values } = booster.predict(X);
 * const shap = booster.predict(X, { output: 'contributions' }); // shape [1, 3]
 * booster.dispose();
 * X.dispose();
 * ```
 */
export class Booster {
  #handle: Handle | null;

  static {
    handleOf = (b) => b.#live();
    restore = (snapshot) => {
      const booster = Booster.create();
      try {
        check(native().XGBoosterUnserializeFromBuffer(booster.#live(), snapshot, snapshot.length), 'restore');
      } catch (err) {
        booster.dispose();
        throw err;
      }
      return booster;
    };
  }

  private constructor(handle: Handle) {
    this.#handle = handle;
    registry.register(this, handle, this);
  }

  /** An untrained booster with the given parameters, caching `cache` matrices for training. */
  static create(params: XGBoostParams = {}, cache: readonly DMatrix[] = []): Booster {
    const handles = cache.map(dmatrixHandle);
    const out: [bigint | null] = [null];
    check(native().XGBoosterCreate(handles.length > 0 ? handles : null, handles.length, out), 'Booster');
    if (out[0] === null) throw new XGBoostError('NATIVE', 'XGBoosterCreate returned no handle');
    const booster = new Booster(out[0]);
    try {
      booster.setParams(params);
    } catch (err) {
      booster.dispose();
      throw err;
    }
    return booster;
  }

  /** Loads a model saved as JSON or UBJ (by this package, Python or any XGBoost binding). */
  static fromBuffer(buffer: Uint8Array): Booster {
    const booster = Booster.create();
    try {
      check(native().XGBoosterLoadModelFromBuffer(booster.#live(), buffer, buffer.length), 'load model');
    } catch (err) {
      booster.dispose();
      throw err;
    }
    return booster;
  }

  /** Loads a model file (JSON or UBJ; the format is detected from the content). */
  static async load(path: string): Promise<Booster> {
    return Booster.fromBuffer(await readFile(path));
  }

  /** Whether `dispose()` was called. */
  get disposed(): boolean {
    return this.#handle === null;
  }

  /** Sets parameters (validated like `train`'s); `passThrough` entries are sent unchecked. */
  setParams(params: XGBoostParams, passThrough: Readonly<Record<string, ParamValue>> = {}): void {
    const handle = this.#live();
    for (const [name, value] of encodeParams(params, passThrough)) {
      check(native().XGBoosterSetParam(handle, name, value), `parameter ${name}`);
    }
  }

  /** Sets one parameter by name (validated; see {@link XGBoostParams}). */
  setParam(name: string, value: ParamValue): void {
    const handle = this.#live();
    for (const [n, v] of singleParam(name, value))
      check(native().XGBoosterSetParam(handle, n, v), `parameter ${n}`);
  }

  /** Number of features the model expects (0 before training). */
  get numFeatures(): number {
    const out: [number | bigint] = [0];
    check(native().XGBoosterGetNumFeature(this.#live(), out));
    return toCount(out[0]);
  }

  /** Number of boosting rounds in the model. */
  get numBoostedRounds(): number {
    const out: [number] = [0];
    check(native().XGBoosterBoostedRounds(this.#live(), out));
    return out[0];
  }

  /** The best iteration recorded by early stopping (the `best_iteration` attribute), if any. */
  get bestIteration(): number | undefined {
    const v = this.getAttr('best_iteration');
    return v === undefined ? undefined : Number(v);
  }

  /** The best validation score recorded by early stopping, if any. */
  get bestScore(): number | undefined {
    const v = this.getAttr('best_score');
    return v === undefined ? undefined : Number(v);
  }

  /** A string attribute stored in the model, or `undefined`. */
  getAttr(key: string): string | undefined {
    const out: [string | null] = [null];
    const success: [number] = [0];
    check(native().XGBoosterGetAttr(this.#live(), key, out, success));
    return success[0] !== 0 && out[0] !== null ? out[0] : undefined;
  }

  /** Stores a string attribute in the model (saved with it); `null` deletes it. */
  setAttr(key: string, value: string | null): void {
    check(native().XGBoosterSetAttr(this.#live(), key, value));
  }

  /** All attributes stored in the model. */
  attributes(): Readonly<Record<string, string>> {
    const len: [number | bigint] = [0];
    const out: [bigint | null] = [null];
    check(native().XGBoosterGetAttrNames(this.#live(), len, out));
    const names = readStrings(out[0], toCount(len[0]));
    const result: Record<string, string> = {};
    for (const name of names) result[name] = this.getAttr(name) ?? '';
    return Object.freeze(result);
  }

  /** Feature names stored in the model (empty when unnamed). */
  get featureNames(): readonly string[] {
    return this.#getStrInfo('feature_name');
  }

  /** Feature types stored in the model (empty when unset). */
  get featureTypes(): readonly FeatureType[] {
    return this.#getStrInfo('feature_type') as readonly FeatureType[];
  }

  /** Names the model's features (saved with the model, checked at prediction). */
  setFeatureNames(names: readonly string[]): void {
    this.#setStrInfo('feature_name', names);
  }

  /** Sets the model's feature types. */
  setFeatureTypes(types: readonly FeatureType[]): void {
    this.#setStrInfo('feature_type', types);
  }

  /**
   * Predicts for a DMatrix. Throws `FEATURE_MISMATCH` when its feature count or names differ from
   * the model's.
   */
  predict(data: DMatrix, options: PredictOptions = {}): Prediction {
    const handle = this.#live();
    this.#checkFeatures(data.numCol, data.featureNames);
    if (options.nthread !== undefined) this.setParam('nthread', options.nthread);
    const config = predictConfig(options, resolveRange(options.iterationRange, this.bestIteration));
    const shape: [bigint | null] = [null];
    const dim: [number | bigint] = [0];
    const result: [bigint | null] = [null];
    check(
      native().XGBoosterPredictFromDMatrix(handle, dmatrixHandle(data), config, shape, dim, result),
      'predict',
    );
    return toPrediction(shape[0], toCount(dim[0]), result[0]);
  }

  /**
   * Predicts straight from a dense row-major array without building a DMatrix (XGBoost's in-place
   * prediction). For serving many small requests, {@link Booster.predictor} avoids even more work.
   */
  predictDense(
    data: Float32Array,
    ncol: number,
    options: PredictOptions & { readonly missing?: number } = {},
  ): Prediction {
    const handle = this.#live();
    if (!Number.isInteger(ncol) || ncol <= 0 || data.length % ncol !== 0) {
      throw new XGBoostError(
        'INVALID_ARGUMENT',
        `data length ${data.length} is not a multiple of ncol ${ncol}`,
      );
    }
    this.#checkFeatures(ncol);
    if (options.nthread !== undefined) this.setParam('nthread', options.nthread);
    const config = predictConfig(
      options,
      resolveRange(options.iterationRange, this.bestIteration),
      options.missing ?? Number.NaN,
    );
    const shape: [bigint | null] = [null];
    const dim: [number | bigint] = [0];
    const result: [bigint | null] = [null];
    const values = arrayInterface(data, [data.length / ncol, ncol]);
    check(native().XGBoosterPredictFromDense(handle, values, config, null, shape, dim, result), 'predict');
    void data.length;
    return toPrediction(shape[0], toCount(dim[0]), result[0]);
  }

  /**
   * A reusable low-latency predictor for one row or a small batch: preallocated native input, a
   * prebuilt configuration, no per-call DMatrix, one thread by default (`nthread` to change). It
   * predicts with a snapshot of this booster taken now, and stops working when this booster is
   * disposed.
   *
   * @example
   * ```ts
   * const predictor = booster.predictor({ maxRows: 1 });
   * const p = predictor.predictOne(new Float32Array([0.1, 0.2, 0.3]));
   * predictor.dispose();
   * ```
   */
  predictor(options: DensePredictorOptions = {}): DensePredictor {
    const ncol = this.numFeatures;
    if (ncol === 0) {
      throw new XGBoostError('INVALID_ARGUMENT', 'the booster has no features (is it trained?)');
    }
    const range = resolveRange(options.iterationRange, this.bestIteration);
    // A private copy: XGBoost holds the thread count per booster, and one row predicts fastest on
    // one thread (waking a thread pool costs more than the trees), without changing this booster.
    const serving = this.copy();
    try {
      serving.setParam('nthread', options.nthread ?? 1);
      return new DensePredictor(
        () => {
          this.#live();
          return serving.#live();
        },
        () => serving.dispose(),
        ncol,
        options,
        range,
      );
    } catch (err) {
      serving.dispose();
      throw err;
    }
  }

  /** Trains one more round on `dtrain` (for hand-written loops; {@link train} does this off-thread). */
  update(dtrain: DMatrix, iteration: number): void {
    check(native().XGBoosterUpdateOneIter(this.#live(), iteration, dmatrixHandle(dtrain)), 'update');
  }

  /** Evaluates the configured metrics; returns XGBoost's line, e.g. `[3]\ttrain-logloss:0.41`. */
  evalSet(evals: readonly (readonly [DMatrix, string])[], iteration: number): string {
    const out: [string | null] = [null];
    check(
      native().XGBoosterEvalOneIter(
        this.#live(),
        iteration,
        evals.map(([m]) => dmatrixHandle(m)),
        evals.map(([, n]) => n),
        evals.length,
        out,
      ),
      'eval',
    );
    return out[0] ?? '';
  }

  /** The model as JSON or UBJ bytes (the formats Python's `save_raw` writes). */
  toBuffer(format: ModelFormat = 'ubj'): Buffer {
    const len: [number | bigint] = [0];
    const out: [bigint | null] = [null];
    check(
      native().XGBoosterSaveModelToBuffer(this.#live(), `{"format":"${format}"}`, len, out),
      'save model',
    );
    return readBytes(out[0], toCount(len[0]));
  }

  /**
   * Saves the model; the format follows the extension (`.json` → JSON, otherwise UBJ) unless given.
   * The file is replaced atomically.
   */
  async save(path: string, format: ModelFormat = path.endsWith('.json') ? 'json' : 'ubj'): Promise<void> {
    const bytes = this.toBuffer(format);
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  }

  /** XGBoost's full internal configuration (`XGBoosterSaveJsonConfig`). */
  getConfig(): JsonObject {
    const len: [number | bigint] = [0];
    const out: [bigint | null] = [null];
    check(native().XGBoosterSaveJsonConfig(this.#live(), len, out), 'config');
    return JSON.parse(readString(out[0], toCount(len[0]))) as JsonObject;
  }

  /** Loads a configuration document as returned by {@link Booster.getConfig}. */
  setConfig(config: JsonObject): void {
    check(native().XGBoosterLoadJsonConfig(this.#live(), JSON.stringify(config)), 'config');
  }

  /**
   * Feature importance by name (`f0`, `f1`… when unnamed). Features never used in a split are
   * absent, as in Python's `get_score`. Multi-output linear scores are summed over outputs.
   */
  featureImportance(type: ImportanceType = 'weight'): Readonly<Record<string, number>> {
    const handle = this.#live();
    const names = this.featureNames;
    const config = JSON.stringify({
      importance_type: type,
      feature_map: '',
      ...(names.length > 0 ? { feature_names: names } : {}),
    });
    const n: [number | bigint] = [0];
    const features: [bigint | null] = [null];
    const dim: [number | bigint] = [0];
    const shape: [bigint | null] = [null];
    const scores: [bigint | null] = [null];
    check(native().XGBoosterFeatureScore(handle, config, n, features, dim, shape, scores), 'importance');
    const count = toCount(n[0]);
    const featureNames = readStrings(features[0], count);
    const dims = readShape(shape[0], toCount(dim[0]));
    const total = dims.reduce((a, b) => a * b, 1);
    const values = readFloats(scores[0], total);
    const perFeature = count === 0 ? 0 : total / count;
    const result: Record<string, number> = {};
    featureNames.forEach((name, i) => {
      let sum = 0;
      for (let k = 0; k < perFeature; k++) sum += values[i * perFeature + k] ?? 0;
      result[name] = sum;
    });
    return Object.freeze(result);
  }

  /** Every tree as parsed JSON (XGBoost's JSON dump), with gain and cover when `withStats`. */
  dumpTrees(options: { readonly withStats?: boolean } = {}): readonly TreeNode[] {
    const handle = this.#live();
    const names = this.featureNames;
    const types = this.featureTypes;
    const len: [number | bigint] = [0];
    const out: [bigint | null] = [null];
    const withStats = options.withStats === true ? 1 : 0;
    if (names.length > 0) {
      const typeList = types.length === names.length ? [...types] : names.map(() => 'q');
      check(
        native().XGBoosterDumpModelExWithFeatures(
          handle,
          names.length,
          [...names],
          typeList,
          withStats,
          'json',
          len,
          out,
        ),
        'dump',
      );
    } else {
      check(native().XGBoosterDumpModelEx(handle, '', withStats, 'json', len, out), 'dump');
    }
    return Object.freeze(readStrings(out[0], toCount(len[0])).map((s) => JSON.parse(s) as TreeNode));
  }

  /** A new booster holding rounds `[begin, end)` (step `step`). */
  slice(begin: number, end: number, step = 1): Booster {
    const out: [bigint | null] = [null];
    check(native().XGBoosterSlice(this.#live(), begin, end, step, out), 'slice');
    if (out[0] === null) throw new XGBoostError('NATIVE', 'XGBoosterSlice returned no handle');
    return new Booster(out[0]);
  }

  /** An independent copy (model and configuration). */
  copy(): Booster {
    const len: [number | bigint] = [0];
    const out: [bigint | null] = [null];
    check(native().XGBoosterSerializeToBuffer(this.#live(), len, out), 'copy');
    return restore(readBytes(out[0], toCount(len[0])));
  }

  /** Frees the native model. Idempotent; later use throws `DISPOSED`. */
  dispose(): void {
    const handle = this.#handle;
    if (handle === null) return;
    this.#handle = null;
    registry.unregister(this);
    native().XGBoosterFree(handle);
  }

  #live(): Handle {
    if (this.#handle === null) throw new XGBoostError('DISPOSED', 'this Booster was disposed');
    return this.#handle;
  }

  #checkFeatures(ncol: number, names: readonly string[] = []): void {
    const expected = this.numFeatures;
    if (expected > 0 && ncol !== expected) {
      throw new XGBoostError(
        'FEATURE_MISMATCH',
        `the model expects ${expected} features but the data has ${ncol}`,
      );
    }
    const own = this.featureNames;
    if (own.length > 0 && names.length > 0 && own.some((n, i) => n !== names[i])) {
      const i = own.findIndex((n, j) => n !== names[j]);
      throw new XGBoostError(
        'FEATURE_MISMATCH',
        `feature names differ from the model's at column ${i}: expected "${own[i]}", got "${names[i]}"`,
      );
    }
  }

  #setStrInfo(field: 'feature_name' | 'feature_type', values: readonly string[]): void {
    check(native().XGBoosterSetStrFeatureInfo(this.#live(), field, [...values], values.length), field);
  }

  #getStrInfo(field: 'feature_name' | 'feature_type'): readonly string[] {
    const size: [number | bigint] = [0];
    const out: [bigint | null] = [null];
    check(native().XGBoosterGetStrFeatureInfo(this.#live(), field, size, out), field);
    return Object.freeze(readStrings(out[0], toCount(size[0])));
  }
}

function toPrediction(shapePtr: bigint | null, dim: number, result: bigint | null): Prediction {
  const shape = readShape(shapePtr, dim);
  const total = shape.reduce((a, b) => a * b, 1);
  return Object.freeze({ values: readFloats(result, total), shape: Object.freeze(shape) });
}

/** @internal The live native handle; throws `DISPOSED`. */
export function boosterHandle(booster: Booster): Handle {
  return handleOf(booster);
}

/** @internal A booster rebuilt from an `XGBoosterSerializeToBuffer` snapshot (model + configuration). */
export function restoreBooster(snapshot: Uint8Array): Booster {
  return restore(snapshot);
}
