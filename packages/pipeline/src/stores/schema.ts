import type { Generated } from 'kysely';

/** Tables of the run store; timestamps are epoch milliseconds, JSON is text. */
export interface PipelineDatabase {
  pipeline_runs: {
    id: string;
    dag_id: string;
    state: string;
    trigger: string;
    run_key: string | null;
    params_json: string;
    logical_date: number;
    dag_json: string;
    owner: string | null;
    error: string | null;
    created_at: number;
    started_at: number | null;
    finished_at: number | null;
  };
  pipeline_task_instances: {
    run_id: string;
    task_id: string;
    position: number;
    state: string;
    attempt: number;
    output_json: string | null;
    error: string | null;
    started_at: number | null;
    finished_at: number | null;
  };
  pipeline_task_logs: {
    id: Generated<number>;
    run_id: string;
    task_id: string;
    attempt: number;
    level: string;
    message: string;
    at: number;
  };
  pipeline_sensor_seen: {
    sensor_id: string;
    key: string;
    seen_at: number;
  };
}
