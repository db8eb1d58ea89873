import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  isPipelineError,
  nextFireTime,
  type DagJson,
  type Executor,
  type Orchestrator,
  type RunRecord,
  type RunStore,
  type TaskInstance,
} from '@sodai/pipeline';
import { z } from 'zod';
import { ErrorBodySchema } from '../../contract/api.ts';
import {
  DagSchema,
  PipelineRunDetailSchema,
  PipelineRunSchema,
  RunParamsSchema,
  RunsQuerySchema,
  TaskLogParamsSchema,
  TaskLogSchema,
  TriggerRequestSchema,
  TriggerResponseSchema,
} from '../../contract/pipeline-api.ts';
import { SodaiError } from '../../errors.ts';
import { scheduleCadence } from '../schedule-cadence.ts';
import { everyTextWithoutServerPaths } from '../server-paths.ts';

/** What the server needs to show and start pipeline runs. */
export interface PipelineAccess {
  readonly store: RunStore;
  readonly dags: readonly DagJson[];
  /** Present when this process may start runs (it drives them in-process or queues them). */
  readonly orchestrator?: Orchestrator;
  /** Where its runs' tasks go: a queue that is down makes the server not ready. */
  readonly executor?: Executor;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function dagBody(dag: DagJson, now: Date) {
  return {
    id: dag.id,
    description: dag.description,
    schedule: dag.schedule,
    next_run_at: dag.schedule ? iso(nextFireTime(dag, now)) : null,
    every: dag.schedule ? scheduleCadence(dag, now) : null,
    nodes: dag.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      upstream: dag.edges.filter((e) => e.to === n.id).map((e) => e.from),
      trigger_rule: n.triggerRule,
    })),
    edges: dag.edges.map((e) => ({ from: e.from, to: e.to })),
  };
}

function runBody(r: RunRecord) {
  return {
    id: r.id,
    dag_id: r.dagId,
    state: r.state,
    trigger: r.trigger,
    logical_date: r.logicalDate.toISOString(),
    created_at: r.createdAt.toISOString(),
    started_at: iso(r.startedAt),
    finished_at: iso(r.finishedAt),
    error: r.error,
    params: r.params,
  };
}

function taskBody(t: TaskInstance) {
  return {
    task_id: t.taskId,
    state: t.state,
    attempt: t.attempt,
    started_at: iso(t.startedAt),
    finished_at: iso(t.finishedAt),
    error: t.error,
    output: t.output,
  };
}

async function getRun(store: RunStore, runId: string): Promise<RunRecord> {
  try {
    return await store.getRun(runId);
  } catch (error) {
    if (isPipelineError(error, 'RUN_NOT_FOUND'))
      throw new SodaiError('NOT_FOUND', `no pipeline run ${runId}`);
    throw error;
  }
}

/**
 * Read APIs: DAGs with their next scheduled run, recent runs, one run's tasks, a task's log.
 * `serverFolders` are cut out of every text these routes serve (runs' and tasks' errors and
 * outputs, log lines), as from every other response: the store keeps the full paths for the
 * operator's `sodai logs` and `runs show`, a reader on the web sees `exports/p.csv`.
 */
export const pipelineReadRoutes: FastifyPluginAsyncZod<{
  pipeline: PipelineAccess;
  now: () => Date;
  serverFolders: readonly string[];
}> = async (app, { pipeline, now, serverFolders }) => {
  const tags = ['pipeline'];
  app.addHook('preSerialization', async (_req, _reply, payload: unknown) =>
    everyTextWithoutServerPaths(payload, serverFolders),
  );
  app.get(
    '/dags',
    { schema: { tags, summary: 'DAGs and their structure', response: { 200: z.array(DagSchema) } } },
    async () => pipeline.dags.map((d) => dagBody(d, now())),
  );
  app.get(
    '/runs',
    {
      schema: {
        tags,
        summary: 'Recent pipeline runs',
        querystring: RunsQuerySchema,
        response: { 200: z.array(PipelineRunSchema) },
      },
    },
    async (req) => (await pipeline.store.listRuns({ limit: req.query.limit })).map(runBody),
  );
  app.get(
    '/runs/:run_id',
    {
      schema: {
        tags,
        summary: 'A run with its DAG and task states',
        params: RunParamsSchema,
        response: { 200: PipelineRunDetailSchema, 404: ErrorBodySchema },
      },
    },
    async (req) => {
      const run = await getRun(pipeline.store, req.params.run_id);
      const { next_run_at: _next, every: _every, ...dag } = dagBody(run.dag, now());
      return { ...runBody(run), dag, tasks: (await pipeline.store.taskInstances(run.id)).map(taskBody) };
    },
  );
  app.get(
    '/runs/:run_id/tasks/:task_id/logs',
    {
      schema: {
        tags,
        summary: "A task's captured log lines",
        params: TaskLogParamsSchema,
        response: { 200: z.array(TaskLogSchema), 404: ErrorBodySchema },
      },
    },
    async (req) => {
      const run = await getRun(pipeline.store, req.params.run_id);
      if (!run.dag.nodes.some((n) => n.id === req.params.task_id)) {
        throw new SodaiError('NOT_FOUND', `run ${run.id} has no task ${req.params.task_id}`);
      }
      return (await pipeline.store.taskLogs(run.id, req.params.task_id)).map((l) => ({
        attempt: l.attempt,
        level: l.level,
        message: l.message,
        at: l.at.toISOString(),
      }));
    },
  );
};

/** Admin: start a run of a DAG now (it goes on in the background; poll the run). */
export const pipelineAdminRoutes: FastifyPluginAsyncZod<{ pipeline: PipelineAccess }> = async (
  app,
  { pipeline },
) => {
  app.post(
    '/pipeline/dags/:dag_id/runs',
    {
      schema: {
        tags: ['admin'],
        summary: 'Trigger a DAG run with parameters',
        security: [{ bearer: [] }],
        params: z.object({ dag_id: z.string().min(1) }),
        body: TriggerRequestSchema,
        response: { 202: TriggerResponseSchema, 404: ErrorBodySchema },
      },
    },
    async (req, reply) => {
      if (!pipeline.dags.some((d) => d.id === req.params.dag_id)) {
        throw new SodaiError('NOT_FOUND', `no DAG ${req.params.dag_id}`);
      }
      if (!pipeline.orchestrator) throw new SodaiError('NOT_FOUND', 'this server does not run pipelines');
      const runId = await pipeline.orchestrator.trigger(req.params.dag_id, {
        params: req.body,
        trigger: 'manual',
      });
      return reply.code(202).send({ run_id: runId });
    },
  );
};
