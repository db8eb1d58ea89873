// Kysely table types. Integers that can exceed 2^31 (epoch ms) are `bigint` columns; the Postgres
// driver returns those as strings, so reads go through Number() in the row mappers.

type Int8 = number | string;

export interface ExperimentsTable {
  id: string;
  name: string;
  description: string;
  created_at: Int8;
}

export interface RunsTable {
  id: string;
  experiment_id: string;
  name: string;
  status: string;
  start_time: Int8;
  end_time: Int8 | null;
  parent_run_id: string | null;
  host: string;
  pid: number;
  heartbeat_at: Int8;
}

export interface ParamsTable {
  run_id: string;
  key: string;
  value: string;
}

export interface TagsTable {
  run_id: string;
  key: string;
  value: string;
}

export interface MetricsTable {
  run_id: string;
  key: string;
  value: number;
  step: Int8;
  timestamp: Int8;
}

/** One row per (run, key): the point with the highest step (then timestamp), kept for fast search. */
export interface LatestMetricsTable {
  run_id: string;
  key: string;
  value: number;
  step: Int8;
  timestamp: Int8;
}

export interface ArtifactsTable {
  run_id: string;
  path: string;
  digest: string;
  size_bytes: Int8;
  content_type: string;
  created_at: Int8;
}

export interface DatasetInputsTable {
  run_id: string;
  name: string;
  digest: string;
  schema_json: string;
  row_count: Int8 | null;
  context: string;
}

export interface RegisteredModelsTable {
  name: string;
  description: string;
  created_at: Int8;
  updated_at: Int8;
}

export interface ModelVersionsTable {
  model_name: string;
  version: number;
  run_id: string;
  artifact_path: string;
  artifact_digest: string;
  signature_json: string | null;
  metrics_json: string;
  description: string;
  status: string;
  created_at: Int8;
}

export interface ModelAliasesTable {
  model_name: string;
  alias: string;
  version: number;
  updated_at: Int8;
}

export interface AliasHistoryTable {
  model_name: string;
  alias: string;
  seq: number;
  version: number;
  action: string;
  started_at: Int8;
  ended_at: Int8 | null;
  actor: string;
  reason: string;
  gate_json: string | null;
}

export interface Database {
  experiments: ExperimentsTable;
  runs: RunsTable;
  params: ParamsTable;
  tags: TagsTable;
  metrics: MetricsTable;
  latest_metrics: LatestMetricsTable;
  artifacts: ArtifactsTable;
  dataset_inputs: DatasetInputsTable;
  registered_models: RegisteredModelsTable;
  model_versions: ModelVersionsTable;
  model_aliases: ModelAliasesTable;
  alias_history: AliasHistoryTable;
}
