import type { Kysely, Migration } from 'kysely';

export type StoreDialect = 'sqlite' | 'postgres';

/** Timestamps are bigint so Postgres holds epoch ms; SQLite integers are 64-bit anyway. */
export const initial = (dialect: StoreDialect): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('pipeline_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dag_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('trigger', 'text', (c) => c.notNull())
      .addColumn('run_key', 'text')
      .addColumn('params_json', 'text', (c) => c.notNull())
      .addColumn('logical_date', 'bigint', (c) => c.notNull())
      .addColumn('dag_json', 'text', (c) => c.notNull())
      .addColumn('owner', 'text')
      .addColumn('error', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('started_at', 'bigint')
      .addColumn('finished_at', 'bigint')
      .execute();
    // NULL keys never collide, so only schedule/backfill runs are unique per logical date.
    await db.schema
      .createIndex('pipeline_runs_key')
      .unique()
      .on('pipeline_runs')
      .columns(['dag_id', 'run_key'])
      .execute();
    await db.schema
      .createIndex('pipeline_runs_dag_state')
      .on('pipeline_runs')
      .columns(['dag_id', 'state'])
      .execute();
    await db.schema.createIndex('pipeline_runs_state').on('pipeline_runs').column('state').execute();
    await db.schema
      .createTable('pipeline_task_instances')
      .addColumn('run_id', 'text', (c) => c.notNull().references('pipeline_runs.id').onDelete('cascade'))
      .addColumn('task_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('output_json', 'text')
      .addColumn('error', 'text')
      .addColumn('started_at', 'bigint')
      .addColumn('finished_at', 'bigint')
      .addPrimaryKeyConstraint('pipeline_task_instances_pk', ['run_id', 'task_id'])
      .execute();
    await db.schema
      .createTable('pipeline_task_logs')
      .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => c.primaryKey())
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addColumn('task_id', 'text', (c) => c.notNull())
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('pipeline_task_logs_task')
      .on('pipeline_task_logs')
      .columns(['run_id', 'task_id', 'id'])
      .execute();
    await db.schema
      .createTable('pipeline_sensor_seen')
      .addColumn('sensor_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('seen_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('pipeline_sensor_seen_pk', ['sensor_id', 'key'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const t of [
      'pipeline_sensor_seen',
      'pipeline_task_logs',
      'pipeline_task_instances',
      'pipeline_runs',
    ]) {
      await db.schema.dropTable(t).ifExists().execute();
    }
  },
});
