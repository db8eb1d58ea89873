import { Booster } from '@sodai/xgboost';
import { isTrackingError, type ModelVersion, type TrackingClient } from '@sodai/tracking';
import { FEATURE_NAMES } from '../contract/feature-vector.ts';

export const MODEL_NAME = 'weekly-purchase';
export const CHAMPION = 'champion';

/** A registered model ready to score: its booster, decision rule and version record. */
export interface LoadedPurchaseModel {
  readonly version: ModelVersion;
  readonly booster: Booster;
  readonly threshold: number;
  /** Whether its inputs are today's feature contract (otherwise it cannot score today's rows). */
  readonly compatible: boolean;
}

export function signatureThreshold(version: ModelVersion): number {
  const threshold = version.signature?.decisionThreshold;
  if (typeof threshold !== 'number')
    throw new Error(`model version ${version.version} has no decision threshold`);
  return threshold;
}

/** Loads the version behind an alias, or undefined when the alias (or the model) does not exist yet. */
export async function loadAliasedModel(
  tracking: TrackingClient,
  alias = CHAMPION,
): Promise<LoadedPurchaseModel | undefined> {
  try {
    const loaded = await tracking.registry.loadModelByAlias(MODEL_NAME, alias);
    const inputs = loaded.version.signature?.inputs.map((i) => i.name) ?? [];
    return {
      version: loaded.version,
      booster: Booster.fromBuffer(loaded.bytes),
      threshold: signatureThreshold(loaded.version),
      compatible:
        inputs.length === FEATURE_NAMES.length && inputs.every((name, i) => name === FEATURE_NAMES[i]),
    };
  } catch (error) {
    if (isTrackingError(error, 'MODEL_NOT_FOUND', 'ALIAS_NOT_FOUND')) return undefined;
    throw error;
  }
}
