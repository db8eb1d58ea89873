import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ModelHolder } from '../scoring/model-holder.ts';
import type { PredictionLog } from './prediction-log.ts';
import { registerPipelineMetrics, type PipelineMetricSources } from './pipeline-metrics.ts';

/**
 * The server's Prometheus metrics, on a registry of its own (two servers in one process, as in
 * tests, do not share counters): requests and latency by route, predictions by model version, the
 * serving model's age and version, the prediction log's backlog, writes and drops, process metrics
 * under their stock names, and (given sources) pipeline, ingest, drift and gate totals.
 *
 * @example
 * const metrics = new ServerMetrics(holder, () => Date.now());
 * metrics.observeRequest('POST', '/predict', 200, 0.8);
 * await metrics.registry.metrics(); // the text exposition
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly latency: Histogram<'method' | 'route'>;
  readonly predictions: Counter<'model_version' | 'route'>;

  constructor(
    holder: Pick<ModelHolder, 'current'>,
    now: () => number,
    log?: Pick<PredictionLog, 'pending' | 'dropped' | 'written'>,
    defaults = true,
    pipeline?: PipelineMetricSources,
    /** Bytes the server's DuckDB holds in its buffer pool (native memory the JS heap does not show). */
    duckDbMemory?: () => Promise<number>,
  ) {
    const registers = [this.registry];
    // Stock names (process_cpu_seconds_total, nodejs_heap_size_used_bytes): stock Node dashboards work.
    if (defaults) collectDefaultMetrics({ register: this.registry });
    if (pipeline) registerPipelineMetrics(this.registry, pipeline);
    this.requests = new Counter({
      name: 'sodai_http_requests_total',
      help: 'HTTP requests answered, by route and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.latency = new Histogram({
      name: 'sodai_http_request_duration_seconds',
      help: 'time to answer, by route',
      labelNames: ['method', 'route'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.predictions = new Counter({
      name: 'sodai_predictions_total',
      help: 'pairs scored in answers, by model version and route',
      labelNames: ['model_version', 'route'],
      registers,
    });
    new Gauge({
      name: 'sodai_model_age_seconds',
      help: 'seconds since the serving model version was registered',
      registers,
      collect() {
        const model = holder.current();
        this.set(model ? (now() - model.registeredAt.getTime()) / 1000 : Number.NaN);
      },
    });
    if (duckDbMemory) {
      new Gauge({
        name: 'sodai_duckdb_memory_bytes',
        help: "memory held by the server's DuckDB (buffer pool: tables, caches of files read, query state)",
        registers,
        async collect() {
          this.set(await duckDbMemory().catch(() => Number.NaN));
        },
      });
    }
    new Gauge({
      name: 'sodai_model_version',
      help: 'the model version serving answers (0 when none)',
      registers,
      collect() {
        this.set(holder.current()?.version ?? 0);
      },
    });
    new Gauge({
      name: 'sodai_model_loaded_timestamp_seconds',
      help: 'when the serving snapshot was loaded',
      registers,
      collect() {
        const model = holder.current();
        this.set(model ? model.loadedAt.getTime() / 1000 : Number.NaN);
      },
    });
    if (log) {
      new Gauge({
        name: 'sodai_prediction_log_pending',
        help: 'prediction log rows waiting to be written',
        registers,
        collect() {
          this.set(log.pending);
        },
      });
      mirroredCounter(
        this.registry,
        'sodai_prediction_log_dropped_total',
        'prediction log rows dropped (database too slow or failing)',
        () => log.dropped,
      );
      mirroredCounter(
        this.registry,
        'sodai_prediction_log_written_total',
        'prediction log rows written to the store',
        () => log.written,
      );
    }
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status });
    this.latency.observe({ method, route }, seconds);
  }
}

/**
 * A counter that mirrors a running count kept elsewhere (which never goes down), read at each scrape.
 *
 * @example
 * mirroredCounter(registry, 'sodai_prediction_log_written_total', 'rows written', () => log.written);
 */
export function mirroredCounter(registry: Registry, name: string, help: string, read: () => number): void {
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      this.reset();
      this.inc(read());
    },
  });
}
