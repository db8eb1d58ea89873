import type { TrackingClient } from '@sodai/tracking';
import { MODEL_NAME } from '../../src/model/registry.ts';
import type { RealizedMetricRow } from '../../src/store/catalog/monitor-records.ts';

/**
 * A scored week's realized rows as the weekly scoring writes them: the served scorer's F1 and the
 * chosen rule's F1 (`chosen = 1` marks the best rule).
 */
export function scoredWeekRows(
  week: string,
  served: { readonly version: number; readonly f1: number; readonly scorer?: 'model' | 'fallback' },
  bestRuleF1: number | undefined,
): RealizedMetricRow[] {
  const row = (version: number, scorer: string, metric: string, value: number): RealizedMetricRow => ({
    week,
    version,
    scorer,
    metric,
    value,
    daysObserved: 7,
  });
  const rows = [row(served.version, served.scorer ?? 'model', 'f1', served.f1)];
  if (bestRuleF1 !== undefined) {
    rows.push(row(0, 'rule:last_week', 'f1', bestRuleF1), row(0, 'rule:last_week', 'chosen', 1));
  }
  return rows;
}

/** Registers a model version whose training run logged `test_f1` (none when null). */
export async function registerVersion(tracking: TrackingClient, testF1: number | null): Promise<number> {
  const run = await tracking.startRun({ experiment: 'realized-alerts-test' });
  if (testF1 !== null) await run.logMetrics({ test_f1: testF1 });
  await run.logArtifact('model.ubj', Buffer.from('not a real booster'), 'application/ubjson');
  await run.end('FINISHED');
  const { version } = await tracking.registry.createModelVersion({
    modelName: MODEL_NAME,
    runId: run.id,
    artifactPath: 'model.ubj',
  });
  return version;
}
