import { ConfigSchema, type SodaiConfig } from '../config/config-schema.ts';

/**
 * The rules the platform runs by, as configured: when the weekly run retrains, what a new model must
 * beat to serve, and when the monitoring opens an alert. The chat explains them from here, so the
 * answer follows the team's own settings rather than the defaults.
 */
export interface OperatingPolicy {
  readonly retrain: {
    /** A champion this many weeks of data old is retrained. */
    readonly maxAgeWeeks: number;
    /** Whether a drift verdict retrains, or is only reported and alerted. */
    readonly onDrift: boolean;
  };
  readonly gate: {
    /** F1 a challenger must gain over the best rule and the champion. */
    readonly marginF1: number;
    /** How much lower than the champion's its NDCG@5 may be. */
    readonly ndcgTolerance: number;
  };
  readonly alerts: {
    readonly enabled: boolean;
    /** Whether notifications also go to a webhook (else the inbox and the log only). */
    readonly webhook: boolean;
    readonly staleDataDays: number;
    readonly staleDataLagDays: number | undefined;
    readonly realizedBelowRuleWeeks: number;
    readonly realizedBelowTestF1: number;
    readonly gateRejectionsInARow: number;
    readonly apiMaxErrorRate: number;
    readonly apiMaxP99Ms: number;
    readonly apiWindowMinutes: number;
  };
}

/**
 * The policy of a configuration.
 *
 * @example
 * operatingPolicyOf(ConfigSchema.parse({})).retrain.maxAgeWeeks; // 4
 */
export function operatingPolicyOf(config: SodaiConfig): OperatingPolicy {
  const { model, alerts } = config;
  return {
    retrain: { maxAgeWeeks: model.maxAgeWeeks, onDrift: model.retrainOnDrift },
    gate: { marginF1: model.gateMarginF1, ndcgTolerance: model.gateNdcgTolerance },
    alerts: {
      enabled: alerts.enabled,
      webhook: alerts.webhook !== undefined,
      staleDataDays: alerts.staleDataDays,
      staleDataLagDays: alerts.staleDataLagDays,
      realizedBelowRuleWeeks: alerts.realizedBelowRuleWeeks,
      realizedBelowTestF1: alerts.realizedBelowTestF1,
      gateRejectionsInARow: alerts.gateRejectionsInARow,
      apiMaxErrorRate: alerts.api.maxErrorRate,
      apiMaxP99Ms: alerts.api.maxP99Ms,
      apiWindowMinutes: alerts.api.windowMs / 60_000,
    },
  };
}

/** The policy of a server started with no settings of its own. */
export const DEFAULT_POLICY: OperatingPolicy = operatingPolicyOf(ConfigSchema.parse({}));
