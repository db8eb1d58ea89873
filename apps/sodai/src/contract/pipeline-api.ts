import { z } from 'zod';

/** The pipeline's HTTP shapes: DAG structure, runs, task states and logs (for the UI's Pipeline page). */
export const DagNodeSchema = z.object({
  id: z.string(),
  kind: z.enum(['task', 'branch']),
  upstream: z.array(z.string()),
  trigger_rule: z.string(),
});

export const DagSchema = z.object({
  id: z.string(),
  description: z.string().nullable(),
  schedule: z.string().nullable(),
  next_run_at: z.string().nullable().describe('next scheduled run (ISO time), when scheduled'),
  every: z
    .enum(['hour', 'day', 'week', 'month'])
    .nullable()
    .describe(
      'how often the schedule fires, when that is one plain period (read from its fire times, in the DAG time zone), so a client can say it in words; null when unscheduled or anything else (every 15 minutes, weekdays only)',
    ),
  nodes: z.array(DagNodeSchema),
  edges: z.array(z.object({ from: z.string(), to: z.string() })),
});

export const TaskStateSchema = z.enum([
  'pending',
  'running',
  'up_for_retry',
  'success',
  'failed',
  'skipped',
  'upstream_failed',
]);

export const PipelineRunSchema = z.object({
  id: z.string(),
  dag_id: z.string(),
  state: z.enum(['queued', 'running', 'success', 'failed']),
  trigger: z.string(),
  logical_date: z.string(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  error: z.string().nullable(),
  params: z.unknown(),
});

export const TaskInstanceSchema = z.object({
  task_id: z.string(),
  state: TaskStateSchema,
  attempt: z.int(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  error: z.string().nullable(),
  output: z.unknown(),
});

export const PipelineRunDetailSchema = PipelineRunSchema.extend({
  dag: DagSchema.omit({ next_run_at: true, every: true }),
  tasks: z.array(TaskInstanceSchema),
});

export const TaskLogSchema = z.object({
  attempt: z.int(),
  level: z.string(),
  message: z.string(),
  at: z.string(),
});

export const RunsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });
export const RunParamsSchema = z.object({ run_id: z.string().min(1) });
export const TaskLogParamsSchema = RunParamsSchema.extend({ task_id: z.string().min(1) });
export const TriggerRequestSchema = z
  .object({
    retrain: z.enum(['auto', 'force', 'never']).optional(),
    trials: z.int().min(1).max(500).optional(),
  })
  .strict();
export const TriggerResponseSchema = z.object({ run_id: z.string() });
