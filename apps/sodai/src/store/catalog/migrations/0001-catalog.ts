import type { Kysely, Migration } from 'kysely';

// Migrations take Kysely<unknown>: they must not depend on today's schema types, which will drift.
// Types are chosen to mean the same on SQLite and Postgres ("bigint" has INTEGER affinity in SQLite).

export const catalogInitial: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('catalog_tables')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('current_snapshot_id', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('catalog_snapshots')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('table_name', 'text', (c) => c.notNull().references('catalog_tables.name'))
      .addColumn('parent_id', 'text', (c) => c.references('catalog_snapshots.id'))
      .addColumn('sequence', 'bigint', (c) => c.notNull())
      .addColumn('commit_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('operation', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      // Two snapshots of one table can never claim the same place in its history.
      .addUniqueConstraint('catalog_snapshots_table_sequence_uq', ['table_name', 'sequence'])
      .execute();
    await db.schema
      .createIndex('catalog_snapshots_commit_idx')
      .on('catalog_snapshots')
      .column('commit_id')
      .execute();

    await db.schema
      .createTable('catalog_files')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('table_name', 'text', (c) => c.notNull().references('catalog_tables.name'))
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('row_count', 'bigint', (c) => c.notNull())
      .addColumn('byte_count', 'bigint', (c) => c.notNull())
      .addColumn('date_min', 'text')
      .addColumn('date_max', 'text')
      .addColumn('commit_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('catalog_snapshot_files')
      .addColumn('snapshot_id', 'text', (c) => c.notNull().references('catalog_snapshots.id'))
      .addColumn('file_key', 'text', (c) => c.notNull().references('catalog_files.key'))
      .addPrimaryKeyConstraint('catalog_snapshot_files_pk', ['snapshot_id', 'file_key'])
      .execute();
    await db.schema
      .createIndex('catalog_snapshot_files_key_idx')
      .on('catalog_snapshot_files')
      .column('file_key')
      .execute();

    await db.schema
      .createTable('catalog_ingestions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('content_hash', 'text', (c) => c.notNull().unique())
      .addColumn('source_name', 'text', (c) => c.notNull())
      .addColumn('date_min', 'text')
      .addColumn('date_max', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('report_key', 'text')
      .addColumn('message', 'text')
      .addColumn('commit_id', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('catalog_ingestions_created_idx')
      .on('catalog_ingestions')
      .column('created_at')
      .execute();
  },
};
