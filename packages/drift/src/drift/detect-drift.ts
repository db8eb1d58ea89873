import {
  normalizeColumns,
  type ColumnsInput,
  type NormalizedColumn,
  type NumericValues,
} from '../columns.ts';
import { deepFreeze } from '../deep-freeze.ts';
import { DriftError } from '../errors.ts';
import { DEFAULT_SNAPSHOT_SETTINGS } from '../snapshot/create-reference.ts';
import type { LabelInput } from '../snapshot/labels.ts';
import type { ReferenceSnapshot } from '../snapshot/reference-snapshot.ts';
import {
  compareColumn,
  prepareCurrent,
  type Comparison,
  type ComparisonSettings,
  type PreparedCurrent,
} from './column-drift.ts';
import type { CalibratedThreshold } from '../snapshot/reference-snapshot.ts';
import type { ColumnDrift, DriftReport, DriftVerdict, ThresholdSource } from './drift-report.ts';
import { labelDrift, type LabelDriftOptions } from './label-drift.ts';
import {
  DEFAULT_MAX_NEW_CATEGORIES,
  DEFAULT_SMALL_SAMPLE_MAX,
  DEFAULT_THRESHOLDS,
  type DriftMethod,
} from './methods.ts';
import { prepareReference, type PreparedColumn, type PreparedReference } from './prepared-reference.ts';

/** Per-column overrides. */
export interface ColumnDriftOptions {
  readonly method?: DriftMethod;
  readonly threshold?: number;
  /** Leave the column out of the report and the verdict (an ID, a timestamp). */
  readonly ignore?: boolean;
}

/** Options of {@link detectDrift}; every field has a documented default. */
export interface DetectDriftOptions {
  /** The dataset drifts when at least this share of compared columns drift. Default 0.3. */
  readonly shareThreshold?: number;
  /** Reference sizes up to this use KS / chi-square, larger ones Wasserstein / Jensen–Shannon. Default 1000. */
  readonly smallSampleMax?: number;
  /** Per-method default thresholds, merged over {@link DEFAULT_THRESHOLDS}. */
  readonly thresholds?: Partial<Record<DriftMethod, number>>;
  /**
   * Use the thresholds calibrated into a snapshot (`createReference(…, { thresholds })`) for their columns.
   * Default true; a per-column `threshold`, or a forced method other than the calibrated one, still wins.
   */
  readonly useCalibration?: boolean;
  /**
   * How many windows (e.g. weeks) after the reference the current data comes, so a calibrated column uses
   * the threshold learnt for that distance (`byLag`). Default: the widest calibrated threshold.
   */
  readonly lag?: number;
  /** Force a method for every numeric column. */
  readonly numericMethod?: DriftMethod;
  /** Force a method for every categorical column. */
  readonly categoricalMethod?: DriftMethod;
  /** Overrides by column name. */
  readonly columns?: Readonly<Record<string, ColumnDriftOptions>>;
  /** Minimum absolute change of a column's missing share to count as drift (with p < missingPValue). Default 0.05. */
  readonly missingShareThreshold?: number;
  /** Significance level of the missing-share z-test. Default 0.05. */
  readonly missingPValue?: number;
  /** Categories absent from a complete reference list shown by name; the rest go to `other`. Default 20. */
  readonly maxNewCategories?: number;
  /** Bins and quantiles used when the reference is raw data. Defaults 10 and 101, as in snapshots. */
  readonly bins?: number;
  readonly quantiles?: number;
  /**
   * The same weeks one year earlier (snapshot or raw). A column then counts as drifted only if it drifts
   * against both the recent reference and this one, so a change last year also had is seasonality, not drift.
   */
  readonly seasonalReference?: ReferenceSnapshot | ColumnsInput;
  /** Current model scores, for prediction drift. */
  readonly predictions?: NumericValues;
  /** Reference scores when the reference is raw data (a snapshot carries its own). */
  readonly referencePredictions?: NumericValues;
  /** Seasonal-reference scores when that reference is raw data. */
  readonly seasonalPredictions?: NumericValues;
  /** Method and threshold for prediction drift; by default chosen like any numeric column. */
  readonly predictionMethod?: DriftMethod;
  readonly predictionThreshold?: number;
  /** Current labels (0/1, NaN unknown) or counts, for label drift. */
  readonly labels?: LabelInput;
  /** Reference labels when the reference is raw data (a snapshot carries its own rate). */
  readonly referenceLabels?: LabelInput;
  /** Seasonal-reference labels when that reference is raw data. */
  readonly seasonalLabels?: LabelInput;
  readonly labelOptions?: LabelDriftOptions;
}

/**
 * Compares current data with a reference — a {@link ReferenceSnapshot} saved with the model, or raw columns —
 * column by column, and gives a dataset verdict, plus prediction and label drift when scores and labels are
 * given. The method per column follows its kind and the reference size unless overridden: numeric KS
 * (p < 0.05) up to 1000 values, normed Wasserstein (> 0.1) beyond; categorical chi-square (p < 0.05) up to
 * 1000, Jensen–Shannon distance (> 0.1) beyond; PSI (> 0.1) on request. A column also drifts when its
 * missing share moves by ≥ 0.05 with p < 0.05. Deterministic: the same inputs give the same report.
 *
 * Throws `COLUMN_NOT_FOUND` when the current data lacks a reference column, `KIND_MISMATCH` when a column
 * changed kind, `INVALID_ARGUMENT` for a method that does not fit a column.
 *
 * @example
 * const snapshot = createReference({ basket: new Float64Array([10, 12, 11, 13]), region: ['n', 's', 'n', 'e'] });
 * const lastDecember = createReference({ basket: new Float64Array([19, 21, 22, 20]), region: ['n', 's', 's', 'e'] });
 * const report = detectDrift(snapshot, { basket: new Float64Array([20, 22, 19, 21]), region: ['n', 's', 'e', 'n'] }, {
 *   seasonalReference: lastDecember, // December is compared with last December too
 *   columns: { region: { method: 'psi', threshold: 0.25 } },
 * });
 * if (report.verdict.drifted) console.log(report.verdict.reason);
 * // A full, runnable weekly check: packages/drift/examples/weekly-check.ts
 */
export function detectDrift(
  reference: ReferenceSnapshot | ColumnsInput,
  current: ColumnsInput,
  options: DetectDriftOptions = {},
): DriftReport {
  const shareThreshold = options.shareThreshold ?? 0.3;
  if (options.lag !== undefined && !(Number.isInteger(options.lag) && options.lag >= 1)) {
    throw new DriftError('INVALID_ARGUMENT', 'lag must be an integer >= 1');
  }
  if (!(shareThreshold > 0 && shareThreshold <= 1)) {
    throw new DriftError('INVALID_ARGUMENT', 'shareThreshold must be in (0, 1]');
  }
  const bins = options.bins ?? DEFAULT_SNAPSHOT_SETTINGS.bins;
  const quantiles = options.quantiles ?? DEFAULT_SNAPSHOT_SETTINGS.quantiles;
  const recent = prepareReference(
    reference,
    { predictions: options.referencePredictions, labels: options.referenceLabels },
    bins,
    quantiles,
  );
  const seasonal =
    options.seasonalReference === undefined
      ? undefined
      : prepareReference(
          options.seasonalReference,
          { predictions: options.seasonalPredictions, labels: options.seasonalLabels },
          bins,
          quantiles,
        );
  const base: ComparisonSettings = {
    thresholds: { ...DEFAULT_THRESHOLDS, ...options.thresholds },
    smallSampleMax: options.smallSampleMax ?? DEFAULT_SMALL_SAMPLE_MAX,
    missingShareThreshold: options.missingShareThreshold ?? 0.05,
    missingPValue: options.missingPValue ?? 0.05,
    maxNewCategories: options.maxNewCategories ?? DEFAULT_MAX_NEW_CATEGORIES,
  };

  const currentColumns = new Map<string, NormalizedColumn>(normalizeColumns(current).map((c) => [c.name, c]));
  const columns: ColumnDrift[] = [];
  for (const name of recent.order) {
    const override = options.columns?.[name];
    if (override?.ignore) continue;
    const ref = recent.columns.get(name)!;
    const cur = currentColumns.get(name);
    if (cur === undefined) throw new DriftError('COLUMN_NOT_FOUND', `current data has no column "${name}"`);
    if (cur.kind !== ref.kind) {
      throw new DriftError(
        'KIND_MISMATCH',
        `column "${name}" is ${ref.kind} in the reference, ${cur.kind} now`,
      );
    }
    const method =
      override?.method ?? (ref.kind === 'numeric' ? options.numericMethod : options.categoricalMethod);
    const calibration = options.useCalibration === false ? undefined : recent.thresholds?.[name];
    const threshold = chooseThreshold(method, override?.threshold, calibration, options.lag);
    const settings = { ...base, method: threshold.method, threshold: threshold.value };
    columns.push({
      ...compareWithBoth(name, ref, prepareCurrent(cur), settings, seasonal?.columns.get(name)),
      thresholdSource: threshold.source,
      ...(threshold.source === 'calibrated' ? { calibration } : {}),
    });
  }
  const ignoredColumns = [...currentColumns.keys()].filter((n) => !recent.columns.has(n));

  const driftedColumns = columns.filter((c) => c.drifted).length;
  const shareDrifted = columns.length > 0 ? driftedColumns / columns.length : 0;
  const report: DriftReport = {
    columns,
    driftedColumns,
    shareDrifted,
    shareThreshold,
    verdict: verdictOf(columns, driftedColumns, shareDrifted, shareThreshold, seasonal !== undefined),
    seasonal: seasonal !== undefined,
    ...(options.lag === undefined ? {} : { lag: options.lag }),
    ignoredColumns,
    ...predictionPart(recent, seasonal, options, base),
    ...labelPart(recent, seasonal, options),
  };
  return deepFreeze(report);
}

/**
 * A caller's per-column threshold wins; then the reference's calibrated threshold, with its method, unless
 * the caller forced another method (a calibration holds for one statistic only); then the method's default.
 */
function chooseThreshold(
  method: DriftMethod | undefined,
  override: number | undefined,
  calibration: CalibratedThreshold | undefined,
  lag: number | undefined,
): { method: DriftMethod | undefined; value: number | undefined; source: ThresholdSource } {
  if (override !== undefined) return { method, value: override, source: 'override' };
  if (calibration !== undefined && (method === undefined || method === calibration.method)) {
    const value =
      lag === undefined
        ? calibration.threshold
        : calibration.byLag[Math.min(lag, calibration.byLag.length) - 1]!;
    return { method: calibration.method, value, source: 'calibrated' };
  }
  return { method, value: undefined, source: 'default' };
}

function compareWithBoth(
  name: string,
  ref: PreparedColumn,
  cur: PreparedCurrent,
  settings: ComparisonSettings,
  seasonalRef: PreparedColumn | undefined,
): Omit<ColumnDrift, 'thresholdSource' | 'calibration'> {
  const recent = compareColumn(name, ref, cur, settings);
  const seasonal: Comparison | undefined =
    seasonalRef !== undefined && seasonalRef.kind === ref.kind
      ? compareColumn(name, seasonalRef, cur, {
          ...settings,
          method: recent.method,
          threshold: recent.threshold,
        })
      : undefined;
  return {
    name,
    kind: ref.kind,
    ...recent,
    driftedVsReference: recent.drifted,
    drifted: recent.drifted && (seasonal === undefined || seasonal.drifted),
    ...(seasonal === undefined ? {} : { seasonal }),
  };
}

function verdictOf(
  columns: readonly ColumnDrift[],
  drifted: number,
  share: number,
  threshold: number,
  seasonal: boolean,
): DriftVerdict {
  const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
  const names = columns.filter((c) => c.drifted).map((c) => c.name);
  const isDrifted = columns.length > 0 && share >= threshold;
  let reason =
    columns.length === 0
      ? 'no columns compared'
      : `${drifted} of ${columns.length} columns drifted (${pct(share)} ${isDrifted ? '>=' : '<'} ${pct(threshold)})` +
        (names.length > 0 ? `: ${names.join(', ')}` : '');
  if (seasonal) {
    const excused = columns.filter((c) => c.driftedVsReference && !c.drifted).map((c) => c.name);
    if (excused.length > 0)
      reason += `; seasonal, not counted (last year moved alike): ${excused.join(', ')}`;
  }
  return { drifted: isDrifted, reason };
}

function predictionPart(
  recent: PreparedReference,
  seasonal: PreparedReference | undefined,
  options: DetectDriftOptions,
  base: ComparisonSettings,
): Pick<DriftReport, 'predictionDrift'> {
  if (options.predictions === undefined) return {};
  if (recent.predictions === undefined) {
    throw new DriftError(
      'INVALID_ARGUMENT',
      'predictions given but the reference has none (pass referencePredictions)',
    );
  }
  const settings = { ...base, method: options.predictionMethod, threshold: options.predictionThreshold };
  const cur = prepareCurrent({ name: 'prediction', kind: 'numeric', values: options.predictions });
  return {
    predictionDrift: {
      ...compareWithBoth('prediction', recent.predictions, cur, settings, seasonal?.predictions),
      thresholdSource: options.predictionThreshold === undefined ? 'default' : 'override',
    },
  };
}

function labelPart(
  recent: PreparedReference,
  seasonal: PreparedReference | undefined,
  options: DetectDriftOptions,
): Pick<DriftReport, 'labelDrift'> {
  if (options.labels === undefined) return {};
  if (recent.labels === undefined) {
    throw new DriftError(
      'INVALID_ARGUMENT',
      'labels given but the reference has none (pass referenceLabels)',
    );
  }
  const r = labelDrift(recent.labels, options.labels, options.labelOptions);
  const s =
    seasonal?.labels === undefined
      ? undefined
      : labelDrift(seasonal.labels, options.labels, options.labelOptions);
  return {
    labelDrift: {
      ...r,
      driftedVsReference: r.drifted,
      drifted: r.drifted && (s === undefined || s.drifted),
      ...(s === undefined ? {} : { seasonal: s }),
    },
  };
}
