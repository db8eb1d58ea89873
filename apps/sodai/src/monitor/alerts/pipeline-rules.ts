import { observation, type AlertObservation } from './alert-observation.ts';

const DAY_MS = 86_400_000;

/** A finished weekly run: failed opens the alert, the next success resolves it. */
export function weeklyRunFailed(run: {
  readonly id: string;
  readonly state: 'success' | 'failed';
  readonly error: string | null;
}): AlertObservation {
  const failed = run.state === 'failed';
  return observation(
    'weekly_run_failed',
    failed,
    failed
      ? `weekly run ${run.id} failed: ${run.error ?? 'no error recorded'}`
      : `weekly run ${run.id} succeeded`,
    { run_id: run.id, error: run.error },
    { severity: 'critical' },
  );
}

/**
 * The files a weekly run's ingest refused. A refused file stays where it landed and is refused
 * again by every run, so the alert stays open until the file is replaced or removed; a run that
 * refuses nothing resolves it. The run itself succeeds (the other files, and last week's data,
 * still make a forecast), so without this a refused weekly file showed only in the run's log.
 */
export function batchesRejected(run: {
  readonly id: string;
  readonly rejected: readonly { readonly file: string; readonly message: string }[];
}): AlertObservation {
  const firing = run.rejected.length > 0;
  const files = run.rejected.map((r) => r.file);
  return observation(
    'batch_rejected',
    firing,
    firing
      ? `${files.length} batch file(s) refused by validation, nothing of them stored: ${run.rejected.map((r) => r.message).join('; ')}. Upload the corrected file under the same name (replacing it), or remove it from the landing; the validation report says what is wrong`
      : `weekly run ${run.id} refused no batch file`,
    { run_id: run.id, files },
  );
}

/**
 * The last refused file was removed from the landing: nothing refused is left for a run to read, so
 * the `batch_rejected` alert resolves now rather than at the next weekly run.
 */
export function refusedFilesRemoved(file: string, actor: string): AlertObservation {
  return observation(
    'batch_rejected',
    false,
    `${actor} removed the refused batch file ${file} from the landing; no refused file is left there`,
    { removed: file, actor },
  );
}

/**
 * Weeks inside the data with no purchase at all: a weekly file that never arrived while later ones
 * did. `stale_data` cannot see it (new batches keep landing), and the model trains on a week of
 * zeros as if nobody bought anything. Resolved once a batch fills every such week.
 */
export function missingWeeks(gaps: readonly string[]): AlertObservation {
  const firing = gaps.length > 0;
  return observation(
    'missing_weeks',
    firing,
    firing
      ? `no purchase at all in the week(s) from ${gaps.join(', ')}, between weeks that have data: a weekly batch may be missing; ingest it (it may land after later weeks)`
      : 'every week inside the data has purchases',
    { weeks: [...gaps] },
  );
}

/**
 * Rows of a Postgres source dated at or before its watermark that arrived after it was read: no
 * increment will ever read them, so they are missing from the store without any batch being
 * refused. Fires while the source still says so; once a batch moves the watermark past them it
 * stops, and the resolution says they stayed out.
 */
export function lateSourceRows(
  late: readonly { readonly source: string; readonly rows: number; readonly watermark: string }[],
): AlertObservation {
  const firing = late.length > 0;
  const rows = late.reduce((sum, l) => sum + l.rows, 0);
  return observation(
    'late_source_rows',
    firing,
    firing
      ? `${late.map((l) => `${l.source}: ${l.rows} row(s) dated at or before the watermark ${l.watermark}`).join('; ')} arrived after it was read; increments never read them, so they are not in the store. Ingest them as a file or with --query, and use a watermark column that only grows (an id, or the time a row was inserted)`
      : 'no source holds rows behind its watermark that a run has not read; rows that arrived late before stay out of the store unless ingested by hand',
    { sources: late.map((l) => ({ ...l })), rows },
  );
}

/** The drift task's verdict on the latest complete week. */
export function datasetDrift(verdict: {
  readonly drifted: boolean;
  readonly week: string;
  readonly reason: string;
}): AlertObservation {
  return observation(
    'dataset_drift',
    verdict.drifted,
    verdict.drifted
      ? `dataset drift in the week from ${verdict.week}: ${verdict.reason}`
      : `no drift in the week from ${verdict.week}`,
    { week: verdict.week, reason: verdict.reason },
  );
}

/**
 * The gate's decisions, newest first. Firing when the last `inARow` all rejected the challenger;
 * a promotion resolves. Nothing is said before the gate has decided anything.
 */
export function gateRejections(
  decisions: readonly ('promoted' | 'rejected')[],
  inARow: number,
): AlertObservation | undefined {
  if (decisions.length === 0) return undefined;
  let streak = 0;
  while (streak < decisions.length && decisions[streak] === 'rejected') streak++;
  if (streak > 0 && streak < inARow) return undefined; // not yet, and not over
  const firing = streak >= inARow;
  return observation(
    'gate_rejections',
    firing,
    firing
      ? `the gate rejected the last ${streak} challengers: the champion is ageing`
      : 'the gate promoted a challenger',
    { rejected_in_a_row: streak, bound: inARow },
  );
}

export interface StaleDataInput {
  /** When the newest batch landed (wall clock, epoch ms); null when none ever did. */
  readonly lastIngestAt: number | null;
  /** The newest purchase date in the store (`YYYY-MM-DD`), for the data-time check. */
  readonly lastDataDate: string | null;
  readonly now: number;
  readonly maxDaysSinceBatch: number;
  /** Data-time bound; undefined = not checked. */
  readonly maxDataLagDays?: number | undefined;
}

/**
 * No new batch for N days. Wall-clock time since the last landing is what says a delivery is
 * missing: data time alone fires forever on a replay or a backfill of old weeks. Data time (newest
 * purchase date vs today) is an optional second check, for a feed that keeps landing old rows.
 */
export function staleData(input: StaleDataInput): AlertObservation | undefined {
  if (input.lastIngestAt === null) return undefined;
  const daysSince = (input.now - input.lastIngestAt) / DAY_MS;
  const lagDays =
    input.lastDataDate !== null
      ? (input.now - Date.parse(`${input.lastDataDate.slice(0, 10)}T00:00:00Z`)) / DAY_MS
      : null;
  const wallStale = daysSince > input.maxDaysSinceBatch;
  const dataStale = input.maxDataLagDays !== undefined && lagDays !== null && lagDays > input.maxDataLagDays;
  const firing = wallStale || dataStale;
  const lastLanded = new Date(input.lastIngestAt).toISOString();
  return observation(
    'stale_data',
    firing,
    wallStale
      ? `no new batch for ${daysSince.toFixed(1)} days (last landed ${lastLanded}; bound ${input.maxDaysSinceBatch})`
      : dataStale
        ? `newest purchase is ${lagDays!.toFixed(0)} days old (${input.lastDataDate}; bound ${input.maxDataLagDays})`
        : `a batch landed ${daysSince.toFixed(1)} days ago`,
    {
      last_ingest_at: lastLanded,
      days_since_batch: daysSince,
      last_data_date: input.lastDataDate,
      data_lag_days: lagDays,
    },
  );
}

export interface ApiWindowStats {
  readonly requests: number;
  readonly serverErrors: number;
  /** null when the window is empty. */
  readonly p99Ms: number | null;
  readonly windowMs: number;
}

/** Error rate and p99 over the window; too few requests decide nothing. */
export function apiHealth(
  stats: ApiWindowStats,
  bounds: { readonly minRequests: number; readonly maxErrorRate: number; readonly maxP99Ms: number },
): AlertObservation[] {
  if (stats.requests < bounds.minRequests) return [];
  const rate = stats.serverErrors / stats.requests;
  const minutes = (stats.windowMs / 60_000).toFixed(0);
  const p99 = stats.p99Ms ?? 0;
  return [
    observation(
      'api_error_rate',
      rate > bounds.maxErrorRate,
      `${(rate * 100).toFixed(1)}% of ${stats.requests} requests failed in the last ${minutes} min (bound ${(bounds.maxErrorRate * 100).toFixed(1)}%)`,
      { requests: stats.requests, server_errors: stats.serverErrors, rate, bound: bounds.maxErrorRate },
      { severity: 'critical' },
    ),
    observation(
      'api_latency',
      p99 > bounds.maxP99Ms,
      `p99 latency ${p99.toFixed(0)} ms over the last ${minutes} min (bound ${bounds.maxP99Ms} ms)`,
      { requests: stats.requests, p99_ms: p99, bound_ms: bounds.maxP99Ms },
    ),
  ];
}

/** The prediction log dropped rows since the last check (the store fell behind or failed). */
export function predictionLogDrops(droppedSinceLastCheck: number, droppedTotal: number): AlertObservation {
  const firing = droppedSinceLastCheck > 0;
  return observation(
    'prediction_log_drops',
    firing,
    firing
      ? `the prediction log dropped ${droppedSinceLastCheck} rows (${droppedTotal} since the server started)`
      : 'the prediction log keeps every row again',
    { dropped_since_last_check: droppedSinceLastCheck, dropped_total: droppedTotal },
  );
}
