import type { Kysely, Migration } from 'kysely';

/**
 * How many rows of the source were at or before its watermark when the batch that moved it was read.
 * A later count above it means rows arrived late, dated at or before the watermark: no increment
 * reads them, so the next read says so. Null for watermarks moved before this column existed.
 */
export const watermarkRowCounts: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('catalog_source_watermarks').addColumn('rows_through', 'bigint').execute();
  },
};
