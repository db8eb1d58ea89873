import { isContentHash } from '../object-store/content-hash.ts';
import { validateKey } from '../object-store/object-key.ts';
import { StoreError } from '../store-error.ts';
import type { CatalogChange, IngestionClaim, NewFile } from './catalog-records.ts';

const TABLE_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function invalid(message: string): never {
  throw new StoreError('INVALID_CHANGE', message);
}

function checkDate(value: string | undefined, where: string): void {
  if (value === undefined) return;
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    invalid(`${where}: "${value}" is not a YYYY-MM-DD date`);
  }
}

function checkRange(min: string | undefined, max: string | undefined, where: string): void {
  checkDate(min, `${where} dateMin`);
  checkDate(max, `${where} dateMax`);
  if ((min === undefined) !== (max === undefined))
    invalid(`${where}: give both dateMin and dateMax, or neither`);
  if (min !== undefined && max !== undefined && min > max)
    invalid(`${where}: dateMin ${min} is after dateMax ${max}`);
}

function checkFile(file: NewFile, where: string): void {
  try {
    validateKey(file.key);
  } catch (error) {
    invalid(`${where}: ${(error as Error).message}`);
  }
  if (!isContentHash(file.contentHash)) invalid(`${where}: contentHash must be sha256:<64 hex>`);
  for (const field of ['rows', 'bytes'] as const) {
    if (!Number.isSafeInteger(file[field]) || file[field] < 0) {
      invalid(`${where}: ${field} must be a non-negative integer`);
    }
  }
  checkRange(file.dateMin, file.dateMax, where);
}

function checkIngestion(ingestion: IngestionClaim): void {
  if (!isContentHash(ingestion.contentHash)) invalid('ingestion: contentHash must be sha256:<64 hex>');
  if (ingestion.sourceName.trim() === '') invalid('ingestion: sourceName is empty');
  checkRange(ingestion.dateMin, ingestion.dateMax, 'ingestion');
}

/** Rejects a malformed change (INVALID_CHANGE) before any transaction starts. */
export function validateChange(change: CatalogChange): void {
  if (change.operation.trim() === '') invalid('operation is empty');
  if (change.tables.length === 0) invalid('a change must touch at least one table');
  const tables = new Set<string>();
  const keys = new Set<string>();
  for (const table of change.tables) {
    if (!TABLE_NAME.test(table.table)) invalid(`table name "${table.table}" must be a lower-case identifier`);
    if (tables.has(table.table)) invalid(`table ${table.table} appears twice in one change`);
    tables.add(table.table);
    if (table.mode === 'replace' && (table.remove?.length ?? 0) > 0) {
      invalid(`table ${table.table}: "remove" has no meaning in replace mode`);
    }
    table.add.forEach((file, i) => {
      checkFile(file, `table ${table.table} file ${i} (${file.key})`);
      if (keys.has(file.key)) invalid(`file ${file.key} is added twice in one change`);
      keys.add(file.key);
    });
  }
  if (change.ingestion) checkIngestion(change.ingestion);
}
