import { describe, expect, it } from 'vitest';
import {
  realizedBelowRule,
  realizedBelowTest,
  type RealizedF1Week,
} from '../../src/monitor/alerts/realized-rules.ts';
import {
  apiHealth,
  gateRejections,
  lateSourceRows,
  missingWeeks,
  staleData,
} from '../../src/monitor/alerts/pipeline-rules.ts';

const week = (
  w: number,
  f1: number,
  bestRuleF1: number,
  version = 1,
  testF1: number | null = 0.5,
): RealizedF1Week => ({
  week: `2024-0${w}-01`,
  version,
  f1,
  bestRuleF1,
  testF1,
});

describe('realized F1 below the best rule', () => {
  it('fires only after N weeks in a row below the rule, per version', () => {
    const two = [week(1, 0.3, 0.4), week(2, 0.3, 0.4)];
    expect(realizedBelowRule(two, 3)).toEqual([]); // a streak in progress says nothing
    const three = [...two, week(3, 0.35, 0.4)];
    const [fired] = realizedBelowRule(three, 3);
    expect(fired).toMatchObject({ key: 'realized_below_rule:v1', firing: true, severity: 'critical' });
    expect(fired!.summary).toMatch(/3 weeks in a row/);
  });

  it('a week above the rule breaks the streak and resolves', () => {
    const weeks = [week(1, 0.3, 0.4), week(2, 0.3, 0.4), week(3, 0.5, 0.4)];
    expect(realizedBelowRule(weeks, 2)).toEqual([expect.objectContaining({ firing: false })]);
    // Out of order input is sorted by week: the latest week decides.
    expect(realizedBelowRule([weeks[2]!, weeks[0]!, weeks[1]!], 2)[0]!.firing).toBe(false);
  });

  it('judges each serving version on its own weeks', () => {
    const weeks = [week(1, 0.3, 0.4, 1), week(2, 0.3, 0.4, 1), week(2, 0.6, 0.4, 2)];
    const out = realizedBelowRule(weeks, 2);
    expect(out.map((o) => [o.key, o.firing])).toEqual([
      ['realized_below_rule:v1', true],
      ['realized_below_rule:v2', false],
    ]);
  });
});

describe('realized F1 below the test F1', () => {
  it('fires when the latest week drops more than the bound below the test F1, skips versions without one', () => {
    expect(realizedBelowTest([week(1, 0.45, 0.1, 1, 0.5)], 0.1)[0]!.firing).toBe(false);
    expect(realizedBelowTest([week(1, 0.35, 0.1, 1, 0.5)], 0.1)[0]).toMatchObject({
      firing: true,
      details: expect.objectContaining({ drop: expect.closeTo(0.15, 6) }),
    });
    expect(realizedBelowTest([week(1, 0.1, 0.1, 3, null)], 0.1)).toEqual([]);
  });
});

describe('pipeline rules', () => {
  it('late source rows: fires while a source holds rows behind its watermark, with their count; resolves when none', () => {
    const late = lateSourceRows([
      { source: 'postgres://etl@db/erp public.sales', rows: 2, watermark: '2024-02-10' },
      { source: 'postgres://etl@db/erp public.returns', rows: 1, watermark: '2024-02-11' },
    ]);
    expect(late).toMatchObject({ key: 'late_source_rows', firing: true, details: { rows: 3 } });
    expect(late.summary).toContain('public.sales: 2 row(s) dated at or before the watermark 2024-02-10');
    expect(lateSourceRows([])).toMatchObject({ key: 'late_source_rows', firing: false });
  });

  it('missing weeks: fires while a week between weeks with data has no purchase, naming it; resolves when none', () => {
    const gap = missingWeeks(['2024-03-11', '2024-03-18']);
    expect(gap).toMatchObject({
      key: 'missing_weeks',
      firing: true,
      details: { weeks: ['2024-03-11', '2024-03-18'] },
    });
    expect(gap.summary).toContain('2024-03-11, 2024-03-18');
    expect(missingWeeks([])).toMatchObject({ key: 'missing_weeks', firing: false });
  });

  it('gate streak: fires at K rejections in a row, resolves on a promotion, waits in between', () => {
    expect(gateRejections([], 2)).toBeUndefined();
    expect(gateRejections(['rejected'], 2)).toBeUndefined();
    expect(gateRejections(['rejected', 'rejected', 'promoted'], 2)!.firing).toBe(true);
    expect(gateRejections(['promoted', 'rejected', 'rejected'], 2)!.firing).toBe(false);
  });

  it('stale data is judged on wall-clock time since the last batch; data time only when asked', () => {
    const day = 86_400_000;
    const now = Date.parse('2026-01-20T00:00:00Z');
    const base = { lastDataDate: '2024-12-31', now, maxDaysSinceBatch: 8 };
    // A replay of 2024 data that landed yesterday is fresh: data time alone would fire for ever.
    expect(staleData({ ...base, lastIngestAt: now - day })!.firing).toBe(false);
    expect(staleData({ ...base, lastIngestAt: now - 9 * day })!.firing).toBe(true);
    expect(staleData({ ...base, lastIngestAt: now - day, maxDataLagDays: 30 })!.summary).toMatch(
      /newest purchase/,
    );
    expect(staleData({ ...base, lastIngestAt: null })).toBeUndefined();
  });

  it('API health: too few requests decide nothing; error rate and p99 each against their bound', () => {
    const bounds = { minRequests: 10, maxErrorRate: 0.05, maxP99Ms: 500 };
    expect(apiHealth({ requests: 5, serverErrors: 5, p99Ms: 9000, windowMs: 60_000 }, bounds)).toEqual([]);
    const out = apiHealth({ requests: 100, serverErrors: 6, p99Ms: 200, windowMs: 60_000 }, bounds);
    expect(out.map((o) => [o.rule, o.firing])).toEqual([
      ['api_error_rate', true],
      ['api_latency', false],
    ]);
  });
});
