// The pipeline API's JSON (`/api/pipeline/*`), from the server's zod contract (type-only).
import type { z } from 'zod';
import type {
  DagSchema,
  PipelineRunDetailSchema,
  PipelineRunSchema,
  TaskInstanceSchema,
  TaskLogSchema,
  TaskStateSchema,
} from '@sodai/app/contract';

export type Dag = z.infer<typeof DagSchema>;
export type PipelineRun = z.infer<typeof PipelineRunSchema>;
export type PipelineRunDetail = z.infer<typeof PipelineRunDetailSchema>;
export type TaskInstance = z.infer<typeof TaskInstanceSchema>;
export type TaskLog = z.infer<typeof TaskLogSchema>;
export type TaskState = z.infer<typeof TaskStateSchema>;

/** What POST /api/admin/pipeline/dags/:dag_id/runs accepts. */
export interface TriggerParams {
  readonly retrain?: 'auto' | 'force' | 'never';
  readonly trials?: number;
}
