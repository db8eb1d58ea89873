export { openSqliteKysely, type SqliteKyselyOptions } from './sqlite.ts';
export { migrateShared, type SharedMigrationResult } from './migrate.ts';
