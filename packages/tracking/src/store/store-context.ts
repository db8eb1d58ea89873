import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { requireArgument, TrackingError } from '../errors.ts';
import type { Database } from './schema.ts';

export type SqlDialectName = 'sqlite' | 'postgres';

/**
 * What the SQL needs to know about where it runs. The runs part and the registry part of the store
 * both take it, so neither imports the other.
 */
export interface StoreContext {
  readonly db: Kysely<Database>;
  readonly dialect: SqlDialectName;
  /** Epoch ms; injectable so tests control time. */
  readonly now: () => number;
}

const MAX_KEY_LENGTH = 250;

/** Random 32-hex id (MLflow's shape); ids need uniqueness, not replayability, so crypto is right here. */
export function newId(): string {
  return randomUUID().replaceAll('-', '');
}

/** Throws INVALID_ARGUMENT unless `value` is a non-empty name short enough to be a key. */
export function checkName(field: string, value: string): void {
  requireArgument(typeof value === 'string' && value.trim() !== '', field, 'must be a non-empty string');
  requireArgument(value.length <= MAX_KEY_LENGTH, field, `must be at most ${MAX_KEY_LENGTH} characters`);
}

/** Throws RUN_NOT_FOUND or RUN_NOT_ACTIVE unless the run exists and is RUNNING, inside `trx`. */
export async function requireRunning(trx: Transaction<Database>, runId: string): Promise<void> {
  const row = await trx.selectFrom('runs').select('status').where('id', '=', runId).executeTakeFirst();
  if (!row) throw new TrackingError('RUN_NOT_FOUND', `no run with id ${runId}`, { runId });
  if (row.status !== 'RUNNING') {
    throw new TrackingError('RUN_NOT_ACTIVE', `run ${runId} is ${row.status}; it takes no more data`, {
      runId,
      status: row.status,
    });
  }
}
