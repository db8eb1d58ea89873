import { z } from 'zod';

// Usage analytics (issue 14): what the prediction log says about who asks what, read by the
// Monitoring page. Counts are answers (customer × product pairs answered), not HTTP requests: the log
// keeps one row per pair.

export const UsageQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(366).default(30).describe('how many days back, today included'),
  top: z.coerce.number().int().min(1).max(100).default(10).describe('how many top customers and products'),
});

const count = z.number().int().min(0);

export const UsageResponseSchema = z.object({
  /** First and last UTC day of the window. */
  from: z.string(),
  to: z.string(),
  answers: count,
  customers: count.describe('distinct customers asked about'),
  products: count.describe('distinct products asked about'),
  per_day: z.array(z.object({ day: z.string(), answers: count, customers: count })),
  per_route: z.array(z.object({ route: z.string(), answers: count })),
  per_version: z.array(z.object({ version: z.number().int(), answers: count })),
  top_customers: z.array(z.object({ customer_id: z.number().int(), answers: count })),
  top_products: z.array(z.object({ product_id: z.number().int(), answers: count })),
  /** Request latency of each answer, in ms; null when nothing was answered. */
  latency_ms: z.object({ p50: z.number(), p90: z.number(), p99: z.number(), max: z.number() }).nullable(),
});
export type UsageResponse = z.infer<typeof UsageResponseSchema>;
