export { openSqliteKysely, type SqliteKyselyOptions } from './sqlite.ts';
