import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001-initial.ts';

/**
 * Every migration, keyed by a name that sorts in application order. Append new ones; never edit or
 * rename an applied one (Kysely refuses to run when the applied list diverges).
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-initial': initial,
});

/** In-code provider: no directory scanning, so migrations work the same from source and from a bundle. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
