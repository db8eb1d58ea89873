import { StoreError } from '../store-error.ts';

interface DriverError {
  code?: string;
  constraint?: string;
  message?: string;
}

/**
 * Turns what the database driver threw inside a commit into a StoreError. The checks in `commit`
 * catch nearly every case first; these constraint violations are the backstop when two processes
 * slip between a check and an insert (Postgres reports 23505, better-sqlite3 SQLITE_CONSTRAINT_*).
 */
export function mapCatalogError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const e = (error ?? {}) as DriverError;
  const text = `${e.constraint ?? ''} ${e.message ?? ''}`;
  const unique = e.code === '23505' || (e.code?.startsWith('SQLITE_CONSTRAINT') ?? false);
  if (unique && text.includes('catalog_ingestions')) {
    return new StoreError(
      'DUPLICATE_CONTENT',
      'the same content landed from another process at the same moment',
      {
        cause: error,
      },
    );
  }
  if (unique && text.includes('catalog_files')) {
    return new StoreError(
      'DUPLICATE_FILE',
      `a file of this change is already in the catalog (${e.message})`,
      {
        cause: error,
      },
    );
  }
  if (unique && text.includes('catalog_source_watermarks')) {
    return new StoreError('WATERMARK_CONFLICT', 'another process read the same source rows first', {
      cause: error,
    });
  }
  if ((unique && text.includes('catalog_snapshots')) || e.code === '40001' || e.code === '40P01') {
    return new StoreError(
      'SNAPSHOT_CONFLICT',
      'another commit moved the same table at the same moment; retry',
      {
        cause: error,
      },
    );
  }
  if (e.code === 'SQLITE_BUSY') {
    return new StoreError('CATALOG_ERROR', 'the catalog database stayed locked by another process', {
      cause: error,
    });
  }
  return new StoreError('CATALOG_ERROR', `catalog commit failed: ${e.message ?? String(error)}`, {
    cause: error,
  });
}
