import { serviceGate, type OpenFixture } from '@sodai/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../src/store/catalog/catalog.ts';
import type { RealizedMetricRow } from '../src/store/catalog/monitor-records.ts';
import { alignStoredPredictions, pairKey, scoreRealizedWeek } from '../src/model/realized-scoring.ts';
import { estimatePerformance } from '../src/model/estimated-performance.ts';
import {
  estimationError,
  groupEstimatedRows,
  groupRealizedRows,
} from '../src/monitor/realized-performance.ts';
import { seededRandom } from '@sodai/random';
import type { DatasetMatrix } from '../src/features/dataset-matrix.ts';
import { catalogFixtures } from './store/catalog-fixtures.ts';

const row = (
  week: string,
  scorer: string,
  metric: string,
  value: number,
  version = 3,
): RealizedMetricRow => ({
  week,
  version,
  scorer,
  metric,
  value,
  daysObserved: 7,
});

function describeMonitorRecords(name: string, open: OpenFixture<Catalog>): void {
  describe(`monitor records: ${name}`, () => {
    let catalog: Catalog;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store: catalog, cleanup } = await open());
    });
    afterEach(async () => cleanup());

    it('keeps realized rows by week and replaces a week whole when it is scored again', async () => {
      const records = catalog.monitor;
      await records.replaceRealizedWeek('2024-03-04', [
        row('2024-03-04', 'model', 'f1', 0.41),
        row('2024-03-04', 'rule:k_of_n', 'f1', 0.38, 0),
      ]);
      await records.replaceRealizedWeek('2024-03-11', [row('2024-03-11', 'model', 'f1', 0.44)]);
      await records.replaceRealizedWeek('2024-03-04', [row('2024-03-04', 'model', 'f1', 0.4)]);
      expect(await records.realized()).toEqual([
        row('2024-03-04', 'model', 'f1', 0.4),
        row('2024-03-11', 'model', 'f1', 0.44),
      ]);
      expect(await records.realized({ from: '2024-03-05' })).toEqual([
        row('2024-03-11', 'model', 'f1', 0.44),
      ]);
      expect([...(await records.realizedWeeks()).keys()]).toEqual(['2024-03-04', '2024-03-11']);
    });

    it('writes nothing of a week when one of its rows is refused', async () => {
      await catalog.monitor.replaceRealizedWeek('2024-03-04', [row('2024-03-04', 'model', 'f1', 0.41)]);
      // The same key twice: the primary key refuses the second, and the first must not stay behind.
      await expect(
        catalog.monitor.replaceRealizedWeek('2024-03-04', [
          row('2024-03-04', 'model', 'recall', 0.5),
          row('2024-03-04', 'model', 'recall', 0.6),
        ]),
      ).rejects.toThrow();
      expect(await catalog.monitor.realized()).toEqual([row('2024-03-04', 'model', 'f1', 0.41)]);
    });

    it('refuses a row of another week', async () => {
      await expect(
        catalog.monitor.replaceRealizedWeek('2024-03-04', [row('2024-03-11', 'model', 'f1', 0.4)]),
      ).rejects.toThrow(/2024-03-11/);
    });

    it('replaces the estimated rows of one week and version only', async () => {
      const est = (version: number, value: number) => ({ week: '2024-03-04', version, metric: 'f1', value });
      await catalog.monitor.replaceEstimated('2024-03-04', 2, [est(2, 0.3)]);
      await catalog.monitor.replaceEstimated('2024-03-04', 3, [est(3, 0.35)]);
      await catalog.monitor.replaceEstimated('2024-03-04', 3, [est(3, 0.37)]);
      expect(await catalog.monitor.estimated()).toEqual([est(2, 0.3), est(3, 0.37)]);
    });
  });
}

describeMonitorRecords('SQLite', catalogFixtures.openSqliteFixture);
const pg = await serviceGate('postgres');
describe.runIf(pg.available)('Postgres', () => {
  describeMonitorRecords('Postgres', catalogFixtures.postgresFixture(pg.url));
});

/** Two customers × three products, labels given. */
function matrixOf(labels: number[]): DatasetMatrix {
  return {
    rows: 6,
    featureNames: [],
    features: new Float32Array(0),
    labels: Float32Array.from(labels),
    customerIds: Float64Array.from([1, 1, 1, 2, 2, 2]),
    productIds: Float64Array.from([10, 11, 12, 10, 11, 12]),
    cutoffIndex: new Int32Array(6),
    cutoffs: ['2024-03-04'],
    fromHistory: new Uint8Array(6).fill(1),
  };
}

describe('scoring stored predictions', () => {
  it('reproduces the stored predicted flags even where two scores differ below float32 precision', () => {
    const matrix = matrixOf([1, 0, 0, 1, 1, 0]);
    const close = 0.3;
    const stored = new Map([
      [pairKey(1, 10), { score: 0.9, predicted: true }],
      [pairKey(1, 11), { score: close + 1e-12, predicted: true }],
      [pairKey(1, 12), { score: close, predicted: false }],
      [pairKey(2, 10), { score: 0.8, predicted: true }],
      // (2, 11) was never scored: a customer's pair that appeared after the prediction.
      [pairKey(2, 12), { score: 0.1, predicted: false }],
    ]);
    const { scores, threshold } = alignStoredPredictions(matrix, stored);
    const predicted = Array.from(scores, (s) => s >= threshold);
    expect(predicted).toEqual([true, true, false, true, false, false]);
    const metrics = scoreRealizedWeek(scores, threshold, matrix, { total: 1, byCustomer: new Map([[3, 1]]) });
    // 2 hits of 3 predicted; 3 candidate purchases + 1 no candidate covered.
    expect(metrics.precision).toBeCloseTo(2 / 3, 12);
    expect(metrics.recall).toBeCloseTo(2 / 4, 12);
    expect(metrics.hits).toBe(2);
    expect(metrics.candidate_share).toBeCloseTo(3 / 4, 12);
    // Buyers 1, 2 (candidates) and 3 (uncovered); 1 and 2 were given a predicted pair.
    expect(metrics.customer_coverage).toBeCloseTo(2 / 3, 12);
  });

  it('counts top-5 hits, the lists with a hit, and expected against realized units of the predicted pairs', () => {
    // Customer 1 bought product 10; customer 2 bought 10 and 11 (11 was never scored, so in no list).
    const matrix = matrixOf([1, 0, 0, 1, 1, 0]);
    const scores = Float64Array.from([0.9, 0.5, 0.2, 0.1, Number.NEGATIVE_INFINITY, 0.05]);
    const units = {
      usual: Float64Array.from([4, 2, 10, 6, 3, 1]),
      bought: Float64Array.from([5, 0, 0, 7, 2, 0]),
    };
    const missed = { total: 0, byCustomer: new Map<number, number>() };
    const model = scoreRealizedWeek(scores, 0.4, matrix, missed, { ...units, probabilities: true });
    // Lists: customer 1 → 10, 11, 12 (10 bought); customer 2 → 10, 12 (10 bought).
    expect(model.top5_hits).toBe(2);
    expect(model.top5_hit_rate).toBe(1);
    // Predicted pairs (score ≥ 0.4): (1,10) and (1,11).
    expect(model.expected_units).toBeCloseTo(0.9 * 4 + 0.5 * 2, 12);
    expect(model.realized_units).toBe(5);
    const rule = scoreRealizedWeek(scores, 0.4, matrix, missed, { ...units, probabilities: false });
    expect(rule.expected_units).toBeNaN();
    expect(rule.realized_units).toBe(5);
    // Customer 2's list misses when only an unbought product leads it.
    const worse = scoreRealizedWeek(
      Float64Array.from([0.9, 0.5, 0.2, -1, Number.NEGATIVE_INFINITY, 0.05]),
      0.4,
      matrixOf([0, 0, 0, 0, 1, 0]),
      missed,
    );
    expect(worse.top5_hits).toBe(0);
    expect(worse.top5_hit_rate).toBe(0);
  });

  it('groups rows into weeks with the served versions newest first and the chosen rule', () => {
    const weeks = groupRealizedRows([
      row('2024-03-04', 'model', 'f1', 0.4, 2),
      row('2024-03-04', 'model', 'f1', 0.45, 3),
      row('2024-03-04', 'rule:k_of_n', 'f1', 0.42, 0),
      row('2024-03-04', 'rule:k_of_n', 'chosen', 1, 0),
      row('2024-03-04', 'rule:last_week', 'f1', 0.3, 0),
      row('2024-03-04', 'rule:last_week', 'chosen', 0, 0),
    ]);
    expect(weeks).toHaveLength(1);
    expect(weeks[0]!.served.map((s) => s.version)).toEqual([3, 2]);
    expect(weeks[0]!.bestRule?.scorer).toBe('rule:k_of_n');
    expect(weeks[0]!.rules.map((r) => r.scorer)).toEqual(['rule:k_of_n', 'rule:last_week']);
  });
});

describe('estimated performance before the labels', () => {
  it('expects hits from the probabilities of the predicted pairs and counts uncovered purchases as misses', () => {
    const e = estimatePerformance([0.9, 0.6, 0.2, 0.1], 0.5, 0.2);
    expect(e.expected_hits).toBeCloseTo(1.5, 12);
    expect(e.expected_purchases).toBeCloseTo(2, 12);
    expect(e.precision).toBeCloseTo(0.75, 12);
    expect(e.recall).toBeCloseTo(0.75, 12);
    expect(e.f1).toBeCloseTo((2 * 1.5) / (2 + 2), 12);
  });

  it('lands near the F1 that calibrated probabilities actually deliver', () => {
    const random = seededRandom(3);
    const probabilities = Array.from({ length: 20_000 }, () => random() ** 3);
    const estimate = estimatePerformance(probabilities, 0.4, 0);
    const realized: number[] = [];
    for (let draw = 0; draw < 5; draw++) {
      const labels = probabilities.map((p) => (random() < p ? 1 : 0));
      realized.push(
        scoreRealizedWeek(probabilities, 0.4, weekOf(labels), { total: 0, byCustomer: new Map() }).f1,
      );
    }
    for (const f1 of realized) expect(Math.abs(f1 - estimate.f1)).toBeLessThan(0.02);
  });

  it('measures the estimation error over the weeks that have an estimate and a realized value', () => {
    const weeks = groupRealizedRows(
      [row('2024-03-04', 'model', 'f1', 0.4, 3), row('2024-03-11', 'model', 'f1', 0.5, 3)],
      groupEstimatedRows([
        { week: '2024-03-04', version: 3, metric: 'f1', value: 0.45 },
        { week: '2024-03-18', version: 3, metric: 'f1', value: 0.9 },
      ]),
    );
    expect(weeks[0]!.estimated).toEqual([{ version: 3, metrics: { f1: 0.45 } }]);
    const error = estimationError(weeks);
    expect(error.weeks).toBe(1);
    expect(error.f1MeanAbsError).toBeCloseTo(0.05, 12);
    expect(error.f1MeanBias).toBeCloseTo(0.05, 12);
  });
});

/** One customer per row (so ranking metrics stay trivial), with the labels given. */
function weekOf(labels: number[]): DatasetMatrix {
  const n = labels.length;
  return {
    rows: n,
    featureNames: [],
    features: new Float32Array(0),
    labels: Float32Array.from(labels),
    customerIds: Float64Array.from({ length: n }, (_, i) => i),
    productIds: new Float64Array(n),
    cutoffIndex: new Int32Array(n),
    cutoffs: ['2024-03-04'],
    fromHistory: new Uint8Array(n).fill(1),
  };
}
