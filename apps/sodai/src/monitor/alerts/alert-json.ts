import type { AlertJson } from '../../contract/alerts-api.ts';
import type { AlertRecord } from './alert-store.ts';

/** An alert on the wire (API, CLI --json, webhook): the contract's shape. */
export function alertJson(a: AlertRecord): AlertJson {
  return {
    id: a.id,
    key: a.key,
    rule: a.rule,
    severity: a.severity,
    state: a.state,
    summary: a.summary,
    details: { ...a.details },
    resolution: a.resolution,
    opened_at: a.openedAt.toISOString(),
    last_seen_at: a.lastSeenAt.toISOString(),
    resolved_at: a.resolvedAt?.toISOString() ?? null,
    acknowledged_at: a.acknowledgedAt?.toISOString() ?? null,
    acknowledged_by: a.acknowledgedBy,
  };
}
