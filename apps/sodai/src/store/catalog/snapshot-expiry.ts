import type { ExpressionBuilder, Kysely } from 'kysely';
import type { CatalogDialect } from './catalog.ts';
import type { CatalogDatabase } from './catalog-schema.ts';

type SelectFrom = ExpressionBuilder<
  CatalogDatabase & { s: CatalogDatabase['catalog_snapshots'] },
  's'
>['selectFrom'];

/** The successor of snapshot `s` (alias `s` in the outer query), if it was committed before `before`. */
function supersededBefore(selectFrom: SelectFrom, before: number) {
  return selectFrom('catalog_snapshots as next')
    .select('next.id')
    .whereRef('next.table_name', '=', 's.table_name')
    .where(({ eb, ref }) => eb('next.sequence', '=', eb(ref('s.sequence'), '+', 1)))
    .where('next.created_at', '<', before);
}

/** A data file no snapshot lists any more: its object can be deleted. */
export interface ReleasedFile {
  readonly key: string;
  readonly bytes: number;
}

/**
 * Forgets `table`'s snapshots that stopped being current before `before` (their successor was
 * committed before it), in one transaction, and returns the files no remaining snapshot lists (their
 * catalog rows go too; the caller deletes the objects). A reader that opened a snapshot shortly
 * before it was superseded may still read its files, so age counts from the successor, not from the
 * snapshot's own commit. The oldest kept snapshot loses its parent: history before the horizon is
 * gone. Only for tables nobody time-travels (the prediction log, the quarantine): elsewhere a
 * snapshot is lineage.
 */
export async function expireSnapshots(
  db: Kysely<CatalogDatabase>,
  dialect: CatalogDialect,
  table: string,
  before: number,
): Promise<ReleasedFile[]> {
  return db.transaction().execute(async (trx) => {
    let lock = trx.selectFrom('catalog_tables').select('current_snapshot_id').where('name', '=', table);
    // A commit on the table waits until the expiry is done, so its parent is never half-forgotten.
    if (dialect === 'postgres') lock = lock.forUpdate();
    const current = (await lock.executeTakeFirst())?.current_snapshot_id ?? null;
    if (current === null) return [];
    const expired = (
      await trx
        .selectFrom('catalog_snapshots as s')
        .select('s.id')
        .where('s.table_name', '=', table)
        .where('s.id', '!=', current)
        .where(({ exists, selectFrom }) => exists(supersededBefore(selectFrom, before)))
        .execute()
    ).map((r) => r.id);
    if (expired.length === 0) return [];
    for (let i = 0; i < expired.length; i += 500) {
      const ids = expired.slice(i, i + 500);
      await trx
        .updateTable('catalog_snapshots')
        .set({ parent_id: null })
        .where('parent_id', 'in', ids)
        .where('id', 'not in', ids)
        .execute();
      await trx.deleteFrom('catalog_snapshot_files').where('snapshot_id', 'in', ids).execute();
    }
    for (let i = 0; i < expired.length; i += 500) {
      await trx
        .deleteFrom('catalog_snapshots')
        .where('id', 'in', expired.slice(i, i + 500))
        .execute();
    }
    const released = await trx
      .selectFrom('catalog_files as f')
      .select(['f.key', 'f.byte_count'])
      .where('f.table_name', '=', table)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('catalog_snapshot_files as sf')
              .select('sf.file_key')
              .whereRef('sf.file_key', '=', 'f.key'),
          ),
        ),
      )
      .orderBy('f.key')
      .execute();
    for (let i = 0; i < released.length; i += 500) {
      await trx
        .deleteFrom('catalog_files')
        .where(
          'key',
          'in',
          released.slice(i, i + 500).map((r) => r.key),
        )
        .execute();
    }
    return released.map((r) => Object.freeze({ key: r.key, bytes: Number(r.byte_count) }));
  });
}

/**
 * What {@link expireSnapshots} with the same arguments would release now: files of `table` that only
 * snapshots superseded before `before` list, or none at all.
 */
export async function releasableFiles(
  db: Kysely<CatalogDatabase>,
  table: string,
  before: number,
): Promise<ReleasedFile[]> {
  const current =
    (
      await db
        .selectFrom('catalog_tables')
        .select('current_snapshot_id')
        .where('name', '=', table)
        .executeTakeFirst()
    )?.current_snapshot_id ?? null;
  if (current === null) return [];
  const rows = await db
    .selectFrom('catalog_files as f')
    .select(['f.key', 'f.byte_count'])
    .where('f.table_name', '=', table)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('catalog_snapshot_files as sf')
            .innerJoin('catalog_snapshots as s', 's.id', 'sf.snapshot_id')
            .select('sf.file_key')
            .whereRef('sf.file_key', '=', 'f.key')
            .where(({ or, eb, not, exists, selectFrom: inner }) =>
              or([eb('s.id', '=', current), not(exists(supersededBefore(inner, before)))]),
            ),
        ),
      ),
    )
    .orderBy('f.key')
    .execute();
  return rows.map((r) => Object.freeze({ key: r.key, bytes: Number(r.byte_count) }));
}
