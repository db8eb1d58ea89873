import type { TrackingClient } from '@sodai/tracking';
import type { DataPaths } from '../config/load-config.ts';
import type { SodaiConfig } from '../config/config-schema.ts';
import type { RawStore } from '../store/raw-store.ts';
import type { DbLane } from '../store/db-lane.ts';
import { SodaiError } from '../errors.ts';
import type { Access } from './access.ts';
import type { CostLimiter } from './cost-limiter.ts';
import type { Readiness } from './readiness.ts';
import type { TimeSlicer } from './time-slicer.ts';
import type { ModelHolder } from '../scoring/model-holder.ts';
import type { PredictionLog } from '../monitor/prediction-log.ts';
import type { ServerMetrics } from '../monitor/server-metrics.ts';
import type { ServingModel } from '../scoring/serving-model.ts';

/** What every route plugin receives: the server's collaborators, built once by `buildServer`. */
export interface ServeContext {
  readonly config: SodaiConfig;
  readonly paths: DataPaths;
  readonly store: RawStore;
  readonly tracking: TrackingClient;
  readonly lane: DbLane;
  readonly holder: ModelHolder;
  readonly metrics: ServerMetrics;
  readonly log: PredictionLog | undefined;
  readonly now: () => Date;
  /** Where per-pair scoring runs, in slices that keep the event loop answering. */
  readonly slicer: TimeSlicer;
  /** What bulk scoring costs each client (pairs scored on the spot, exact explanations). */
  readonly scoringBudget: CostLimiter;
  /** Whether the store, the catalog and the registry answer (for /ready). */
  readonly readiness: Readiness;
  /** Named tokens, roles and what is public. */
  readonly access: Access;
}

/**
 * The serving snapshot, held for the caller; throws `MODEL_NOT_READY` (503) before the first load.
 *
 * @example
 * const model = acquireModel(ctx.holder);
 * try { return model.predict(1, 2, 'es'); } finally { model.release(); }
 */
export function acquireModel(holder: ModelHolder): ServingModel {
  const model = holder.current();
  if (!model) throw new SodaiError('MODEL_NOT_READY', `no model is serving yet: ${holder.reason}`);
  return model.acquire();
}
