import { z } from 'zod';

// Requests and response times since the server started, per part of the server, and predictions per
// model version: the figures /metrics gives Prometheus, as JSON for the Monitoring page.

/** The parts of the server a route belongs to, as the Monitoring page names them in words. */
export const ROUTE_AREAS = [
  'predict',
  'recommend',
  'chat',
  'models',
  'experiments',
  'pipeline',
  'data',
  'reports',
  'upload',
  'monitoring',
  'status',
  'signIn',
  'lists',
  'docs',
  'other',
] as const;
export const RouteAreaSchema = z.enum(ROUTE_AREAS);
export type RouteArea = z.infer<typeof RouteAreaSchema>;

const count = z.number().int().min(0);
const ms = z.number().min(0);

export const RequestAreaSchema = z.object({
  area: RouteAreaSchema.nullable().describe('the part of the server; null for a route no part names'),
  routes: z.array(z.string()).describe('the routes added up in this row, as the server declares them'),
  requests: count,
  errors: count.describe('answers with a 5xx status'),
  mean_ms: ms.nullable().describe('mean time to answer; null before any answer'),
  p95_ms: ms
    .nullable()
    .describe(
      'the upper bound of the latency bucket holding the 95th percentile, as Prometheus estimates it; null before any answer or past the largest bucket (2.5 s)',
    ),
});
export type RequestArea = z.infer<typeof RequestAreaSchema>;

export const RequestFiguresSchema = z.object({
  areas: z
    .array(RequestAreaSchema)
    .describe("most requests first; the web UI's own files (/, /assets/…) left out"),
  predictions: z
    .array(z.object({ model_version: z.number().int().min(0), predictions: count }))
    .describe('pairs scored in answers (predict and recommend), by model version, oldest version first'),
});
export type RequestFigures = z.infer<typeof RequestFiguresSchema>;
