import { sql, type Kysely } from 'kysely';
import { requireArgument } from '../errors.ts';
import type { Run } from '../store/records.ts';
import { toRun } from '../store/row-mappers.ts';
import type { Database } from '../store/schema.ts';
import { COMPARISON_OPS, type RunOrder, type RunSearch } from './run-filter.ts';

const MAX_SEARCH_LIMIT = 10_000;

/** Runs matching `search`, as one SQL query: filters on metrics, params and tags become EXISTS clauses. */
export async function searchRuns(db: Kysely<Database>, search: RunSearch): Promise<Run[]> {
  const limit = search.limit ?? 100;
  requireArgument(
    Number.isInteger(limit) && limit > 0 && limit <= MAX_SEARCH_LIMIT,
    'limit',
    'must be 1..10000',
  );
  const offset = search.offset ?? 0;
  requireArgument(Number.isInteger(offset) && offset >= 0, 'offset', 'must be a non-negative integer');
  let q = db.selectFrom('runs').selectAll('runs');
  if (search.experimentIds) {
    if (search.experimentIds.length === 0) return [];
    q = q.where('runs.experiment_id', 'in', [...search.experimentIds]);
  }
  if (search.statuses) {
    if (search.statuses.length === 0) return [];
    q = q.where('runs.status', 'in', [...search.statuses]);
  }
  if (search.parentRunId === null) q = q.where('runs.parent_run_id', 'is', null);
  else if (search.parentRunId !== undefined) q = q.where('runs.parent_run_id', '=', search.parentRunId);
  for (const c of search.where ?? []) {
    // The operator is spliced as raw SQL, so it must come from the whitelist.
    requireArgument(COMPARISON_OPS.includes(c.op), 'where.op', `unknown operator ${c.op}`);
    requireArgument(
      c.kind !== 'metric' || Number.isFinite(c.value),
      'where.value',
      'metric values are numbers',
    );
    const table = sql.table(fieldTable(c.kind));
    q = q.where(
      sql<boolean>`exists (select 1 from ${table} f where f.run_id = runs.id and f.key = ${c.key} and f.value ${sql.raw(c.op)} ${c.value})`,
    );
  }
  for (const o of search.orderBy ?? [])
    q = q.orderBy(orderExpression(o), (ob) => (o.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast());
  q = q.orderBy('runs.start_time', 'desc').orderBy('runs.id');
  const rows = await q.limit(limit).offset(offset).execute();
  return rows.map(toRun);
}

function fieldTable(kind: 'metric' | 'param' | 'tag'): 'latest_metrics' | 'params' | 'tags' {
  return kind === 'metric' ? 'latest_metrics' : kind === 'param' ? 'params' : 'tags';
}

function orderExpression(o: RunOrder) {
  const f = o.field;
  if (f.kind === 'attribute') {
    const col = { startTime: 'start_time', endTime: 'end_time', name: 'name' }[f.key];
    return sql.ref(`runs.${col}`);
  }
  return sql`(select o.value from ${sql.table(fieldTable(f.kind))} o where o.run_id = runs.id and o.key = ${f.key})`;
}
