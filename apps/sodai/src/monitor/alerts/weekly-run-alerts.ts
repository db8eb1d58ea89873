import type { RunRecord, RunStore } from '@sodai/pipeline';
import type { Catalog } from '../../store/catalog/catalog.ts';
import { isLanded } from '../../store/catalog/catalog-records.ts';
import type { AlertObservation } from './alert-observation.ts';
import {
  batchesRejected,
  datasetDrift,
  gateRejections,
  lateSourceRows,
  missingWeeks,
  staleData,
  weeklyRunFailed,
} from './pipeline-rules.ts';

/**
 * The weekly DAG's ids the rules read (a test checks them against the DAG). The monitor may not
 * import the flows, so they are named here.
 */
export const WEEKLY_RUN_TASKS = {
  dagId: 'weekly',
  ingest: 'ingest',
  validate: 'validate',
  drift: 'drift',
  promote: 'promote',
  keepChampion: 'keep_champion',
} as const;

/** How many recent runs the gate streak looks back over. */
const GATE_LOOKBACK_RUNS = 50;

/**
 * What a finished weekly run says: whether it failed, the files its ingest refused, the weeks with
 * no purchase between weeks with data, the drift
 * task's verdict (when it ran) and the gate's streak of rejections over the recent runs.
 */
export async function weeklyRunObservations(
  run: RunRecord,
  runs: RunStore,
  settings: { readonly gateRejectionsInARow: number },
): Promise<AlertObservation[]> {
  if (run.dagId !== WEEKLY_RUN_TASKS.dagId || (run.state !== 'success' && run.state !== 'failed')) return [];
  // The run's own error only lists the failed tasks; the first failed task says why.
  const failedTask =
    run.state === 'failed' ? (await runs.taskInstances(run.id)).find((t) => t.state === 'failed') : undefined;
  const error = failedTask ? `${failedTask.taskId}: ${failedTask.error ?? 'no error recorded'}` : run.error;
  const out: AlertObservation[] = [weeklyRunFailed({ id: run.id, state: run.state, error })];
  const [ingest] = await runs.taskInstances(run.id, [WEEKLY_RUN_TASKS.ingest]);
  if (ingest?.state === 'success') {
    const { rejected, lateRows = [] } = ingest.output as {
      rejected: readonly { file: string; message: string }[];
      // Absent from runs recorded before sources reported late rows.
      lateRows?: readonly { source: string; rows: number; watermark: string }[];
    };
    out.push(batchesRejected({ id: run.id, rejected }), lateSourceRows(lateRows));
  }
  const [validate] = await runs.taskInstances(run.id, [WEEKLY_RUN_TASKS.validate]);
  if (validate?.state === 'success') {
    out.push(missingWeeks((validate.output as { gaps: readonly string[] }).gaps));
  }
  const [drift] = await runs.taskInstances(run.id, [WEEKLY_RUN_TASKS.drift]);
  if (drift?.state === 'success') {
    const verdict = drift.output as { drifted: boolean; week: string; reason: string };
    out.push(datasetDrift(verdict));
  }
  const decisions = await gateDecisions(runs);
  const gate = gateRejections(decisions, settings.gateRejectionsInARow);
  if (gate) out.push(gate);
  return out;
}

/** The gate's decisions of recent weekly runs, newest first; runs that did not train are left out. */
async function gateDecisions(runs: RunStore): Promise<('promoted' | 'rejected')[]> {
  const recent = await runs.listRuns({
    dagId: WEEKLY_RUN_TASKS.dagId,
    states: ['success', 'failed'],
    limit: GATE_LOOKBACK_RUNS,
  });
  const out: ('promoted' | 'rejected')[] = [];
  for (const r of recent) {
    const tasks = await runs.taskInstances(r.id, [WEEKLY_RUN_TASKS.promote, WEEKLY_RUN_TASKS.keepChampion]);
    const done = (id: string) => tasks.some((t) => t.taskId === id && t.state === 'success');
    if (done(WEEKLY_RUN_TASKS.promote)) out.push('promoted');
    else if (done(WEEKLY_RUN_TASKS.keepChampion)) out.push('rejected');
  }
  return out;
}

/**
 * Stale data from the catalog: the wall-clock time the transactions table last changed (a batch
 * landed) and the newest purchase date of the landed batches.
 */
export async function staleDataObservation(
  catalog: Catalog,
  now: number,
  settings: { readonly staleDataDays: number; readonly staleDataLagDays?: number | undefined },
): Promise<AlertObservation | undefined> {
  const table = (await catalog.tables()).find((t) => t.name === 'transactions');
  if (!table?.currentSnapshotId) return undefined;
  const landed = (await catalog.listIngestions()).filter((i) => isLanded(i.status) && i.dateMax);
  const lastDataDate =
    landed
      .map((i) => i.dateMax!)
      .sort()
      .at(-1) ?? null;
  return staleData({
    lastIngestAt: table.updatedAt,
    lastDataDate,
    now,
    maxDaysSinceBatch: settings.staleDataDays,
    maxDataLagDays: settings.staleDataLagDays,
  });
}
