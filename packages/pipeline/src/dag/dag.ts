import { PipelineError, isPipelineError, requireArgument } from '../errors.ts';
import type { TaskDefinition, TaskFn, TaskKind, TaskOptions, TaskRef } from './task.ts';
import { TRIGGER_RULES, type TriggerRule } from './trigger-rules.ts';

/** Anything with `parse` (a zod schema fits): validates and types a run's parameters. */
export interface ParamsSchema<P> {
  parse(input: unknown): P;
}

/**
 * One line per failing parameter (`retrain: Invalid option: …`) when the schema's error lists its
 * issues with paths, as zod and other Standard Schema validators do; else the error as text.
 */
function describeParamsError(e: unknown): string {
  const issues = (e as { issues?: unknown }).issues;
  if (!Array.isArray(issues) || issues.length === 0) return String(e);
  return issues
    .map((issue: { path?: readonly PropertyKey[]; message?: string }) => {
      const at = (issue.path ?? []).map(String).join('.') || '(root)';
      return `${at}: ${issue.message ?? 'invalid'}`;
    })
    .join('; ');
}

export interface DagOptions<P> {
  readonly id: string;
  /** Cron expression or nickname (`@weekly`, `@daily`, ...), evaluated in `timezone` by croner. */
  readonly schedule?: string;
  readonly timezone?: string;
  /** First logical date the scheduler may catch up from when the DAG has never run on schedule. */
  readonly startDate?: Date;
  readonly params?: ParamsSchema<P>;
  /** Runs of this DAG allowed in `running` at once; others wait in `queued` (default 1). */
  readonly maxActiveRuns?: number;
  readonly description?: string;
}

/** The DAG's structure as stored with every run and drawn by a UI. */
export interface DagJson {
  readonly id: string;
  readonly schedule: string | null;
  readonly timezone: string;
  readonly maxActiveRuns: number;
  readonly description: string | null;
  readonly nodes: readonly DagNodeJson[];
  readonly edges: readonly { readonly from: string; readonly to: string }[];
}

export interface DagNodeJson {
  readonly id: string;
  readonly kind: TaskKind;
  readonly triggerRule: TriggerRule;
  readonly retries: number;
  /** The first retry's delay (later ones back off from it). */
  readonly retryDelayMs: number;
  readonly timeoutMs: number | null;
}

const ID = /^[A-Za-z0-9_.-]{1,128}$/;

/**
 * A DAG of tasks. Build it with {@link defineDag}, add tasks in dependency order, hand it to an
 * orchestrator. The same module is imported by BullMQ workers, so it must only declare (no side effects).
 *
 * @example
 * import { defineDag } from '@sodai/pipeline';
 * const dag = defineDag({ id: 'etl', schedule: '@weekly' });
 * const extract = dag.task('extract', {}, async () => ({ rows: 3 }));
 * dag.task('load', { upstream: [extract] }, async (ctx) => ctx.input(extract).rows * 2);
 * console.log(dag.toJSON().edges); // [{ from: 'extract', to: 'load' }]
 */
export class Dag<P = Record<string, unknown>> {
  readonly id: string;
  readonly schedule: string | null;
  readonly timezone: string;
  readonly startDate: Date | null;
  readonly maxActiveRuns: number;
  readonly description: string | null;
  readonly #params: ParamsSchema<P> | null;
  readonly #tasks = new Map<string, TaskDefinition>();
  readonly #downstream = new Map<string, string[]>();

  constructor(options: DagOptions<P>) {
    requireArgument(ID.test(options.id), 'id', 'must be 1-128 letters, digits, _ . -');
    const maxActiveRuns = options.maxActiveRuns ?? 1;
    requireArgument(
      Number.isInteger(maxActiveRuns) && maxActiveRuns >= 1,
      'maxActiveRuns',
      'must be an integer ≥ 1',
    );
    this.id = options.id;
    this.schedule = options.schedule ?? null;
    this.timezone = options.timezone ?? 'UTC';
    this.startDate = options.startDate ?? null;
    this.maxActiveRuns = maxActiveRuns;
    this.description = options.description ?? null;
    this.#params = options.params ?? null;
  }

  /**
   * Declares a task. Upstream tasks must be declared first, which also rules out cycles.
   * Returns a ref whose output type downstream `ctx.input(ref)` infers.
   */
  task<Out>(id: string, options: TaskOptions, fn: TaskFn<P, Out>): TaskRef<Awaited<Out>> {
    return this.#add(id, 'task', options, fn);
  }

  /**
   * Declares a branch: its function returns the ids of the directly downstream tasks to follow.
   * The other direct downstream tasks are skipped, and the skip propagates by trigger rules.
   */
  branch(id: string, options: TaskOptions, fn: TaskFn<P, readonly string[]>): TaskRef<readonly string[]> {
    return this.#add(id, 'branch', options, fn);
  }

  #add<Out>(id: string, kind: TaskKind, options: TaskOptions, fn: TaskFn<P, Out>): TaskRef<Awaited<Out>> {
    if (!ID.test(id))
      throw new PipelineError('DAG_INVALID', `task id "${id}" must be 1-128 letters, digits, _ . -`);
    if (this.#tasks.has(id))
      throw new PipelineError('DAG_INVALID', `task "${id}" declared twice in DAG ${this.id}`);
    const upstream = (options.upstream ?? []).map((u) => (typeof u === 'string' ? u : u.id));
    for (const u of upstream) {
      if (!this.#tasks.has(u)) {
        throw new PipelineError(
          'DAG_INVALID',
          `task "${id}" depends on "${u}", which is not declared before it`,
          {
            task: id,
            upstream: u,
          },
        );
      }
    }
    if (new Set(upstream).size !== upstream.length) {
      throw new PipelineError('DAG_INVALID', `task "${id}" lists an upstream task twice`);
    }
    const triggerRule = options.triggerRule ?? 'all_success';
    if (!TRIGGER_RULES.includes(triggerRule))
      throw new PipelineError('DAG_INVALID', `unknown trigger rule ${triggerRule}`);
    const retries = options.retries ?? 0;
    requireArgument(Number.isInteger(retries) && retries >= 0, `${id}.retries`, 'must be an integer ≥ 0');
    const timeoutMs = options.timeoutMs ?? null;
    requireArgument(timeoutMs === null || timeoutMs > 0, `${id}.timeoutMs`, 'must be > 0');
    const userRetryable = options.retryable;
    const def: TaskDefinition = Object.freeze({
      id,
      kind,
      upstream: Object.freeze(upstream),
      triggerRule,
      retries,
      retryDelayMs: options.retryDelayMs ?? 1000,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 60_000,
      retryJitter: options.retryJitter ?? 0.2,
      retryable: (e: unknown) =>
        !isPipelineError(e, 'TASK_UNRECOVERABLE') && (userRetryable ? userRetryable(e) : true),
      timeoutMs,
      fn: fn as TaskFn<never, unknown>,
    });
    this.#tasks.set(id, def);
    this.#downstream.set(id, []);
    for (const u of upstream) this.#downstream.get(u)?.push(id);
    return Object.freeze({ id });
  }

  /** Tasks in declaration order, which is a topological order. */
  get tasks(): readonly TaskDefinition[] {
    return [...this.#tasks.values()];
  }

  getTask(id: string): TaskDefinition {
    const t = this.#tasks.get(id);
    if (!t)
      throw new PipelineError('TASK_NOT_FOUND', `DAG ${this.id} has no task "${id}"`, {
        dagId: this.id,
        taskId: id,
      });
    return t;
  }

  /** Ids of the tasks that list `id` as upstream. */
  downstreamOf(id: string): readonly string[] {
    return this.#downstream.get(id) ?? [];
  }

  /** Validates raw parameters with the DAG's schema (identity without one). Throws INVALID_PARAMS. */
  parseParams(raw: unknown): P {
    if (!this.#params) return (raw ?? {}) as P;
    try {
      return this.#params.parse(raw ?? {});
    } catch (e) {
      throw new PipelineError(
        'INVALID_PARAMS',
        `invalid parameters for DAG ${this.id}: ${describeParamsError(e)}`,
        { dagId: this.id },
        e,
      );
    }
  }

  /** The structure (nodes, edges, trigger rules) as plain JSON, for the run store and a UI graph. */
  toJSON(): DagJson {
    const nodes = this.tasks.map((t) =>
      Object.freeze({
        id: t.id,
        kind: t.kind,
        triggerRule: t.triggerRule,
        retries: t.retries,
        retryDelayMs: t.retryDelayMs,
        timeoutMs: t.timeoutMs,
      }),
    );
    const edges = this.tasks.flatMap((t) => t.upstream.map((u) => Object.freeze({ from: u, to: t.id })));
    return Object.freeze({
      id: this.id,
      schedule: this.schedule,
      timezone: this.timezone,
      maxActiveRuns: this.maxActiveRuns,
      description: this.description,
      nodes: Object.freeze(nodes),
      edges: Object.freeze(edges),
    });
  }
}

/**
 * Creates an empty DAG; add tasks with `dag.task()` and `dag.branch()`.
 *
 * @example
 * import { z } from 'zod';
 * import { defineDag } from '@sodai/pipeline';
 * const dag = defineDag({ id: 'weekly', schedule: '@weekly', params: z.object({ force: z.boolean().default(false) }) });
 * dag.task('hello', {}, async (ctx) => (ctx.params.force ? 'forced' : 'normal'));
 */
export function defineDag<P = Record<string, unknown>>(options: DagOptions<P>): Dag<P> {
  return new Dag<P>(options);
}

/**
 * What orchestrators and workers need of a DAG, free of its parameter type, so DAGs with different
 * parameters share one registry (`Dag<P>` is invariant in `P`).
 */
export type AnyDag = Pick<
  Dag<unknown>,
  | 'id'
  | 'schedule'
  | 'timezone'
  | 'startDate'
  | 'maxActiveRuns'
  | 'tasks'
  | 'getTask'
  | 'downstreamOf'
  | 'parseParams'
  | 'toJSON'
>;
