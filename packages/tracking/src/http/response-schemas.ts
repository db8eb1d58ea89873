import { z } from 'zod';
import { gate } from './schemas.ts';
import type { ModelLineage } from '../registry/model-registry.ts';
import type { AliasHistoryEntry, ModelAlias, ModelVersion, RegisteredModel } from '../registry/records.ts';
import type { Experiment, MetricPoint, Run, RunDetails } from '../store/records.ts';

// Response schemas of the REST API: they document every 2xx body in OpenAPI and serialize it. Each is
// checked against its record type below, so a field added to a record and not here fails to compile
// instead of silently vanishing from the answer.

const epochMs = z.number().int().describe('epoch milliseconds');

export const experimentSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  createdAt: epochMs,
});

export const runSchema = z.object({
  id: z.string(),
  experimentId: z.string(),
  name: z.string(),
  status: z.enum(['RUNNING', 'FINISHED', 'FAILED', 'KILLED']),
  startTime: epochMs,
  endTime: epochMs.nullable(),
  parentRunId: z.string().nullable(),
  host: z.string(),
  pid: z.number().int(),
  heartbeatAt: epochMs,
});

export const metricPointSchema = z.object({
  key: z.string(),
  value: z.number(),
  step: z.number().int(),
  timestamp: epochMs,
});

const keyValue = z.object({ key: z.string(), value: z.string() });

const datasetInputSchema = z.object({
  runId: z.string(),
  name: z.string(),
  digest: z.string(),
  schema: z.unknown(),
  rowCount: z.number().int().nullable(),
  context: z.string(),
});

export const runDetailsSchema = z.object({
  run: runSchema,
  params: z.array(keyValue).readonly(),
  tags: z.array(keyValue).readonly(),
  latestMetrics: z.array(metricPointSchema).readonly(),
  inputs: z.array(datasetInputSchema).readonly(),
  artifacts: z
    .array(
      z.object({
        runId: z.string(),
        path: z.string(),
        digest: z.string(),
        sizeBytes: z.number().int(),
        contentType: z.string(),
        createdAt: epochMs,
      }),
    )
    .readonly(),
});

export const registeredModelSchema = z.object({
  name: z.string(),
  description: z.string(),
  createdAt: epochMs,
  updatedAt: epochMs,
});

const column = z.object({ name: z.string(), type: z.string() });

export const modelVersionSchema = z.object({
  modelName: z.string(),
  version: z.number().int(),
  runId: z.string(),
  artifactPath: z.string(),
  artifactDigest: z.string(),
  signature: z
    .looseObject({ inputs: z.array(column).readonly(), outputs: z.array(column).readonly().optional() })
    .nullable(),
  metrics: z.record(z.string(), z.number()),
  description: z.string(),
  status: z.enum(['READY', 'ARCHIVED']),
  createdAt: epochMs,
});

export const modelAliasSchema = z.object({
  modelName: z.string(),
  alias: z.string(),
  version: z.number().int(),
  updatedAt: epochMs,
});

export const aliasHistoryEntrySchema = z.object({
  modelName: z.string(),
  alias: z.string(),
  seq: z.number().int(),
  version: z.number().int(),
  action: z.enum(['set', 'rollback']),
  startedAt: epochMs,
  endedAt: epochMs.nullable(),
  actor: z.string(),
  reason: z.string(),
  gate: gate.nullable(),
});

export const lineageSchema = z.object({
  version: modelVersionSchema,
  run: runSchema,
  params: z.array(keyValue).readonly(),
  inputs: z.array(datasetInputSchema).readonly(),
  parentRun: runSchema.nullable(),
});

export const modelDetailsSchema = z.object({
  model: registeredModelSchema,
  versions: z.array(modelVersionSchema),
  aliases: z.array(modelAliasSchema),
});

export const aliasWithVersionSchema = z.object({ alias: modelAliasSchema, version: modelVersionSchema });

export const heartbeatSchema = z.object({
  alive: z.boolean().describe('false once the run has ended: its owner should stop'),
});

/** The stored bytes, sent with the content type they were logged with. */
export const artifactBytes = {
  description: 'the artifact bytes, with the content type they were logged with',
  content: {
    'application/octet-stream': {
      schema: z.instanceof(Uint8Array).meta({ type: 'string', format: 'binary' }),
    },
  },
};

/**
 * Fastify sends a Buffer as it is; this serializer exists only because the route documents its
 * bytes. The route's error bodies (401, 404, 500) are objects and go through it too: as JSON.
 */
export const bytesAsSent = () => (payload: unknown) =>
  typeof payload === 'string' ? payload : JSON.stringify(payload);

export const noContent = z.null().describe('no content');

// Both directions: every record fits its schema, and every schema output is a valid record.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Deep<T> = T extends readonly (infer U)[]
  ? Deep<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Deep<T[K]> }
    : T;
type Fits<Schema extends z.ZodType, Record> = Same<Deep<z.infer<Schema>>, Deep<Record>>;
const schemasMatchRecords: [
  Fits<typeof experimentSchema, Experiment>,
  Fits<typeof runSchema, Run>,
  Fits<typeof metricPointSchema, MetricPoint>,
  Fits<typeof runDetailsSchema, RunDetails>,
  Fits<typeof registeredModelSchema, RegisteredModel>,
  Fits<typeof modelAliasSchema, ModelAlias>,
  Fits<typeof aliasHistoryEntrySchema, AliasHistoryEntry>,
  Fits<typeof modelVersionSchema, ModelVersion>,
  Fits<typeof lineageSchema, ModelLineage>,
] = [true, true, true, true, true, true, true, true, true];
void schemasMatchRecords;
