import { PipelineError } from '../errors.ts';
import type { AnyDag } from './dag.ts';

/** The DAGs one orchestrator may run, by id. */
export interface DagRegistry {
  /** The DAG with `id`; DAG_NOT_FOUND when none is registered. */
  get(id: string): AnyDag;
  /** The DAG with `id`, or undefined. */
  find(id: string): AnyDag | undefined;
  all(): Iterable<AnyDag>;
}

/** Indexes `dags` by id; DAG_INVALID when two share one. */
export function dagRegistry(dags: readonly AnyDag[]): DagRegistry {
  const byId = new Map<string, AnyDag>();
  for (const d of dags) {
    if (byId.has(d.id)) throw new PipelineError('DAG_INVALID', `two DAGs with id ${d.id}`);
    byId.set(d.id, d);
  }
  return {
    get(id) {
      const d = byId.get(id);
      if (!d) throw new PipelineError('DAG_NOT_FOUND', `no DAG ${id} is registered`, { dagId: id });
      return d;
    },
    find: (id) => byId.get(id),
    all: () => byId.values(),
  };
}
