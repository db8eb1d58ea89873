import { normalizeColumns, type ColumnKind, type ColumnsInput } from '../columns.ts';
import { deepFreeze } from '../deep-freeze.ts';
import { DriftError } from '../errors.ts';
import {
  DEFAULT_SNAPSHOT_SETTINGS,
  referenceOf,
  type CreateReferenceOptions,
} from '../snapshot/create-reference.ts';
import { summarizeColumn, summarizeNumeric } from '../snapshot/summarize.ts';
import type { CalibratedThreshold, CalibratedThresholds } from '../snapshot/reference-snapshot.ts';
import { quantileSorted } from '../stats/quantile.ts';
import {
  compareColumn,
  prepareCurrent,
  type ComparisonSettings,
  type PreparedCurrent,
} from './column-drift.ts';
import {
  DEFAULT_MAX_NEW_CATEGORIES,
  DEFAULT_SMALL_SAMPLE_MAX,
  DEFAULT_THRESHOLDS,
  isTestMethod,
  type DriftMethod,
} from './methods.ts';
import { prepareReference, type PreparedReference } from './prepared-reference.ts';

/** Options of {@link ThresholdCalibrator} and {@link calibrateThresholds}; every field has a documented default. */
export interface CalibrateThresholdsOptions {
  /**
   * Windows up to this many apart are compared: set it to how stale a reference may become before it is
   * replaced (a weekly check against a reference up to 4 weeks old: 4). Default 1 (consecutive windows).
   */
  readonly maxLag?: number;
  /** Quantile of the observed statistics the threshold starts from. Default 0.95. */
  readonly quantile?: number;
  /** Factor on that quantile, so a window as unusual as the worst ordinary ones stays quiet. Default 1.25. */
  readonly margin?: number;
  /** Per-method floors, merged over {@link DEFAULT_THRESHOLDS}. */
  readonly thresholds?: Partial<Record<DriftMethod, number>>;
  /** Calibrate this distance for every numeric column instead of normed Wasserstein. */
  readonly numericMethod?: 'wasserstein' | 'psi';
  /** Calibrate this distance for every categorical column instead of Jensen–Shannon. */
  readonly categoricalMethod?: 'jensen-shannon' | 'psi';
  /** Per-column distance, or `ignore` to leave a column uncalibrated. */
  readonly columns?: Readonly<Record<string, { readonly method?: DriftMethod; readonly ignore?: boolean }>>;
  /** Snapshot settings of the windows taken as references; use those of the snapshot checked later. */
  readonly snapshot?: Pick<CreateReferenceOptions, 'bins' | 'quantiles' | 'topCategories' | 'exactUpTo'>;
}

interface Observed {
  readonly kind: ColumnKind;
  readonly method: DriftMethod;
  /** How the column is compared: only the distribution statistic is used. */
  readonly settings: ComparisonSettings;
  /** `byLag[k − 1]`: the statistics of window pairs exactly k apart. */
  readonly byLag: number[][];
}

/**
 * Learns each column's threshold from history, one window (e.g. a week) at a time, oldest first. Every
 * window is taken as ordinary; each is compared — as a snapshot, exactly as a stored reference is — with
 * every later window at most `maxLag` after it. For each k up to `maxLag`, the threshold of a window k
 * after its reference is the `quantile` of the statistics of pairs exactly k apart times `margin`, never
 * below the method's default nor the threshold of a shorter lag: ordinary windows drift further apart with time, so an older reference
 * needs a wider threshold and a recent one can be held to a tighter one. Pass
 * {@link ThresholdCalibrator.thresholds} to `createReference(…, { thresholds })`; `detectDrift(…, { lag })`
 * then uses them.
 *
 * Only distances are calibrated (normed Wasserstein for numeric columns, Jensen–Shannon for categorical
 * ones, or PSI), whatever the window size: the observed spread already holds the sampling noise that makes
 * a test the default for small references. A column forced to a test (KS, chi-square) is left out.
 *
 * Keeps only the last `maxLag` windows' snapshots, so long histories need not be held in memory at once.
 *
 * @example
 * const calibrator = new ThresholdCalibrator({ maxLag: 4 });
 * for (const week of weeks) calibrator.add(week); // oldest first, each a ColumnsInput
 * const reference = createReference(weeks.at(-1)!, { thresholds: calibrator.thresholds() });
 */
export class ThresholdCalibrator {
  readonly #options: CalibrateThresholdsOptions;
  readonly #maxLag: number;
  readonly #quantile: number;
  readonly #margin: number;
  readonly #floors: Readonly<Record<DriftMethod, number>>;
  readonly #recent: PreparedReference[] = [];
  readonly #observed = new Map<string, Observed>();
  #windows = 0;

  constructor(options: CalibrateThresholdsOptions = {}) {
    this.#options = options;
    this.#maxLag = options.maxLag ?? 1;
    this.#quantile = options.quantile ?? 0.95;
    this.#margin = options.margin ?? 1.25;
    if (!Number.isInteger(this.#maxLag) || this.#maxLag < 1)
      throw new DriftError('INVALID_ARGUMENT', 'maxLag must be an integer >= 1');
    if (!(this.#quantile >= 0 && this.#quantile <= 1))
      throw new DriftError('INVALID_ARGUMENT', 'quantile must be in [0, 1]');
    if (!(this.#margin >= 1)) throw new DriftError('INVALID_ARGUMENT', 'margin must be >= 1');
    this.#floors = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  }

  /** Compares the next window with the previous `maxLag` ones. Throws `KIND_MISMATCH` when a column changed kind. */
  add(window: ColumnsInput): void {
    const columns = normalizeColumns(window);
    // Each column's sorted values serve both its comparisons and its snapshot: sorting is most of the cost.
    const prepared = new Map<string, PreparedCurrent>();
    for (const column of columns) {
      const observed = this.#observedFor(column.name, column.kind);
      if (observed === undefined) continue;
      const current = prepareCurrent(column);
      prepared.set(column.name, current);
      this.#recent.forEach((earlier, i) => {
        const reference = earlier.columns.get(column.name);
        if (reference === undefined || reference.kind !== column.kind) return;
        const c = compareColumn(column.name, reference, current, observed.settings);
        if (c.note === undefined) observed.byLag[this.#recent.length - 1 - i]!.push(c.statistic);
      });
    }
    const snapshot = referenceOf(columns, this.#options.snapshot ?? {}, (column, settings) => {
      const current = prepared.get(column.name);
      return current?.kind === 'numeric'
        ? summarizeNumeric(column.name, current.sorted, column.values.length, settings)
        : summarizeColumn(column, settings);
    });
    this.#recent.push(
      prepareReference(snapshot, {}, DEFAULT_SNAPSHOT_SETTINGS.bins, DEFAULT_SNAPSHOT_SETTINGS.quantiles),
    );
    if (this.#recent.length > this.#maxLag) this.#recent.shift();
    this.#windows++;
  }

  /**
   * The thresholds learnt so far, by column. With fewer than `maxLag + 1` windows, `byLag` stops at the
   * largest lag seen. Throws `INVALID_ARGUMENT` before two windows were added.
   */
  thresholds(): CalibratedThresholds {
    if (this.#windows < 2) throw new DriftError('INVALID_ARGUMENT', 'calibration needs at least two windows');
    const out: Record<string, CalibratedThreshold> = {};
    for (const [name, { method, byLag }] of this.#observed) {
      const floor = this.#floors[method];
      // Lag k's threshold comes from the pairs exactly k apart: pooling shorter lags in would understate how
      // far ordinary windows drift apart at k. The running maximum keeps it from falling as the reference
      // ages (with a dozen pairs per lag, a longer lag can draw a calmer sample).
      const thresholds: number[] = [];
      const all: number[] = [];
      for (const statistics of byLag) {
        if (statistics.length === 0) break;
        all.push(...statistics);
        const q = quantileSorted(Float64Array.from(statistics).sort(), this.#quantile);
        thresholds.push(Math.max(floor, q * this.#margin, thresholds.at(-1) ?? 0));
      }
      if (thresholds.length === 0) continue;
      const sorted = Float64Array.from(all).sort();
      const observedQuantile = quantileSorted(sorted, this.#quantile);
      out[name] = {
        method,
        threshold: thresholds.at(-1)!,
        byLag: thresholds,
        floor,
        quantile: this.#quantile,
        margin: this.#margin,
        maxLag: this.#maxLag,
        pairs: sorted.length,
        observedQuantile,
        observedMax: sorted[sorted.length - 1]!,
      };
    }
    return deepFreeze(out);
  }

  #observedFor(name: string, kind: ColumnKind): Observed | undefined {
    const known = this.#observed.get(name);
    if (known !== undefined) {
      if (known.kind !== kind)
        throw new DriftError('KIND_MISMATCH', `column "${name}" was ${known.kind}, now ${kind}`);
      return known;
    }
    const override = this.#options.columns?.[name];
    if (override?.ignore) return undefined;
    const method =
      override?.method ??
      (kind === 'numeric'
        ? (this.#options.numericMethod ?? 'wasserstein')
        : (this.#options.categoricalMethod ?? 'jensen-shannon'));
    if (isTestMethod(method)) return undefined;
    const observed: Observed = {
      kind,
      method,
      settings: {
        method,
        thresholds: this.#floors,
        smallSampleMax: DEFAULT_SMALL_SAMPLE_MAX,
        // The missing-share verdict is not calibrated.
        missingShareThreshold: 1,
        missingPValue: 0,
        maxNewCategories: DEFAULT_MAX_NEW_CATEGORIES,
      },
      byLag: Array.from({ length: this.#maxLag }, () => []),
    };
    this.#observed.set(name, observed);
    return observed;
  }
}

/**
 * {@link ThresholdCalibrator} over windows already in memory, oldest first.
 *
 * @example
 * const thresholds = calibrateThresholds([week1, week2, week3, week4, week5], { maxLag: 4 });
 * const reference = createReference(week5, { thresholds });
 * detectDrift(reference, week6).columns[0]!.thresholdSource; // 'calibrated'
 */
export function calibrateThresholds(
  windows: Iterable<ColumnsInput>,
  options: CalibrateThresholdsOptions = {},
): CalibratedThresholds {
  const calibrator = new ThresholdCalibrator(options);
  for (const window of windows) calibrator.add(window);
  return calibrator.thresholds();
}
