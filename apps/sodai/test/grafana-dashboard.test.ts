import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServerMetrics } from '../src/monitor/server-metrics.ts';
import { NativeMemoryGovernor, registerGovernorMetrics } from '../src/serve/native-memory-governor.ts';

const DASHBOARD = path.resolve(import.meta.dirname, '../../../ops/grafana/sodai-dashboard.json');

const NOT_SCRAPED = (): Promise<never> => Promise.reject(new Error('names only: never scraped'));

/** Every metric name a fully equipped server registers (log, pipeline sources, DuckDB, governor). */
function exportedMetrics(): Set<string> {
  const metrics = new ServerMetrics(
    { current: () => undefined },
    () => 0,
    { pending: 0, dropped: 0, written: 0 },
    false,
    {
      runs: { listRuns: NOT_SCRAPED, taskInstances: NOT_SCRAPED },
      store: { ingestions: NOT_SCRAPED, summary: NOT_SCRAPED },
    },
    NOT_SCRAPED,
  );
  registerGovernorMetrics(metrics.registry, new NativeMemoryGovernor({ growthMb: 128 }));
  return new Set(metrics.registry.getMetricsAsArray().map((metric) => metric.name));
}

describe('the sample Grafana dashboard', () => {
  it('queries only metrics the server exports (or stock process metrics)', () => {
    const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const exported = exportedMetrics();
    const used = dashboard.panels.flatMap((p) =>
      p.targets.flatMap((t) => [...t.expr.matchAll(/\b(sodai_[a-z_]+|process_[a-z_]+|nodejs_[a-z_0-9]+)/g)]),
    );
    const unknown = used
      .map((m) => m[1]!)
      .filter((name) => name.startsWith('sodai_'))
      .map((name) => name.replace(/_(bucket|sum|count)$/, ''))
      .filter((name) => !exported.has(name));
    expect(unknown).toEqual([]);
    for (const wanted of [
      'sodai_pipeline_runs_total',
      'sodai_drift_checks_total',
      'sodai_gate_decisions_total',
      'sodai_ingest_rows_total',
      'sodai_prediction_log_dropped_total',
    ])
      expect(used.map((m) => m[1])).toContain(wanted);
  });
});
