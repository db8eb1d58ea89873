import { arrayInterface } from './array-interface.ts';
import { XGBoostError } from './errors.ts';
import { check, native, readFloats, readStrings, toCount, type Handle } from './native.ts';

/**
 * How XGBoost treats a feature: `q`/`float` numeric, `int` integer, `c` categorical (values are
 * non-negative integer category codes; needs `enableCategorical` and a `hist` or `approx` tree method).
 */
export type FeatureType = 'q' | 'float' | 'int' | 'i' | 'c';

/** Per-row information XGBoost stores next to the features. */
export type InfoField = 'label' | 'weight' | 'base_margin';

/** Options of {@link DMatrix.fromDense}. */
export interface DMatrixOptions {
  /** Number of features per row (the row-major stride of `data`). */
  readonly ncol: number;
  /** Number of rows; defaults to `data.length / ncol`. */
  readonly nrow?: number;
  readonly label?: ArrayLike<number>;
  readonly weight?: ArrayLike<number>;
  /** Initial margin per row, or per row × class (row-major) for multi-class models. */
  readonly baseMargin?: ArrayLike<number>;
  readonly featureNames?: readonly string[];
  readonly featureTypes?: readonly FeatureType[];
  /** Required when any feature type is `c`, as in Python's `DMatrix(enable_categorical=True)`. */
  readonly enableCategorical?: boolean;
  /** The value that marks a missing cell; NaN by default (NaN always counts as missing). */
  readonly missing?: number;
  /** Threads used to build the matrix; 0 means XGBoost's default (all cores). */
  readonly nthread?: number;
}

const registry = new FinalizationRegistry<Handle>((handle) => {
  // Safety net only: an un-disposed matrix is freed when garbage-collected.
  native().XGDMatrixFree(handle);
});

function toFloat32(values: ArrayLike<number>): Float32Array {
  return values instanceof Float32Array ? values : Float32Array.from(values);
}

function jsonNumber(value: number, what: string): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) throw new XGBoostError('INVALID_ARGUMENT', `${what} must be finite or NaN`);
  return String(value);
}

let handleOf: (matrix: DMatrix) => Handle;
let leaseOf: (matrix: DMatrix) => () => void;

/**
 * XGBoost's data matrix, built from a dense row-major `Float32Array` (NaN = missing).
 * Free it with `dispose()`; a FinalizationRegistry frees forgotten ones on garbage collection.
 *
 * @example
 * ```ts
 * import { DMatrix } from '@sodai/xgboost';
 * const X = new Float32Array([1, 2, 3, 4, NaN, 6]); // 3 rows × 2 features
 * const dtrain = DMatrix.fromDense(X, { ncol: 2, label: [0, 1, 0], featureNames: ['a', 'b'] });
 * console.log(dtrain.numRow, dtrain.numCol); // 3 2
 * dtrain.dispose();
 * ```
 */
export class DMatrix {
  #handle: Handle | null;
  #leases = 0;
  #disposeRequested = false;
  readonly #numRow: number;
  readonly #numCol: number;

  static {
    handleOf = (m) => m.#live();
    leaseOf = (m) => {
      m.#live();
      m.#leases++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        m.#leases--;
        if (m.#disposeRequested && m.#leases === 0) m.#free();
      };
    };
  }

  private constructor(handle: Handle) {
    this.#handle = handle;
    registry.register(this, handle, this);
    const api = native();
    const rows: [number | bigint] = [0];
    const cols: [number | bigint] = [0];
    check(api.XGDMatrixNumRow(handle, rows));
    check(api.XGDMatrixNumCol(handle, cols));
    this.#numRow = toCount(rows[0]);
    this.#numCol = toCount(cols[0]);
  }

  /** Builds a matrix from row-major values; see {@link DMatrixOptions}. */
  static fromDense(data: Float32Array | ArrayLike<number>, options: DMatrixOptions): DMatrix {
    const values = toFloat32(data);
    const { ncol } = options;
    if (!Number.isInteger(ncol) || ncol <= 0) {
      throw new XGBoostError('INVALID_ARGUMENT', `ncol must be a positive integer, got ${ncol}`);
    }
    const nrow = options.nrow ?? values.length / ncol;
    if (!Number.isInteger(nrow) || nrow * ncol !== values.length) {
      throw new XGBoostError(
        'INVALID_ARGUMENT',
        `data has ${values.length} values, which is not nrow × ncol (nrow ${options.nrow ?? '?'}, ncol ${ncol})`,
      );
    }
    const types = options.featureTypes;
    if (types?.includes('c') && options.enableCategorical !== true) {
      throw new XGBoostError(
        'INVALID_ARGUMENT',
        'categorical feature types ("c") need enableCategorical: true (and tree_method hist or approx)',
      );
    }
    const config = `{"missing":${jsonNumber(options.missing ?? Number.NaN, 'missing')},"nthread":${options.nthread ?? 0}}`;
    const out: [bigint | null] = [null];
    check(native().XGDMatrixCreateFromDense(arrayInterface(values, [nrow, ncol]), config, out), 'DMatrix');
    void values.length; // keeps the input reachable until XGBoost has copied it
    if (out[0] === null) throw new XGBoostError('NATIVE', 'XGDMatrixCreateFromDense returned no handle');
    const matrix = new DMatrix(out[0]);
    try {
      if (options.label) matrix.setLabel(options.label);
      if (options.weight) matrix.setWeight(options.weight);
      if (options.baseMargin) matrix.setBaseMargin(options.baseMargin);
      if (options.featureNames) matrix.setFeatureNames(options.featureNames);
      if (types) matrix.setFeatureTypes(types);
    } catch (err) {
      matrix.dispose();
      throw err;
    }
    return matrix;
  }

  /** Number of rows. */
  get numRow(): number {
    this.#live();
    return this.#numRow;
  }

  /** Number of features. */
  get numCol(): number {
    this.#live();
    return this.#numCol;
  }

  /** Whether `dispose()` was called. */
  get disposed(): boolean {
    return this.#disposeRequested;
  }

  /** Sets the training target, one value per row. */
  setLabel(values: ArrayLike<number>): void {
    this.#setInfo('label', values, 1);
  }

  /** Sets per-row sample weights. */
  setWeight(values: ArrayLike<number>): void {
    this.#setInfo('weight', values, 1);
  }

  /** Sets the initial margin: one value per row, or per row × class for multi-class models. */
  setBaseMargin(values: ArrayLike<number>): void {
    this.#setInfo('base_margin', values, values.length / Math.max(this.#numRow, 1));
  }

  /** Reads a per-row field back (empty when unset). */
  getInfo(field: InfoField): Float32Array {
    const handle = this.#live();
    const len: [number | bigint] = [0];
    const ptr: [bigint | null] = [null];
    check(native().XGDMatrixGetFloatInfo(handle, field, len, ptr), `DMatrix ${field}`);
    return readFloats(ptr[0], toCount(len[0]));
  }

  /** The labels (empty when unset). */
  getLabel(): Float32Array {
    return this.getInfo('label');
  }

  /** The weights (empty when unset). */
  getWeight(): Float32Array {
    return this.getInfo('weight');
  }

  /** The base margin (empty when unset). */
  getBaseMargin(): Float32Array {
    return this.getInfo('base_margin');
  }

  /** Names the features (unique, one per column). */
  setFeatureNames(names: readonly string[]): void {
    if (names.length !== this.#numCol) {
      throw new XGBoostError(
        'INVALID_ARGUMENT',
        `got ${names.length} feature names for ${this.#numCol} columns`,
      );
    }
    if (new Set(names).size !== names.length) {
      throw new XGBoostError('INVALID_ARGUMENT', 'feature names must be unique');
    }
    this.#setStrInfo('feature_name', names);
  }

  /** Sets feature types, one per column (see {@link FeatureType}). */
  setFeatureTypes(types: readonly FeatureType[]): void {
    if (types.length !== this.#numCol) {
      throw new XGBoostError(
        'INVALID_ARGUMENT',
        `got ${types.length} feature types for ${this.#numCol} columns`,
      );
    }
    this.#setStrInfo('feature_type', types);
  }

  /** Feature names, or an empty array when unnamed. */
  get featureNames(): readonly string[] {
    return this.#getStrInfo('feature_name');
  }

  /** Feature types, or an empty array when unset. */
  get featureTypes(): readonly FeatureType[] {
    return this.#getStrInfo('feature_type') as readonly FeatureType[];
  }

  /**
   * A new matrix holding the given rows (labels, weights and feature info follow).
   *
   * @example
   * ```ts
   * const firstTwo = dtrain.slice([0, 1]);
   * ```
   */
  slice(rows: readonly number[] | Int32Array): DMatrix {
    const handle = this.#live();
    const idx = rows instanceof Int32Array ? rows : Int32Array.from(rows);
    for (const i of idx) {
      if (i < 0 || i >= this.#numRow) {
        throw new XGBoostError('INVALID_ARGUMENT', `row index ${i} is out of range [0, ${this.#numRow})`);
      }
    }
    const out: [bigint | null] = [null];
    check(native().XGDMatrixSliceDMatrixEx(handle, idx, idx.length, out, 0), 'DMatrix slice');
    if (out[0] === null) throw new XGBoostError('NATIVE', 'XGDMatrixSliceDMatrixEx returned no handle');
    return new DMatrix(out[0]);
  }

  /**
   * Frees the native matrix. Idempotent. While a training run still uses the matrix, the native
   * memory is released when that run ends; this object is unusable from now on either way.
   */
  dispose(): void {
    if (this.#disposeRequested) return;
    this.#disposeRequested = true;
    if (this.#leases === 0) this.#free();
  }

  #free(): void {
    const handle = this.#handle;
    if (handle === null) return;
    this.#handle = null;
    registry.unregister(this);
    native().XGDMatrixFree(handle);
  }

  #live(): Handle {
    if (this.#disposeRequested || this.#handle === null) {
      throw new XGBoostError('DISPOSED', 'this DMatrix was disposed');
    }
    return this.#handle;
  }

  #setInfo(field: InfoField, values: ArrayLike<number>, perRow: number): void {
    const handle = this.#live();
    const data = toFloat32(values);
    if (!Number.isInteger(perRow) || perRow < 1 || data.length !== this.#numRow * perRow) {
      throw new XGBoostError(
        'INVALID_ARGUMENT',
        `${field} has ${data.length} values for ${this.#numRow} rows`,
      );
    }
    const shape = perRow === 1 ? [data.length] : [this.#numRow, perRow];
    check(
      native().XGDMatrixSetInfoFromInterface(handle, field, arrayInterface(data, shape)),
      `DMatrix ${field}`,
    );
    void data.length;
  }

  #setStrInfo(field: 'feature_name' | 'feature_type', values: readonly string[]): void {
    const handle = this.#live();
    check(native().XGDMatrixSetStrFeatureInfo(handle, field, [...values], values.length), `DMatrix ${field}`);
  }

  #getStrInfo(field: 'feature_name' | 'feature_type'): readonly string[] {
    const handle = this.#live();
    const size: [number | bigint] = [0];
    const out: [bigint | null] = [null];
    check(native().XGDMatrixGetStrFeatureInfo(handle, field, size, out), `DMatrix ${field}`);
    return Object.freeze(readStrings(out[0], toCount(size[0])));
  }
}

/** @internal The live native handle; throws `DISPOSED`. */
export function dmatrixHandle(matrix: DMatrix): Handle {
  return handleOf(matrix);
}

/** @internal Keeps the native matrix alive across `dispose()` until the returned release runs. */
export function leaseDMatrix(matrix: DMatrix): () => void {
  return leaseOf(matrix);
}
