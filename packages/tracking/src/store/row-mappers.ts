import type { Selectable } from 'kysely';
import type {
  AliasAction,
  AliasHistoryEntry,
  GateResult,
  ModelAlias,
  ModelSignature,
  ModelVersion,
  ModelVersionStatus,
  RegisteredModel,
} from '../registry/records.ts';
import type { RunStatus } from '../runs/run-status.ts';
import type { ArtifactRecord, DatasetInput, Experiment, MetricPoint, Run } from './records.ts';
import type {
  AliasHistoryTable,
  ArtifactsTable,
  DatasetInputsTable,
  ExperimentsTable,
  MetricsTable,
  ModelAliasesTable,
  ModelVersionsTable,
  RegisteredModelsTable,
  RunsTable,
} from './schema.ts';

// Rows become frozen records here and nowhere else, so no caller can mutate what the store returned.

const num = (v: number | string): number => Number(v);
const numOrNull = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function toExperiment(r: Selectable<ExperimentsTable>): Experiment {
  return Object.freeze({ id: r.id, name: r.name, description: r.description, createdAt: num(r.created_at) });
}

export function toRun(r: Selectable<RunsTable>): Run {
  return Object.freeze({
    id: r.id,
    experimentId: r.experiment_id,
    name: r.name,
    status: r.status as RunStatus,
    startTime: num(r.start_time),
    endTime: numOrNull(r.end_time),
    parentRunId: r.parent_run_id,
    host: r.host,
    pid: num(r.pid),
    heartbeatAt: num(r.heartbeat_at),
  });
}

export function toMetric(
  r: Pick<Selectable<MetricsTable>, 'key' | 'value' | 'step' | 'timestamp'>,
): MetricPoint {
  return Object.freeze({ key: r.key, value: num(r.value), step: num(r.step), timestamp: num(r.timestamp) });
}

export function toArtifact(r: Selectable<ArtifactsTable>): ArtifactRecord {
  return Object.freeze({
    runId: r.run_id,
    path: r.path,
    digest: r.digest,
    sizeBytes: num(r.size_bytes),
    contentType: r.content_type,
    createdAt: num(r.created_at),
  });
}

export function toInput(r: Selectable<DatasetInputsTable>): DatasetInput {
  return Object.freeze({
    runId: r.run_id,
    name: r.name,
    digest: r.digest,
    schema: deepFreeze(JSON.parse(r.schema_json)),
    rowCount: numOrNull(r.row_count),
    context: r.context,
  });
}

export function toRegisteredModel(r: Selectable<RegisteredModelsTable>): RegisteredModel {
  return Object.freeze({
    name: r.name,
    description: r.description,
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  });
}

export function toModelVersion(r: Selectable<ModelVersionsTable>): ModelVersion {
  return Object.freeze({
    modelName: r.model_name,
    version: num(r.version),
    runId: r.run_id,
    artifactPath: r.artifact_path,
    artifactDigest: r.artifact_digest,
    signature:
      r.signature_json === null ? null : (deepFreeze(JSON.parse(r.signature_json)) as ModelSignature),
    metrics: deepFreeze(JSON.parse(r.metrics_json)) as Record<string, number>,
    description: r.description,
    status: r.status as ModelVersionStatus,
    createdAt: num(r.created_at),
  });
}

export function toAlias(r: Selectable<ModelAliasesTable>): ModelAlias {
  return Object.freeze({
    modelName: r.model_name,
    alias: r.alias,
    version: num(r.version),
    updatedAt: num(r.updated_at),
  });
}

export function toHistoryEntry(r: Selectable<AliasHistoryTable>): AliasHistoryEntry {
  return Object.freeze({
    modelName: r.model_name,
    alias: r.alias,
    seq: num(r.seq),
    version: num(r.version),
    action: r.action as AliasAction,
    startedAt: num(r.started_at),
    endedAt: numOrNull(r.ended_at),
    actor: r.actor,
    reason: r.reason,
    gate: r.gate_json === null ? null : (deepFreeze(JSON.parse(r.gate_json)) as GateResult),
  });
}

/** Freezes a JSON-shaped value all the way down. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
