import { describe, expect, it } from 'vitest';
import { TrackingError } from '../src/errors.ts';
import { parseRunFilter, parseRunOrder, parseStatuses } from '../src/runs/run-filter.ts';
import { isTerminal } from '../src/runs/run-status.ts';

describe('run filter text', () => {
  it('parses metric, param and tag clauses joined by and', () => {
    expect(parseRunFilter(`metrics.auc >= 0.8 AND params.max_depth = '6' and tags.stage != "prod"`)).toEqual([
      { kind: 'metric', key: 'auc', op: '>=', value: 0.8 },
      { kind: 'param', key: 'max_depth', op: '=', value: '6' },
      { kind: 'tag', key: 'stage', op: '!=', value: 'prod' },
    ]);
    expect(parseRunFilter('  ')).toEqual([]);
  });

  it('rejects clauses it cannot read, naming the filter field', () => {
    for (const bad of ['auc > 1', 'metrics.auc > high', 'metrics.auc ~ 1', 'metrics.auc >']) {
      let error: unknown;
      try {
        parseRunFilter(bad);
      } catch (e) {
        error = e;
      }
      expect(error, bad).toBeInstanceOf(TrackingError);
      expect((error as TrackingError).details.field).toBe('filter');
    }
  });

  it('parses orderings with per-kind default directions, and statuses', () => {
    expect(parseRunOrder('metrics.auc')).toEqual({
      field: { kind: 'metric', key: 'auc' },
      direction: 'desc',
    });
    expect(parseRunOrder('params.lr asc')).toEqual({ field: { kind: 'param', key: 'lr' }, direction: 'asc' });
    expect(parseRunOrder('start_time desc')).toEqual({
      field: { kind: 'attribute', key: 'startTime' },
      direction: 'desc',
    });
    expect(() => parseRunOrder('auc; drop table runs')).toThrow(TrackingError);
    expect(parseStatuses('running, failed')).toEqual(['RUNNING', 'FAILED']);
    expect(() => parseStatuses('DONE')).toThrow(TrackingError);
    expect([isTerminal('RUNNING'), isTerminal('KILLED')]).toEqual([false, true]);
  });
});
