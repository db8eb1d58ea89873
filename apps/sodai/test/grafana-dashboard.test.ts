import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DASHBOARD = path.resolve(import.meta.dirname, '../../../ops/grafana/sodai-dashboard.json');
const MONITOR = path.resolve(import.meta.dirname, '../src/monitor');

/** Metric names declared in the monitor room (`name: 'sodai_…'`). */
function declaredMetrics(): Set<string> {
  const names = new Set<string>();
  for (const file of ['server-metrics.ts', 'pipeline-metrics.ts']) {
    const text = readFileSync(path.join(MONITOR, file), 'utf8');
    for (const m of text.matchAll(/name: '(sodai_[a-z_]+)'/g)) names.add(m[1]!);
  }
  return names;
}

describe('the sample Grafana dashboard', () => {
  it('queries only metrics the server exports (or stock process metrics)', () => {
    const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const declared = declaredMetrics();
    const used = dashboard.panels.flatMap((p) =>
      p.targets.flatMap((t) => [...t.expr.matchAll(/\b(sodai_[a-z_]+|process_[a-z_]+|nodejs_[a-z_0-9]+)/g)]),
    );
    const unknown = used
      .map((m) => m[1]!)
      .filter((name) => name.startsWith('sodai_'))
      .map((name) => name.replace(/_(bucket|sum|count)$/, ''))
      .filter((name) => !declared.has(name));
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
