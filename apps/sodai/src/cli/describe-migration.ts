import type { MigrationResult } from '../store/migrate-legacy.ts';

/** What `sodai migrate` (and a first open that upgrades) says it copied. */
export function describeMigration(result: MigrationResult): string {
  const counts = Object.entries(result.tables).map(([t, n]) => `${t} ${n.toLocaleString('en')}`);
  const { landed, rejected } = result.ingestions;
  return (
    `migrated ${result.file} to the catalog (row counts checked): ${counts.join(', ')}; ` +
    `ingestion log: ${landed} landed, ${rejected} rejected batches (content hashes checked)`
  );
}
