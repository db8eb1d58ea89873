import { sql, type Transaction } from 'kysely';
import { chunks } from '../store/chunks.ts';
import type { MetricPoint } from '../store/records.ts';
import type { Database } from '../store/schema.ts';
import type { SqlDialectName } from '../store/store-context.ts';

/**
 * Appends `points` to a run's metric history and moves each key's latest value forward (never back:
 * a point older by step, then timestamp, than the stored latest leaves it). `latest` holds the newest
 * point per key within `points`. The caller owns the transaction and has checked the run is RUNNING.
 */
export async function insertMetrics(
  trx: Transaction<Database>,
  dialect: SqlDialectName,
  runId: string,
  points: readonly MetricPoint[],
  latest: ReadonlyMap<string, MetricPoint>,
): Promise<void> {
  if (dialect === 'postgres') {
    // Four array parameters instead of five per row: one statement per batch, no parameter limit.
    await sql`insert into metrics (run_id, key, value, step, timestamp)
      select ${runId}, * from unnest(${points.map((p) => p.key)}::text[], ${points.map((p) => p.value)}::float8[],
        ${points.map((p) => p.step)}::int8[], ${points.map((p) => p.timestamp)}::int8[])`.execute(trx);
  } else {
    const rows = points.map((p) => ({
      run_id: runId,
      key: p.key,
      value: p.value,
      step: p.step,
      timestamp: p.timestamp,
    }));
    for (const chunk of chunks(rows)) await trx.insertInto('metrics').values(chunk).execute();
  }
  // One row per key (Postgres refuses to upsert the same row twice in one statement).
  const latestRows = [...latest.values()].map((p) => ({
    run_id: runId,
    key: p.key,
    value: p.value,
    step: p.step,
    timestamp: p.timestamp,
  }));
  for (const chunk of chunks(latestRows)) {
    await trx
      .insertInto('latest_metrics')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .columns(['run_id', 'key'])
          .doUpdateSet({
            value: (eb) => eb.ref('excluded.value'),
            step: (eb) => eb.ref('excluded.step'),
            timestamp: (eb) => eb.ref('excluded.timestamp'),
          })
          .where((eb) =>
            eb.or([
              eb('excluded.step', '>', eb.ref('latest_metrics.step')),
              eb.and([
                eb('excluded.step', '=', eb.ref('latest_metrics.step')),
                eb('excluded.timestamp', '>=', eb.ref('latest_metrics.timestamp')),
              ]),
            ]),
          ),
      )
      .execute();
  }
}
