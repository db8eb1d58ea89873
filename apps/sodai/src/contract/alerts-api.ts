import { z } from 'zod';

// Alerts: the inbox API (list, acknowledge) and the webhook's body share these shapes.

/** The rules the platform evaluates; each names one kind of condition. */
export const ALERT_RULES = [
  'realized_below_rule',
  'realized_below_test',
  'dataset_drift',
  'weekly_run_failed',
  'batch_rejected',
  'stale_data',
  'missing_weeks',
  'late_source_rows',
  'gate_rejections',
  'api_error_rate',
  'api_latency',
  'prediction_log_drops',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

export const AlertSchema = z.object({
  id: z.string(),
  key: z.string().describe('the condition: one open alert per key until it resolves'),
  rule: z.enum(ALERT_RULES),
  severity: z.enum(['warning', 'critical']),
  state: z.enum(['open', 'resolved']),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
  resolution: z.string().nullable().describe('what the observation that resolved it said'),
  opened_at: z.string().describe('ISO time'),
  last_seen_at: z.string(),
  resolved_at: z.string().nullable(),
  acknowledged_at: z.string().nullable(),
  acknowledged_by: z.string().nullable(),
});
export type AlertJson = z.infer<typeof AlertSchema>;

export const AlertListQuerySchema = z.strictObject({
  state: z.enum(['open', 'resolved', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AlertListResponseSchema = z.object({ alerts: z.array(AlertSchema) });

export const AlertIdParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });

export const AcknowledgeRequestSchema = z.strictObject({
  by: z.string().trim().min(1).max(100).optional().describe('who acknowledges (default: the caller address)'),
});
