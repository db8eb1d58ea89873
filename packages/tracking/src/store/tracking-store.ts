import type { RegistryStore } from '../registry/registry-store.ts';
import type { RunStore } from '../runs/run-store.ts';

export type { CreateRunInput, ReapOptions } from '../runs/run-store.ts';

/**
 * Where tracking and registry metadata live. One implementation ({@link KyselyTrackingStore}) serves
 * SQLite and Postgres; the conformance suite in `test/` holds any other to the same contract.
 *
 * Atomicity and concurrency rules every implementation keeps:
 * - Every method is atomic: it applies entirely or not at all, and a failure leaves no partial rows
 *   (a metrics batch lands whole; a version never exists without its number being unique).
 * - Several processes may call any method at the same time on one database (for SQLite: one file in
 *   WAL mode; write transactions take the write lock up front so they queue instead of failing).
 * - Registry transitions on one model are serialized (the model row is the lock): version numbers are
 *   dense and increasing, and the alias history of each alias is a chain: entries ordered by `seq`,
 *   each entry's `endedAt` equals the next one's `startedAt`, exactly one entry open, and it names the
 *   version the alias points to.
 * - Records returned are frozen snapshots.
 * - Missing ids throw `TrackingError` with RUN_NOT_FOUND, MODEL_NOT_FOUND, … ; bad arguments
 *   INVALID_ARGUMENT naming the field.
 */
export interface TrackingStore extends RunStore, RegistryStore {
  /** `'sqlite'` or `'postgres'`, for messages and benchmarks. */
  readonly dialect: string;

  close(): Promise<void>;
}
