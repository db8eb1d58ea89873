import type { AlertRule } from '../../contract/alerts-api.ts';

export type { AlertRule } from '../../contract/alerts-api.ts';

export type AlertSeverity = 'warning' | 'critical';

/**
 * What a rule says about one condition at one moment. `key` names the condition (a rule, or a rule
 * and the version it is about): one alert stays open per key while `firing`, and the first
 * observation that is not firing resolves it. Rules that cannot tell (no data yet) return nothing.
 */
export interface AlertObservation {
  readonly key: string;
  readonly rule: AlertRule;
  readonly firing: boolean;
  readonly severity: AlertSeverity;
  /** One line a person reads in the inbox, the log or Slack. */
  readonly summary: string;
  /** Figures behind the verdict (JSON-serializable). */
  readonly details: Readonly<Record<string, unknown>>;
}

export function observation(
  rule: AlertRule,
  firing: boolean,
  summary: string,
  details: Readonly<Record<string, unknown>>,
  options: { key?: string; severity?: AlertSeverity } = {},
): AlertObservation {
  return {
    key: options.key ?? rule,
    rule,
    firing,
    severity: options.severity ?? 'warning',
    summary,
    details,
  };
}
