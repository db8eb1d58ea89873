import path from 'node:path';
import { createReference, detectDrift, parseReference, type DriftReport } from '@sodai/drift';
import { isTrackingError, type TrackingClient } from '@sodai/tracking';
import { queryRows } from '../store/duckdb.ts';
import type { DatasetMatrix } from '../features/dataset-matrix.ts';
import type { LoadedPurchaseModel } from '../model/registry.ts';
import { featureColumns, labelCounts, weekTransactionColumns } from '../model/drift-reference.ts';
import { REFERENCE_ARTIFACT, TRANSACTIONS_REFERENCE_ARTIFACT } from './train.ts';
import { addDays } from '../features/cutoff-plan.ts';
import { weeksBetween } from '../model/retrain-policy.ts';
import type { WeekContext } from './week-context.ts';
import { scoreMatrix } from '../features/xgb-matrix.ts';
import { writeFileAtomic } from '../store/atomic-write.ts';
import { reportObjectKey } from '../store/stored-reports.ts';

export interface DriftCheck {
  readonly drifted: boolean;
  readonly reason: string;
  /** The week compared (its cut-off). */
  readonly week: string;
  readonly championVersion?: number;
  readonly seasonal: boolean;
  readonly reportPath?: string;
  readonly report?: DriftReport;
  readonly lines?: DriftReport;
}

async function weekMatrix(
  week: WeekContext,
  cutoff: string,
): Promise<{ matrix: DatasetMatrix; missed: number }> {
  await week.datasets.ensure([cutoff]);
  return {
    matrix: await week.datasets.matrix([cutoff]),
    missed: (await week.datasets.missed([cutoff])).total,
  };
}

/**
 * The verdict, and for each drifted column its statistic against its threshold and where that came from,
 * so an alert says how far over the line a column went.
 */
function withThresholds(report: DriftReport): string {
  const over = report.columns
    .filter((c) => c.drifted)
    .map((c) => {
      if (!c.distributionDrifted) return `${c.name}: missing share moved`;
      const crossed =
        c.pValue === undefined
          ? `${c.statistic.toPrecision(3)} > ${c.threshold.toPrecision(3)}`
          : `p ${c.pValue.toPrecision(3)} < ${c.threshold}`;
      return `${c.name} ${c.method} ${crossed} (${c.thresholdSource} threshold)`;
    });
  return over.length === 0 ? report.verdict.reason : `${report.verdict.reason} [${over.join('; ')}]`;
}

/**
 * Compares the latest complete week (its inputs, the champion's scores on it and its purchase rate)
 * with the reference saved with the champion. When the store reaches a year further back, the same
 * week a year earlier is a seasonal reference: a change that also happened then is not drift.
 */
export async function checkDrift(
  ctx: WeekContext,
  tracking: TrackingClient,
  champion: LoadedPurchaseModel | undefined,
  reportsDir: string,
): Promise<DriftCheck> {
  const { connection } = ctx;
  const week = ctx.plan.testCutoff;
  if (!champion)
    return { drifted: false, reason: 'no champion yet: nothing to compare with', week, seasonal: false };
  // The reference saved with a version is its own test week: right after training (a first run,
  // or no new data since) the week to check is that very week, and comparing it with itself says
  // nothing.
  if (champion.version.signature?.testCutoff === week) {
    return {
      drifted: false,
      reason: `no reference yet: champion v${champion.version.version}'s reference is this same week; drift is checked from the next week on`,
      week,
      championVersion: champion.version.version,
      seasonal: false,
    };
  }
  const artifact = async (name: string) => {
    try {
      const bytes = await tracking.readArtifact(champion.version.runId, name);
      return parseReference(JSON.parse(Buffer.from(bytes).toString('utf8')));
    } catch (error) {
      if (isTrackingError(error, 'ARTIFACT_NOT_FOUND')) return undefined;
      throw error;
    }
  };
  const reference = await artifact(REFERENCE_ARTIFACT);
  const transactionsReference = await artifact(TRANSACTIONS_REFERENCE_ARTIFACT);
  if (!reference || !transactionsReference) {
    return {
      drifted: false,
      reason: `champion v${champion.version.version} has no drift reference saved with it: nothing to compare`,
      week,
      championVersion: champion.version.version,
      seasonal: false,
    };
  }
  const current = await weekMatrix(ctx, week);
  const predictions = scoreMatrix(champion.booster, current.matrix);
  const lastYear = addDays(week, -364);
  const [bounds] = await queryRows(
    connection,
    'SELECT min(purchase_date)::VARCHAR AS first FROM transactions',
  );
  const seasonalAvailable = String(bounds?.first ?? '9999') <= addDays(lastYear, -7);
  const seasonalReference = seasonalAvailable
    ? createReference(featureColumns((await weekMatrix(ctx, lastYear)).matrix))
    : undefined;
  // Weeks since the reference, so calibrated thresholds use the spread learnt for that distance.
  const referenceWeek = champion.version.signature?.testCutoff;
  const lag =
    typeof referenceWeek === 'string' ? Math.max(1, Math.ceil(weeksBetween(referenceWeek, week))) : undefined;
  const sinceReference = lag === undefined ? {} : { lag };
  const report = detectDrift(reference, featureColumns(current.matrix), {
    ...sinceReference,
    predictions,
    labels: labelCounts(current.matrix, current.missed),
    ...(seasonalReference ? { seasonalReference } : {}),
  });
  // Features are cumulative (4, 12, 52-week windows) and react slowly; the week's own lines show a
  // change in basket sizes or product mix at once.
  const seasonalLines = seasonalAvailable
    ? createReference(await weekTransactionColumns(connection, lastYear))
    : undefined;
  const lines = detectDrift(transactionsReference, await weekTransactionColumns(connection, week), {
    ...sinceReference,
    ...(seasonalLines ? { seasonalReference: seasonalLines } : {}),
    // References saved before quantities were compared on a log scale hold raw `line_items`.
    columns: { line_items: { ignore: true } },
  });
  const drifted = report.verdict.drifted || lines.verdict.drifted;
  const reason = `features: ${withThresholds(report)}; this week's lines: ${withThresholds(lines)}`;
  const name = `drift-${week}-v${champion.version.version}`;
  const reportPath = path.join(reportsDir, `${name}.json`);
  const text = `${JSON.stringify({ week, championVersion: champion.version.version, drifted, reason, features: report, lines }, null, 2)}\n`;
  // The store's copy is the one the server and the chat read, wherever this check ran (a worker).
  if (ctx.store) await ctx.store.shared.objects.put(reportObjectKey('drift', name), text);
  writeFileAtomic(reportPath, text);
  return {
    drifted,
    reason,
    lines,
    week,
    championVersion: champion.version.version,
    seasonal: seasonalReference !== undefined,
    reportPath,
    report,
  };
}
