import { randomUUID } from 'node:crypto';
import { TuneError } from '../errors.ts';
import { NopPruner, type Pruner } from '../pruners/pruner.ts';
import type { Sampler } from '../samplers/sampler.ts';
import { TpeSampler } from '../samplers/tpe-sampler.ts';
import { InMemoryStorage } from '../storages/in-memory-storage.ts';
import type { Direction, Storage } from '../storages/storage.ts';
import { Study, type StudyOptions } from './study.ts';

export interface CreateStudyOptions {
  /** Study name, unique in the storage. Default: a random one. */
  readonly name?: string;
  /** Default 'minimize'. */
  readonly direction?: Direction;
  /** Default `new TpeSampler()` (seed 0). */
  readonly sampler?: Sampler;
  /** Default `new NopPruner()`. */
  readonly pruner?: Pruner;
  /** Default a fresh `InMemoryStorage`. */
  readonly storage?: Storage;
  /** Resume the stored study of this name instead of failing with `STUDY_EXISTS`. Default false. */
  readonly loadIfExists?: boolean;
  /** See {@link StudyOptions.heartbeatIntervalMs}. */
  readonly heartbeatIntervalMs?: number;
}

/**
 * Creates a study (or, with `loadIfExists`, resumes it: numbering continues and samplers learn from the stored
 * trials).
 *
 * @example
 * const storage = await openSqliteStorage('tune.db');
 * const study = await createStudy({ name: 'xgb', storage, loadIfExists: true, sampler: new TpeSampler({ seed: 1 }) });
 */
export async function createStudy(options: CreateStudyOptions = {}): Promise<Study> {
  const storage = options.storage ?? new InMemoryStorage();
  const name = options.name ?? `study-${randomUUID()}`;
  const sampler = options.sampler ?? new TpeSampler();
  const pruner = options.pruner ?? new NopPruner();
  let record = await storage.getStudy(name);
  if (record && !options.loadIfExists)
    throw new TuneError('STUDY_EXISTS', `study "${name}" already exists; pass loadIfExists to resume it`);
  if (!record) {
    try {
      record = await storage.createStudy(name, options.direction ?? 'minimize');
    } catch (e) {
      // Another process created it between our read and write.
      if (!(e instanceof TuneError && e.code === 'STUDY_EXISTS' && options.loadIfExists)) throw e;
      record = await storage.getStudy(name);
      if (!record) throw e;
    }
  }
  if (options.direction !== undefined && options.direction !== record.direction) {
    throw new TuneError(
      'INVALID_ARGUMENT',
      `study "${name}" is stored with direction ${record.direction}, not ${options.direction}`,
    );
  }
  const study = new Study(record, storage, sampler, pruner, heartbeat(options.heartbeatIntervalMs));
  await study.refresh();
  return study;
}

function heartbeat(ms: number | undefined): StudyOptions {
  if (ms === undefined) return {};
  if (!(ms > 0)) throw new TuneError('INVALID_ARGUMENT', `heartbeatIntervalMs must be > 0, got ${ms}`);
  return { heartbeatIntervalMs: ms };
}

export interface LoadStudyOptions {
  readonly name: string;
  readonly storage: Storage;
  readonly sampler?: Sampler;
  readonly pruner?: Pruner;
  readonly heartbeatIntervalMs?: number;
}

/**
 * Opens a stored study; throws `STUDY_NOT_FOUND` if there is none of that name.
 *
 * @example
 * const study = await loadStudy({ name: 'xgb', storage });
 */
export async function loadStudy(options: LoadStudyOptions): Promise<Study> {
  const record = await options.storage.getStudy(options.name);
  if (!record) throw new TuneError('STUDY_NOT_FOUND', `no study named "${options.name}"`);
  const study = new Study(
    record,
    options.storage,
    options.sampler ?? new TpeSampler(),
    options.pruner ?? new NopPruner(),
    heartbeat(options.heartbeatIntervalMs),
  );
  await study.refresh();
  return study;
}
