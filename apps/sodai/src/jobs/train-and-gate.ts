import type { DuckDBConnection } from '@duckdb/node-api';
import type { TrackingClient } from '@sodai/tracking';
import type { ModelSettings } from '../config/config-schema.ts';
import { CHAMPION, loadAliasedModel } from '../model/registry.ts';
import { gateChallenger, promoteChallenger, type GateDecision } from './gate.ts';
import { trainChallenger, type TrainOutcome } from './train.ts';
import { weekContext } from './week-context.ts';

export interface TrainAndGateOutcome extends TrainOutcome {
  readonly gate: GateDecision;
  readonly promoted: boolean;
}

/**
 * `sodai train` in one call: the weekly run's train and gate jobs on one plan, and the promotion when
 * the gate passes (unless `promote: false`).
 */
export async function trainAndGate(
  connection: DuckDBConnection,
  tracking: TrackingClient,
  settings: ModelSettings,
  options: { actor?: string; log?: (line: string) => void; signal?: AbortSignal; promote?: boolean } = {},
): Promise<TrainAndGateOutcome> {
  const week = await weekContext(connection, settings, options.log ? { log: options.log } : {});
  const trained = await trainChallenger(week, tracking, options.signal ? { signal: options.signal } : {});
  const champion = await loadAliasedModel(tracking, CHAMPION);
  let gate: GateDecision;
  try {
    gate = await gateChallenger(week, tracking, trained, champion);
  } finally {
    champion?.booster.dispose();
  }
  const promoted = gate.passed && options.promote !== false;
  if (promoted) await promoteChallenger(tracking, trained.version, gate, options.actor ?? 'sodai train');
  return { ...trained, gate, promoted };
}
