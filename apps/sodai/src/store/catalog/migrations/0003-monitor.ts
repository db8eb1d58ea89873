import type { Kysely, Migration } from 'kysely';

// Monitoring rows beside the catalog: one value per (week, model version, scorer, metric), so a new
// metric needs no schema change. `week` is the prediction cut-off (YYYY-MM-DD): the 7 days from it.

export const monitorMetrics: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('monitor_realized')
      .addColumn('week', 'text', (c) => c.notNull())
      .addColumn('model_version', 'bigint', (c) => c.notNull())
      .addColumn('scorer', 'text', (c) => c.notNull())
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('days_observed', 'bigint', (c) => c.notNull())
      .addColumn('scored_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('monitor_realized_pk', ['week', 'model_version', 'scorer', 'metric'])
      .execute();

    await db.schema
      .createTable('monitor_estimated')
      .addColumn('week', 'text', (c) => c.notNull())
      .addColumn('model_version', 'bigint', (c) => c.notNull())
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('estimated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('monitor_estimated_pk', ['week', 'model_version', 'metric'])
      .execute();
  },
};
