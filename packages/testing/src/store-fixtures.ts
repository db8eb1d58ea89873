import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StoreFixture<S> {
  readonly store: S;
  /** A temporary folder for the test, removed on cleanup. */
  readonly dir: string;
  readonly cleanup: () => Promise<void>;
}

export type OpenFixture<S> = () => Promise<StoreFixture<S>>;

export interface StoreOpeners<S extends { close(): Promise<void> }> {
  /** Temp folder name prefix. */
  readonly prefix: string;
  readonly openSqlite: (dir: string) => Promise<S>;
  /** Opens the store in `schema`, which the store drops when closed. */
  readonly openPostgres: (url: string, schema: string) => Promise<S>;
}

/**
 * The two fixtures a store conformance suite runs against: a SQLite file in a temporary folder,
 * and a fresh Postgres schema per fixture (so parallel test files never collide).
 *
 * @example
 * const { openSqliteFixture, postgresFixture } = storeFixtures({ prefix: 'x-', openSqlite, openPostgres });
 */
export function storeFixtures<S extends { close(): Promise<void> }>(openers: StoreOpeners<S>) {
  const tempDir = (prefix = openers.prefix) => mkdtempSync(join(tmpdir(), prefix));
  const fixture = async (open: (dir: string) => Promise<S>): Promise<StoreFixture<S>> => {
    const dir = tempDir();
    const store = await open(dir);
    return {
      store,
      dir,
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  };
  return {
    tempDir,
    openSqliteFixture: (() => fixture(openers.openSqlite)) as OpenFixture<S>,
    postgresFixture:
      (url: string): OpenFixture<S> =>
      () =>
        fixture(() => openers.openPostgres(url, `t_${randomBytes(6).toString('hex')}`)),
  };
}
