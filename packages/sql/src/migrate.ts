import { Migrator, type Kysely, type MigratorProps } from 'kysely';

/** What {@link migrateShared} did: applied this version's pending migrations, or found newer ones. */
export interface SharedMigrationResult {
  /** Migrations applied now (none when the database was already at or past this version). */
  readonly applied: readonly string[];
  /**
   * Migrations the database holds that this version does not know: a newer version of the program
   * migrated it. This version runs on, as the newer migrations only add (see below).
   */
  readonly newer: readonly string[];
  /** Set when migrating failed; `failed` names the migration when one did. */
  readonly error?: unknown;
  readonly failed?: string;
}

const DEFAULT_TABLE = 'kysely_migration';
const warned = new Set<string>();

/** Once per migration table and process: an operator should upgrade the older machines. */
function warnNewer(table: string, newer: readonly string[]): void {
  if (warned.has(table)) return;
  warned.add(table);
  process.emitWarning(
    `${table}: the database was migrated by a newer version (${newer.join(', ')}); this older one goes on, upgrade it`,
    { type: 'SchemaNewerThanProgram' },
  );
}

/** The names in the migration table, or none when it does not exist yet (a new database). */
async function executedNames(
  db: Kysely<unknown>,
  table: string,
  schema: string | undefined,
): Promise<string[]> {
  const scoped = schema ? db.withSchema(schema) : db;
  try {
    const rows = await (scoped as Kysely<Record<string, { name: string }>>)
      .selectFrom(table)
      .select('name')
      .execute();
    return rows.map((r) => r.name);
  } catch {
    return [];
  }
}

/**
 * Kysely's `migrateToLatest` for a database that several versions of a program share while they are
 * upgraded one machine at a time (a server, a CLI, workers elsewhere). Kysely alone refuses a
 * database holding a migration it does not know ("corrupted migrations"), so the first upgraded
 * process would stop every older one. Here, when the database holds every migration this version
 * knows plus later ones, nothing is applied and the later ones come back in `newer`: the program
 * goes on, which is safe because migrations only ever add (tables, nullable columns, indexes). A
 * database that lacks some of this version's migrations and holds unknown ones is an error.
 * The migration table is read again only when Kysely refuses, so an ordinary start costs nothing more.
 *
 * Never throws: like Kysely's result set, failures come back in `error`.
 *
 * @example
 * const { applied, newer, error } = await migrateShared(db, { provider, migrationTableName: 'app_migrations' });
 */
export async function migrateShared(
  db: Kysely<unknown>,
  props: Omit<MigratorProps, 'db'>,
): Promise<SharedMigrationResult> {
  const { error, results } = await new Migrator({ db, ...props }).migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (!error) return { applied, newer: [] };
  const table = props.migrationTableName ?? DEFAULT_TABLE;
  const known = Object.keys(await props.provider.getMigrations());
  const executed = await executedNames(db, table, props.migrationTableSchema);
  const newer = executed.filter((name) => !known.includes(name));
  const pending = known.filter((name) => !executed.includes(name));
  if (newer.length > 0 && pending.length === 0) {
    warnNewer(table, newer);
    return { applied, newer };
  }
  if (newer.length > 0) {
    return {
      applied,
      newer,
      error: new Error(
        `the database holds migrations this version does not know (${newer.join(', ')}) and ` +
          `lacks some it needs (${pending.join(', ')}): run one version of the program on it`,
      ),
    };
  }
  const failed = results?.find((r) => r.status === 'Error')?.migrationName;
  return { applied, newer, error, ...(failed ? { failed } : {}) };
}
