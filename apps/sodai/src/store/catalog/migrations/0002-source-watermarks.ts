import type { Kysely, Migration } from 'kysely';

/**
 * Where each incremental source (a Postgres table read by a watermark column) got to. Moved in the
 * same transaction as the ingest that read up to it, so a batch and its watermark land together.
 */
export const sourceWatermarks: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('catalog_source_watermarks')
      .addColumn('source_id', 'text', (c) => c.primaryKey())
      .addColumn('watermark', 'text', (c) => c.notNull())
      .addColumn('commit_id', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
