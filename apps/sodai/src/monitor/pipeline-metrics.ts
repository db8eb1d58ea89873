import { Counter, Gauge, type Registry } from 'prom-client';
import type { RunStore } from '@sodai/pipeline';
import type { RawStore } from '../store/raw-store.ts';

/** What the metrics read; the run store is shared with workers, so it sees their tasks too. */
export interface PipelineMetricSources {
  readonly runs?: Pick<RunStore, 'listRuns' | 'taskInstances'>;
  readonly store?: Pick<RawStore, 'ingestions' | 'summary'>;
  /** Runs read per scrape (newest first). Default 500. */
  readonly maxRuns?: number;
  /** A scrape reuses facts younger than this (ms). Default 10 s. */
  readonly cacheMs?: number;
}

interface Facts {
  readonly runs: Map<string, number>;
  readonly tasks: Map<string, number>;
  readonly taskSeconds: Map<string, number>;
  readonly drift: Map<string, number>;
  readonly gate: Map<string, number>;
  readonly ingestRows: Map<string, number>;
  readonly batches: Map<string, number>;
  readonly quarantined: number;
}

const bump = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

/**
 * Pipeline, ingest, drift and gate metrics, read at scrape time from what the runs recorded (the
 * run store and the ingestion log), not counted in this process: tasks run in workers and
 * schedulers this server never sees, and their records are the one place all of them write.
 * Counters are the records' totals, so they only grow while records are kept.
 */
export function registerPipelineMetrics(registry: Registry, sources: PipelineMetricSources): void {
  const registers = [registry];
  const cacheMs = sources.cacheMs ?? 10_000;
  let cached: { at: number; facts: Promise<Facts> } | undefined;
  const facts = (): Promise<Facts> => {
    if (!cached || Date.now() - cached.at > cacheMs) {
      cached = { at: Date.now(), facts: readFacts(sources) };
      // A failed read is retried on the next scrape, not cached.
      cached.facts.catch(() => (cached = undefined));
    }
    return cached.facts;
  };
  const fill = (metric: Counter<string> | Gauge<string>, label: string, values: Map<string, number>) => {
    metric.reset();
    for (const [key, value] of values) {
      const labels = Object.fromEntries(key.split('|').map((v, i) => [label.split('|')[i]!, v]));
      if (metric instanceof Counter) metric.inc(labels, value);
      else metric.set(labels, value);
    }
  };

  if (sources.runs) {
    new Counter({
      name: 'sodai_pipeline_runs_total',
      help: 'pipeline runs recorded, by DAG and state',
      labelNames: ['dag', 'state'],
      registers,
      async collect() {
        fill(this, 'dag|state', (await facts()).runs);
      },
    });
    new Counter({
      name: 'sodai_pipeline_tasks_total',
      help: 'pipeline task instances recorded, by task and final state',
      labelNames: ['task', 'state'],
      registers,
      async collect() {
        fill(this, 'task|state', (await facts()).tasks);
      },
    });
    new Counter({
      name: 'sodai_pipeline_task_seconds_total',
      help: 'time spent in finished pipeline tasks, by task (rate / tasks rate = mean duration)',
      labelNames: ['task'],
      registers,
      async collect() {
        fill(this, 'task', (await facts()).taskSeconds);
      },
    });
    new Counter({
      name: 'sodai_drift_checks_total',
      help: 'weekly drift checks, by verdict',
      labelNames: ['verdict'],
      registers,
      async collect() {
        fill(this, 'verdict', (await facts()).drift);
      },
    });
    new Counter({
      name: 'sodai_gate_decisions_total',
      help: 'champion gate decisions on trained challengers, by decision',
      labelNames: ['decision'],
      registers,
      async collect() {
        fill(this, 'decision', (await facts()).gate);
      },
    });
  }
  if (sources.store) {
    new Counter({
      name: 'sodai_ingest_rows_total',
      help: 'transaction rows read by ingestion, by outcome (accepted, quarantined, rejected)',
      labelNames: ['outcome'],
      registers,
      async collect() {
        fill(this, 'outcome', (await facts()).ingestRows);
      },
    });
    new Counter({
      name: 'sodai_ingest_batches_total',
      help: 'files ingested, by outcome',
      labelNames: ['outcome'],
      registers,
      async collect() {
        fill(this, 'outcome', (await facts()).batches);
      },
    });
    new Gauge({
      name: 'sodai_quarantined_rows',
      help: 'rows in quarantine now',
      registers,
      async collect() {
        this.set((await facts()).quarantined);
      },
    });
  }
}

async function readFacts(sources: PipelineMetricSources): Promise<Facts> {
  const facts: Facts = {
    runs: new Map(),
    tasks: new Map(),
    taskSeconds: new Map(),
    drift: new Map(),
    gate: new Map(),
    ingestRows: new Map(),
    batches: new Map(),
    quarantined: 0,
  };
  if (sources.runs) {
    for (const run of await sources.runs.listRuns({ limit: sources.maxRuns ?? 500 })) {
      bump(facts.runs, `${run.dagId}|${run.state}`);
      for (const task of await sources.runs.taskInstances(run.id)) {
        if (task.state === 'pending' || task.state === 'running' || task.state === 'up_for_retry') continue;
        bump(facts.tasks, `${task.taskId}|${task.state}`);
        if (task.startedAt && task.finishedAt)
          bump(facts.taskSeconds, task.taskId, (task.finishedAt.getTime() - task.startedAt.getTime()) / 1000);
        if (task.state !== 'success') continue;
        const output = task.output as { drifted?: unknown } | null;
        if (task.taskId === 'drift' && typeof output?.drifted === 'boolean')
          bump(facts.drift, output.drifted ? 'drift' : 'no_drift');
        if (task.taskId === 'promote') bump(facts.gate, 'promoted');
        if (task.taskId === 'keep_champion') bump(facts.gate, 'kept_champion');
      }
    }
  }
  if (sources.store) {
    for (const batch of await sources.store.ingestions(100_000)) {
      bump(facts.batches, batch.outcome);
      if (batch.outcome === 'rejected') bump(facts.ingestRows, 'rejected', batch.rowsRead);
      else {
        bump(facts.ingestRows, 'accepted', batch.rowsAccepted);
        bump(facts.ingestRows, 'quarantined', batch.rowsQuarantined);
      }
    }
    return { ...facts, quarantined: (await sources.store.summary()).quarantined };
  }
  return facts;
}
