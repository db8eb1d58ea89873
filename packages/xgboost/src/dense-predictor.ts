import koffi from 'koffi';
import { XGBoostError } from './errors.ts';
import { check, native, readFloats, readShape, type Handle } from './native.ts';
import { predictConfig, type PredictOptions, type Prediction } from './prediction.ts';

/** Options of `Booster.predictor`. */
export interface DensePredictorOptions extends PredictOptions {
  /** Most rows one call may carry (the native input buffer is sized for it). Default 1. */
  readonly maxRows?: number;
  /** The value marking a missing cell besides NaN. */
  readonly missing?: number;
}

/**
 * The serving fast path: `XGBoosterPredictFromDense` on a preallocated native buffer, with the
 * array interface and configuration JSON built once. Not safe to share between concurrent
 * callers on different threads (there is one input buffer); the JS event loop is single-threaded,
 * so one per booster per process is the intended use.
 */
export class DensePredictor {
  readonly ncol: number;
  readonly maxRows: number;
  readonly #handle: () => Handle;
  readonly #release: () => void;
  readonly #input: Float32Array;
  readonly #config: string;
  readonly #interfaces: string[] = [];
  readonly #shape = new BigUint64Array(1);
  readonly #dim = new BigUint64Array(1);
  readonly #result = new BigUint64Array(1);
  #memory: bigint | null;
  #proxy: Handle | null;

  /** @internal Use `Booster.predictor`. */
  constructor(
    handle: () => Handle,
    release: () => void,
    ncol: number,
    options: DensePredictorOptions,
    range: [number, number],
  ) {
    const maxRows = options.maxRows ?? 1;
    if (!Number.isInteger(maxRows) || maxRows < 1) {
      throw new XGBoostError('INVALID_ARGUMENT', `maxRows must be a positive integer, got ${maxRows}`);
    }
    this.#handle = handle;
    this.#release = release;
    this.ncol = ncol;
    this.maxRows = maxRows;
    this.#config = predictConfig(options, range, options.missing ?? Number.NaN);
    const proxy: [bigint | null] = [null];
    check(native().XGProxyDMatrixCreate(proxy), 'predictor');
    this.#proxy = proxy[0];
    // Native memory, so the address baked into the array interface never moves.
    this.#memory = koffi.alloc('float', ncol * maxRows) as bigint;
    this.#input = new Float32Array(koffi.view(this.#memory, ncol * maxRows * 4));
  }

  /**
   * Predicts `rows.length / ncol` rows (at most `maxRows`); returns the values, row-major.
   * Throws `FEATURE_MISMATCH` when the length is not a multiple of the model's feature count.
   */
  predict(rows: ArrayLike<number>): Float32Array {
    return this.predictWithShape(rows).values;
  }

  /** Like {@link DensePredictor.predict}, with the output shape. */
  predictWithShape(rows: ArrayLike<number>): Prediction {
    const n = this.#run(rows);
    const dim = Number(this.#dim[0]);
    const shape = dim === 0 ? [n] : readShape(this.#shape[0] ?? null, dim);
    const total = shape.reduce((a, b) => a * b, 1);
    return Object.freeze({ values: readFloats(this.#result[0] ?? null, total), shape: Object.freeze(shape) });
  }

  /** The first output value for one row: the probability or score of a single-output model. */
  predictOne(row: ArrayLike<number>): number {
    this.#run(row);
    return koffi.decode.float(this.#result[0] ?? 0n);
  }

  /** Frees the native buffer and proxy. Idempotent. */
  dispose(): void {
    if (this.#memory !== null) koffi.free(this.#memory);
    if (this.#proxy !== null) native().XGDMatrixFree(this.#proxy);
    this.#memory = null;
    this.#proxy = null;
    this.#release();
  }

  #run(rows: ArrayLike<number>): number {
    const memory = this.#memory;
    if (memory === null) throw new XGBoostError('DISPOSED', 'this predictor was disposed');
    const handle = this.#handle();
    const n = rows.length / this.ncol;
    if (!Number.isInteger(n) || n < 1) {
      throw new XGBoostError(
        'FEATURE_MISMATCH',
        `the model expects ${this.ncol} features per row but got ${rows.length} values`,
      );
    }
    if (n > this.maxRows) {
      throw new XGBoostError(
        'INVALID_ARGUMENT',
        `${n} rows exceed this predictor's maxRows (${this.maxRows})`,
      );
    }
    this.#input.set(rows);
    const iface = (this.#interfaces[n] ??=
      `{"data":[${memory},true],"shape":[${n},${this.ncol}],"typestr":"<f4","version":3}`);
    const rc = native().XGBoosterPredictFromDenseRaw(
      handle,
      iface,
      this.#config,
      this.#proxy,
      this.#shape,
      this.#dim,
      this.#result,
    );
    if (rc !== 0) check(rc, 'predict');
    return n;
  }
}
