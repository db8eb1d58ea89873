import { countCategories, type NormalizedColumn } from '../columns.ts';
import { binSorted, histogramVector } from '../snapshot/histogram.ts';
import type { CategoricalHistogram, NumericHistogram } from '../snapshot/reference-snapshot.ts';
import { rankCategories } from '../snapshot/summarize.ts';
import { chiSquareHomogeneity } from '../stats/chi-square.ts';
import { jensenShannonDistance } from '../stats/jensen-shannon.ts';
import { ksPValue, ksStatisticKnots, ksTestSorted } from '../stats/ks.ts';
import { psi } from '../stats/psi.ts';
import { sortedFinite } from '../stats/quantile.ts';
import { twoProportionZTest } from '../stats/two-proportion.ts';
import { normedWasserstein, wassersteinKnots, wassersteinSorted } from '../stats/wasserstein.ts';
import { assertMethodFits, crosses, defaultMethod, type DriftMethod } from './methods.ts';
import type { PreparedColumn } from './prepared-reference.ts';

/** Current data of one column, prepared once so it can be compared with several references. */
export type PreparedCurrent =
  | { readonly kind: 'numeric'; readonly total: number; readonly sorted: Float64Array }
  | {
      readonly kind: 'categorical';
      readonly total: number;
      readonly missing: number;
      readonly counts: ReadonlyMap<string, number>;
    };

/** Sorts a numeric column or counts a categorical one. */
export function prepareCurrent(column: NormalizedColumn): PreparedCurrent {
  if (column.kind === 'numeric') {
    return { kind: 'numeric', total: column.values.length, sorted: sortedFinite(column.values) };
  }
  const { counts, missing } = countCategories(column.values);
  return { kind: 'categorical', total: column.values.length, missing, counts };
}

/** How the missing share moved. Drift needs both significance and a minimum absolute change. */
export interface MissingShareDrift {
  readonly reference: number;
  readonly current: number;
  readonly pValue: number;
  readonly drifted: boolean;
}

/** One comparison of a column with one reference. */
export interface Comparison {
  readonly method: DriftMethod;
  readonly statistic: number;
  readonly threshold: number;
  /** Present for the tests (KS, chi-square). */
  readonly pValue?: number;
  /** Whether the distribution statistic crossed its threshold. */
  readonly distributionDrifted: boolean;
  readonly missingShare: MissingShareDrift;
  /** Distribution drift or missing-share drift. */
  readonly drifted: boolean;
  /**
   * True when a numeric statistic came from the snapshot's quantiles rather than raw values (see the README
   * for the error bounds). PSI, chi-square and Jensen–Shannon are exact on the snapshot's bins.
   */
  readonly approximate: boolean;
  readonly referenceCount: number;
  readonly currentCount: number;
  readonly referenceHistogram: NumericHistogram | CategoricalHistogram;
  readonly currentHistogram: NumericHistogram | CategoricalHistogram;
  /** Why a statistic could not be computed (an empty side). */
  readonly note?: string;
}

/** What a comparison needs besides the data. */
export interface ComparisonSettings {
  /** Forced method; otherwise chosen by kind and reference size. */
  readonly method?: DriftMethod;
  /** Forced threshold; otherwise the method's default from `thresholds`. */
  readonly threshold?: number;
  readonly thresholds: Readonly<Record<DriftMethod, number>>;
  readonly smallSampleMax: number;
  readonly missingShareThreshold: number;
  readonly missingPValue: number;
  /** New categories shown by name before the rest go to `other`. */
  readonly maxNewCategories: number;
}

/** Compares one current column with one prepared reference column. */
export function compareColumn(
  name: string,
  reference: PreparedColumn,
  current: PreparedCurrent,
  settings: ComparisonSettings,
): Comparison {
  const ref = reference.snapshot;
  const method = settings.method ?? defaultMethod(reference.kind, ref.count, settings.smallSampleMax);
  assertMethodFits(method, reference.kind, name);
  const threshold = settings.threshold ?? settings.thresholds[method];
  const currentCount = current.kind === 'numeric' ? current.sorted.length : current.total - current.missing;
  const missingShare = missingDrift(
    ref.missing,
    ref.missing + ref.count,
    current.total - currentCount,
    current.total,
    settings,
  );
  const stat =
    reference.kind === 'numeric' && current.kind === 'numeric'
      ? numericStatistic(method, reference, current.sorted)
      : reference.kind === 'categorical' && current.kind === 'categorical'
        ? categoricalStatistic(
            method,
            reference.snapshot.histogram,
            current.counts,
            settings.maxNewCategories,
          )
        : undefined;
  if (stat === undefined) throw new Error('compareColumn: kinds were checked by the caller');
  const empty = ref.count === 0 || currentCount === 0;
  const distributionDrifted = !empty && crosses(method, stat.statistic, stat.pValue, threshold);
  return {
    method,
    statistic: empty ? 0 : stat.statistic,
    threshold,
    ...(stat.pValue === undefined || empty ? {} : { pValue: stat.pValue }),
    distributionDrifted,
    missingShare,
    drifted: distributionDrifted || missingShare.drifted,
    approximate: !empty && stat.approximate,
    referenceCount: ref.count,
    currentCount,
    referenceHistogram: stat.referenceHistogram,
    currentHistogram: stat.currentHistogram,
    ...(empty
      ? {
          note:
            ref.count === 0
              ? 'reference has no non-missing values'
              : 'current data has no non-missing values',
        }
      : {}),
  };
}

function missingDrift(
  refMissing: number,
  refTotal: number,
  curMissing: number,
  curTotal: number,
  settings: ComparisonSettings,
): MissingShareDrift {
  const reference = refTotal > 0 ? refMissing / refTotal : 0;
  const current = curTotal > 0 ? curMissing / curTotal : 0;
  const { pValue } = twoProportionZTest(refMissing, refTotal, curMissing, curTotal);
  // With large samples any change is significant, so a minimum absolute change is required as well.
  const drifted =
    pValue < settings.missingPValue && Math.abs(current - reference) >= settings.missingShareThreshold;
  return { reference, current, pValue, drifted };
}

interface Statistic {
  readonly statistic: number;
  readonly pValue?: number;
  readonly approximate: boolean;
  readonly referenceHistogram: NumericHistogram | CategoricalHistogram;
  readonly currentHistogram: NumericHistogram | CategoricalHistogram;
}

function numericStatistic(
  method: DriftMethod,
  reference: PreparedColumn & { kind: 'numeric' },
  current: Float64Array,
): Statistic {
  const ref = reference.snapshot;
  const referenceHistogram = ref.histogram;
  const currentHistogram = binSorted(ref.histogram.edges, current);
  const base = { referenceHistogram, currentHistogram };
  if (ref.count === 0 || current.length === 0) return { ...base, statistic: 0, approximate: false };
  const exact = reference.exact;
  switch (method) {
    case 'ks': {
      if (exact !== undefined) {
        const r = ksTestSorted(exact, current);
        return { ...base, statistic: r.statistic, pValue: r.pValue, approximate: false };
      }
      const d = ksStatisticKnots(ref.quantiles, current);
      return {
        ...base,
        statistic: d,
        pValue: ksPValue(d, ref.count, current.length).pValue,
        approximate: true,
      };
    }
    case 'wasserstein': {
      const w =
        exact !== undefined ? wassersteinSorted(exact, current) : wassersteinKnots(ref.quantiles, current);
      return {
        ...base,
        statistic: normedWasserstein(w, ref.std, ref.mean),
        approximate: exact === undefined,
      };
    }
    case 'psi':
      return {
        ...base,
        statistic: psi(histogramVector(referenceHistogram), histogramVector(currentHistogram)),
        approximate: false,
      };
    default:
      throw new Error(`numericStatistic: ${method} was checked by assertMethodFits`);
  }
}

function categoricalStatistic(
  method: DriftMethod,
  reference: CategoricalHistogram,
  current: ReadonlyMap<string, number>,
  maxNewCategories: number,
): Statistic {
  const known = new Set(reference.categories);
  const categories = [...reference.categories];
  const refCounts = [...reference.counts];
  // A complete reference list means an unseen category is genuinely new and gets its own bin (reference count
  // 0). With a long tail folded into `other`, a value missing from the list may just be rare, so it joins
  // `other` on both sides.
  if (reference.other === 0) {
    const fresh = new Map<string, number>();
    for (const [c, n] of current) if (!known.has(c)) fresh.set(c, n);
    for (const [c] of rankCategories(fresh).slice(0, maxNewCategories)) {
      categories.push(c);
      refCounts.push(0);
    }
  }
  const curCounts = categories.map((c) => current.get(c) ?? 0);
  let curTotal = 0;
  for (const n of current.values()) curTotal += n;
  let listed = 0;
  for (const n of curCounts) listed += n;
  const referenceHistogram: CategoricalHistogram = { categories, counts: refCounts, other: reference.other };
  const currentHistogram: CategoricalHistogram = { categories, counts: curCounts, other: curTotal - listed };
  const r = [...refCounts, reference.other];
  const c = [...curCounts, curTotal - listed];
  const base = { referenceHistogram, currentHistogram, approximate: false };
  switch (method) {
    case 'jensen-shannon':
      return { ...base, statistic: jensenShannonDistance(r, c) };
    case 'chi-square': {
      const t = chiSquareHomogeneity(r, c);
      return { ...base, statistic: t.statistic, pValue: t.pValue };
    }
    case 'psi':
      return { ...base, statistic: psi(r, c) };
    default:
      throw new Error(`categoricalStatistic: ${method} was checked by assertMethodFits`);
  }
}
