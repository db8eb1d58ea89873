import { Booster } from '@sodai/xgboost';
import {
  isTrackingError,
  type ModelSignature,
  type ModelVersion,
  type TrackingClient,
} from '@sodai/tracking';
import { FEATURES, FEATURE_NAMES } from '../contract/feature-vector.ts';
import type { DecisionRule } from './decision-rule.ts';
import { CHAMPION, MODEL_NAME } from './model-names.ts';

export { CHAMPION, MODEL_NAME };

/** A registered model ready to score: its booster, decision rule and version record. */
export interface LoadedPurchaseModel {
  readonly version: ModelVersion;
  readonly booster: Booster;
  /** The fixed cut (serving's default for one pair at a time). */
  readonly threshold: number;
  /** How a whole week's scores become decisions (predict, evaluate, gate). */
  readonly rule: DecisionRule;
  /** Whether its inputs are today's feature contract (otherwise it cannot score today's rows). */
  readonly compatible: boolean;
}

export function signatureThreshold(version: ModelVersion): number {
  const threshold = version.signature?.decisionThreshold;
  if (typeof threshold !== 'number')
    throw new Error(`model version ${version.version} has no decision threshold`);
  return threshold;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The version's week-level decision rule; versions from before rules existed use their threshold. */
export function signatureRule(version: ModelVersion): DecisionRule {
  const stored = version.signature?.decisionRule as Record<string, unknown> | undefined;
  const calibration = stored?.calibration as Record<string, unknown> | undefined;
  if (
    stored?.kind === 'expected-f1' &&
    isNumber(stored.missedShare) &&
    isNumber(calibration?.a) &&
    isNumber(calibration?.b)
  ) {
    return {
      kind: 'expected-f1',
      calibration: { a: calibration.a, b: calibration.b },
      missedShare: stored.missedShare,
    };
  }
  return { kind: 'threshold', threshold: signatureThreshold(version) };
}

/** Whether a version's inputs are today's feature contract (otherwise it cannot score today's rows). */
export function isCompatible(version: ModelVersion): boolean {
  const inputs = version.signature?.inputs.map((i) => i.name) ?? [];
  return inputs.length === FEATURE_NAMES.length && inputs.every((name, i) => name === FEATURE_NAMES[i]);
}

const isMissing = (error: unknown) => isTrackingError(error, 'MODEL_NOT_FOUND', 'ALIAS_NOT_FOUND');

/**
 * The version record behind an alias, without loading the model: for decisions that only need to
 * know whether there is one, how old it is and what it takes as input.
 */
export async function aliasedVersion(
  tracking: TrackingClient,
  alias = CHAMPION,
): Promise<ModelVersion | undefined> {
  try {
    const { version } = await tracking.registry.getAlias(MODEL_NAME, alias);
    return await tracking.registry.getModelVersion(MODEL_NAME, version);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** Loads the version behind an alias, or undefined when the alias (or the model) does not exist yet. */
export async function loadAliasedModel(
  tracking: TrackingClient,
  alias = CHAMPION,
): Promise<LoadedPurchaseModel | undefined> {
  try {
    const loaded = await tracking.registry.loadModelByAlias(MODEL_NAME, alias);
    return {
      version: loaded.version,
      booster: Booster.fromBuffer(loaded.bytes),
      threshold: signatureThreshold(loaded.version),
      rule: signatureRule(loaded.version),
      compatible: isCompatible(loaded.version),
    };
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/**
 * The cut-off a version was trained to predict (its data's end + 1 day); versions registered before
 * this was recorded count from the day they were registered.
 */
export function trainedFor(version: ModelVersion): string {
  const recorded = version.signature?.trainedFor;
  return typeof recorded === 'string' ? recorded : new Date(version.createdAt).toISOString().slice(0, 10);
}

/**
 * The registry signature of a purchase model: today's feature contract as inputs, one probability out,
 * the decision threshold, and whatever else the caller records (rule, cut-offs, categories).
 */
export function purchaseModelSignature(
  decisionThreshold: number,
  extra: Readonly<Record<string, unknown>> = {},
): ModelSignature {
  return {
    inputs: FEATURES.map((f) => ({ name: f.name, type: f.type === 'categorical' ? 'category' : 'float' })),
    outputs: [{ name: 'purchase_probability', type: 'float' }],
    decisionThreshold,
    ...extra,
  };
}
