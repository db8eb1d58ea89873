import { isTrackingError, type TrackingClient } from '@sodai/tracking';
import { MODEL_NAME } from '../../model/registry.ts';
import type { MonitorRecords } from '../../store/catalog/monitor-records.ts';
import { realizedWeeks, type RealizedWeek } from '../realized-performance.ts';
import type { RealizedF1Source, RealizedF1Week } from './realized-rules.ts';

/** The part of the tracking client the source reads: a version's record and its run's metrics. */
export type TestF1Tracking = Pick<TrackingClient, 'registry' | 'getRunDetails' | 'close'>;

export interface RealizedSourceOptions {
  /** Opens the catalog's monitor rows for one read; `release` gives back what was opened. */
  readonly openMonitor: () => Promise<{ readonly records: MonitorRecords; release(): Promise<void> }>;
  /** Opened only when some week was scored, and closed after the lookups. */
  readonly openTracking: () => Promise<TestF1Tracking>;
}

/**
 * Per scored week, the model version that served it (the newest that predicted the week) against
 * the week's best rule. Weeks a fallback rule served, or without a best rule yet, say nothing about
 * a model and are left out.
 */
export function servedModelWeeks(
  weeks: readonly RealizedWeek[],
): { readonly week: string; readonly version: number; readonly f1: number; readonly bestRuleF1: number }[] {
  const out = [];
  for (const week of weeks) {
    const served = week.served.find((s) => s.scorer === 'model' && s.metrics.f1 !== undefined);
    const bestRuleF1 = week.bestRule?.metrics.f1;
    if (!served || bestRuleF1 === undefined) continue;
    out.push({ week: week.week, version: served.version, f1: served.metrics.f1!, bestRuleF1 });
  }
  return out;
}

/**
 * The `test_f1` its training run logged, or null when the version, its run or the metric is gone
 * (a version registered by hand has none); any other failure of the registry is the caller's.
 */
export async function versionTestF1(
  tracking: Pick<TrackingClient, 'registry' | 'getRunDetails'>,
  version: number,
): Promise<number | null> {
  try {
    const record = await tracking.registry.getModelVersion(MODEL_NAME, version);
    const details = await tracking.getRunDetails(record.runId);
    return details.latestMetrics.find((m) => m.key === 'test_f1')?.value ?? null;
  } catch (error) {
    if (isTrackingError(error, 'MODEL_NOT_FOUND', 'VERSION_NOT_FOUND', 'RUN_NOT_FOUND')) return null;
    throw error;
  }
}

/**
 * The realized rules' input from the catalog's monitor rows and the registry's test metrics. Both
 * are opened inside each call and closed before it returns, so the process holding the source
 * (a CLI, the orchestrator) keeps no connection between weekly runs.
 *
 * @example
 * const realized = realizedF1Source({ openMonitor, openTracking });
 * const weeks = await realized(); // [{ week: '2024-06-03', version: 4, f1: 0.41, bestRuleF1: 0.44, testF1: 0.47 }]
 */
export function realizedF1Source(options: RealizedSourceOptions): RealizedF1Source {
  return async () => {
    const monitor = await options.openMonitor();
    let scored: ReturnType<typeof servedModelWeeks>;
    try {
      scored = servedModelWeeks(await realizedWeeks(monitor.records));
    } finally {
      await monitor.release();
    }
    if (scored.length === 0) return [];
    const tracking = await options.openTracking();
    const testF1 = new Map<number, number | null>();
    try {
      for (const version of new Set(scored.map((w) => w.version))) {
        testF1.set(version, await versionTestF1(tracking, version));
      }
    } finally {
      await tracking.close();
    }
    return scored.map((w): RealizedF1Week => ({ ...w, testF1: testF1.get(w.version) ?? null }));
  };
}
