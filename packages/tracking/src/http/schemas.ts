import { z } from 'zod';

// Request schemas of the REST API. They validate shape; domain rules (alias names, immutable params)
// stay in the store so every caller gets them, and surface here as 400/409 through the error table.

export const key = z.string().min(1).max(250);
const id = z.string().min(1).max(64);
const positiveInt = z.coerce.number().int().positive();

export const runIdParams = z.object({ runId: id });
export const metricParams = z.object({ runId: id, key });
export const modelParams = z.object({ name: key });
export const versionParams = z.object({ name: key, version: positiveInt });
export const aliasParams = z.object({ name: key, alias: key });

export const createExperimentBody = z.strictObject({
  name: key,
  description: z.string().max(10_000).optional(),
});

export const searchRunsQuery = z.strictObject({
  experiment: key.optional().describe('experiment name'),
  experimentId: id.optional(),
  filter: z.string().max(4000).optional().describe(`e.g. metrics.auc > 0.8 and params.depth = '6'`),
  orderBy: z.string().max(1000).optional().describe('comma-separated, e.g. metrics.auc desc,start_time'),
  status: z.string().max(100).optional().describe('comma-separated statuses'),
  parentRunId: id.optional().describe('a run id, or "none" for top-level runs'),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const artifactQuery = z.strictObject({ path: z.string().min(1).max(1000) });

export const createRunBody = z.strictObject({
  experiment: key,
  name: key.optional(),
  parentRunId: id.optional(),
});

const paramValue = z.union([z.string().max(6000), z.number(), z.boolean()]);
export const logParamsBody = z.strictObject({ params: z.record(key, paramValue) });
export const setTagsBody = z.strictObject({ tags: z.record(key, z.string().max(5000)) });
export const logMetricsBody = z.strictObject({
  metrics: z
    .array(
      z.strictObject({
        key,
        value: z.number(),
        step: z.number().int().min(0).optional(),
        timestamp: z.number().int().min(0).optional(),
      }),
    )
    .min(1)
    .max(10_000),
});
export const endRunBody = z.strictObject({ status: z.enum(['FINISHED', 'FAILED', 'KILLED']) });

export const createVersionBody = z.strictObject({
  runId: id,
  artifactPath: z.string().min(1).max(1000),
  description: z.string().max(10_000).optional(),
  metrics: z.record(key, z.number()).optional(),
  signature: z
    .looseObject({
      inputs: z.array(z.looseObject({ name: key, type: z.string().min(1) })),
      outputs: z.array(z.looseObject({ name: key, type: z.string().min(1) })).optional(),
    })
    .optional(),
});

/** A promotion gate's outcome as stored with an alias move: `passed` and whatever details it gives. */
export const gate = z.looseObject({ passed: z.boolean() });
// `actor` is accepted for older clients and ignored: the audit actor is the authorized caller.
export const setAliasBody = z.strictObject({
  version: z.number().int().positive(),
  actor: z.string().min(1).max(200).optional(),
  reason: z.string().max(2000).optional(),
  gate: gate.optional(),
});
export const rollbackBody = z.strictObject({
  actor: z.string().min(1).max(200).optional(),
  reason: z.string().min(1).max(2000),
  toVersion: z.number().int().positive().optional(),
  gate: gate.optional(),
});
