import { z } from 'zod';

// Monitoring API (issue 14, realized performance): what the Monitoring and Models pages read.

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

export const RealizedQuerySchema = z.object({
  from: isoDay.optional().describe('only weeks from this cut-off on'),
  version: z.coerce.number().int().min(0).optional().describe('only the weeks this model version predicted'),
});

export const RealizedScorerSchema = z.object({
  version: z.number().int().min(0),
  /** `model`, `fallback` (a rule served while no model had passed the gate) or `rule:<name>`. */
  scorer: z.string(),
  metrics: z.record(z.string(), z.number()),
});

export const EstimatedScorerSchema = z.object({
  version: z.number().int().min(1),
  /** `f1`, `precision`, `recall`, `expected_hits`, `expected_purchases`: expected from the probabilities. */
  metrics: z.record(z.string(), z.number()),
});

export const RealizedWeekSchema = z.object({
  week: isoDay,
  days_observed: z.number().int().min(0).max(7),
  served: z.array(RealizedScorerSchema),
  best_rule: RealizedScorerSchema.nullable(),
  rules: z.array(RealizedScorerSchema),
  /** What each model version expected of the week when it predicted it. */
  estimated: z.array(EstimatedScorerSchema),
});

export const RealizedResponseSchema = z.object({
  weeks: z.array(RealizedWeekSchema),
  /** Predicted weeks the data does not cover completely yet. */
  waiting: z.array(
    z.object({ week: isoDay, days_observed: z.number().int(), estimated: z.array(EstimatedScorerSchema) }),
  ),
  /** Estimated vs realized F1 over the weeks that have both. */
  estimation_error: z.object({
    weeks: z.number().int(),
    f1_mean_abs_error: z.number(),
    f1_mean_bias: z.number(),
  }),
});
