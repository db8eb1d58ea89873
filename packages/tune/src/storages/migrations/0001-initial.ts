import type { Kysely, Migration } from 'kysely';
import type { SqlDialectName } from '../sql-schema.ts';

/**
 * The study, trial, param, value and user-attribute tables. `ifNotExists` stays on purpose: databases
 * made before migrations were versioned already hold these tables, and this baseline adopts them.
 */
export const initial = (dialect: SqlDialectName): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    const idColumn = dialect === 'sqlite' ? 'integer' : 'serial';
    await db.schema
      .createTable('tune_studies')
      .ifNotExists()
      .addColumn('id', idColumn, (c) =>
        dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
      )
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('created_at_ms', 'double precision', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('tune_trials')
      .ifNotExists()
      .addColumn('id', idColumn, (c) =>
        dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
      )
      .addColumn('study_id', 'integer', (c) => c.notNull().references('tune_studies.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision')
      .addColumn('error', 'text')
      .addColumn('fixed_params', 'text', (c) => c.notNull())
      .addColumn('started_at_ms', 'double precision')
      .addColumn('heartbeat_at_ms', 'double precision')
      .addColumn('completed_at_ms', 'double precision')
      .addUniqueConstraint('tune_trials_study_number', ['study_id', 'number'])
      .execute();
    await db.schema
      .createIndex('tune_trials_study_state')
      .ifNotExists()
      .on('tune_trials')
      .columns(['study_id', 'state'])
      .execute();
    for (const [table, key] of [
      ['tune_trial_params', 'name'],
      ['tune_trial_user_attrs', 'key'],
    ] as const) {
      await db.schema
        .createTable(table)
        .ifNotExists()
        .addColumn('trial_id', 'integer', (c) => c.notNull().references('tune_trials.id').onDelete('cascade'))
        .addColumn(key, 'text', (c) => c.notNull())
        .$call((b) =>
          table === 'tune_trial_params' ? b.addColumn('distribution', 'text', (c) => c.notNull()) : b,
        )
        .addColumn('value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint(`${table}_pk`, ['trial_id', key])
        .execute();
    }
    await db.schema
      .createTable('tune_trial_values')
      .ifNotExists()
      .addColumn('trial_id', 'integer', (c) => c.notNull().references('tune_trials.id').onDelete('cascade'))
      .addColumn('step', 'integer', (c) => c.notNull())
      .addColumn('value', 'double precision')
      .addPrimaryKeyConstraint('tune_trial_values_pk', ['trial_id', 'step'])
      .execute();
  },
});
