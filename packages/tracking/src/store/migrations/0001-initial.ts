import type { Kysely, Migration } from 'kysely';

// Migrations take Kysely<unknown>: they must not depend on today's schema types, which will drift.
// Column types are chosen to mean the same thing on SQLite and Postgres ("double precision" has REAL
// affinity in SQLite; "bigint" INTEGER affinity).

export const initial: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('experiments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('experiment_id', 'text', (c) => c.notNull().references('experiments.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('start_time', 'bigint', (c) => c.notNull())
      .addColumn('end_time', 'bigint')
      .addColumn('parent_run_id', 'text', (c) => c.references('runs.id'))
      .addColumn('host', 'text', (c) => c.notNull())
      .addColumn('pid', 'integer', (c) => c.notNull())
      .addColumn('heartbeat_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('runs_experiment_idx')
      .on('runs')
      .columns(['experiment_id', 'start_time'])
      .execute();
    await db.schema.createIndex('runs_status_idx').on('runs').column('status').execute();
    await db.schema.createIndex('runs_parent_idx').on('runs').column('parent_run_id').execute();

    for (const table of ['params', 'tags']) {
      await db.schema
        .createTable(table)
        .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint(`${table}_pk`, ['run_id', 'key'])
        .execute();
    }

    // No primary key on metrics: the same (key, step) may legitimately be logged twice.
    await db.schema
      .createTable('metrics')
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('step', 'bigint', (c) => c.notNull())
      .addColumn('timestamp', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('metrics_run_key_step_idx')
      .on('metrics')
      .columns(['run_id', 'key', 'step'])
      .execute();

    await db.schema
      .createTable('latest_metrics')
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('step', 'bigint', (c) => c.notNull())
      .addColumn('timestamp', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('latest_metrics_pk', ['run_id', 'key'])
      .execute();
    await db.schema
      .createIndex('latest_metrics_key_value_idx')
      .on('latest_metrics')
      .columns(['key', 'value'])
      .execute();

    await db.schema
      .createTable('artifacts')
      .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id'))
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('digest', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'bigint', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('artifacts_pk', ['run_id', 'path'])
      .execute();

    await db.schema
      .createTable('dataset_inputs')
      .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('digest', 'text', (c) => c.notNull())
      .addColumn('schema_json', 'text', (c) => c.notNull())
      .addColumn('row_count', 'bigint')
      .addColumn('context', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('dataset_inputs_pk', ['run_id', 'name', 'digest', 'context'])
      .execute();
    await db.schema.createIndex('dataset_inputs_digest_idx').on('dataset_inputs').column('digest').execute();

    await db.schema
      .createTable('registered_models')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('model_versions')
      .addColumn('model_name', 'text', (c) => c.notNull().references('registered_models.name'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id'))
      .addColumn('artifact_path', 'text', (c) => c.notNull())
      .addColumn('artifact_digest', 'text', (c) => c.notNull())
      .addColumn('signature_json', 'text')
      .addColumn('metrics_json', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('model_versions_pk', ['model_name', 'version'])
      .execute();

    await db.schema
      .createTable('model_aliases')
      .addColumn('model_name', 'text', (c) => c.notNull().references('registered_models.name'))
      .addColumn('alias', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('model_aliases_pk', ['model_name', 'alias'])
      .execute();

    await db.schema
      .createTable('alias_history')
      .addColumn('model_name', 'text', (c) => c.notNull().references('registered_models.name'))
      .addColumn('alias', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'bigint')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('gate_json', 'text')
      .addPrimaryKeyConstraint('alias_history_pk', ['model_name', 'alias', 'seq'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const t of [
      'alias_history',
      'model_aliases',
      'model_versions',
      'registered_models',
      'dataset_inputs',
      'artifacts',
      'latest_metrics',
      'metrics',
      'tags',
      'params',
      'runs',
      'experiments',
    ]) {
      await db.schema.dropTable(t).execute();
    }
  },
};
