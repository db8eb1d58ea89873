import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineDag } from '../src/dag/dag.ts';
import { PipelineError } from '../src/errors.ts';
import { backoffDelayMs } from '../src/run/retry-policy.ts';
import { dueFireTimes, fireTimesBetween } from '../src/schedule/scheduler.ts';

describe('defineDag', () => {
  it('exposes nodes, edges and trigger rules as JSON', () => {
    const dag = defineDag({ id: 'etl', schedule: '@weekly' });
    const a = dag.task('a', {}, () => 1);
    const br = dag.branch('br', { upstream: [a] }, () => ['b']);
    dag.task('b', { upstream: [br] }, () => 2);
    dag.task('c', { upstream: [br, 'b'], triggerRule: 'none_failed_min_one_success', retries: 2 }, () => 3);
    const json = dag.toJSON();
    expect(json.nodes.map((n) => [n.id, n.kind, n.triggerRule])).toEqual([
      ['a', 'task', 'all_success'],
      ['br', 'branch', 'all_success'],
      ['b', 'task', 'all_success'],
      ['c', 'task', 'none_failed_min_one_success'],
    ]);
    expect(json.edges).toEqual([
      { from: 'a', to: 'br' },
      { from: 'br', to: 'b' },
      { from: 'br', to: 'c' },
      { from: 'b', to: 'c' },
    ]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('rejects unknown upstream tasks, duplicates and bad ids', () => {
    const dag = defineDag({ id: 'x' });
    dag.task('a', {}, () => 1);
    expect(() => dag.task('b', { upstream: ['nope'] }, () => 1)).toThrow(PipelineError);
    expect(() => dag.task('a', {}, () => 1)).toThrow(/declared twice/);
    expect(() => dag.task('bad id', {}, () => 1)).toThrow(/letters/);
  });

  it('validates params with the schema', () => {
    const dag = defineDag({ id: 'p', params: z.object({ n: z.number().default(3) }) });
    expect(dag.parseParams(undefined)).toEqual({ n: 3 });
    expect(() => dag.parseParams({ n: 'x' })).toThrow(expect.objectContaining({ code: 'INVALID_PARAMS' }));
  });

  it('names each failing parameter in one readable line, not the validator JSON dump', () => {
    // Found as `sodai run weekly --retrain maybe`, which printed zod's issues as 13 lines of JSON.
    const dag = defineDag({
      id: 'p',
      params: z.object({ retrain: z.enum(['auto', 'force']), trials: z.number().int().positive() }),
    });
    let message = '';
    try {
      dag.parseParams({ retrain: 'maybe', trials: -1 });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^invalid parameters for DAG p: retrain: .*"auto".*"force".*; trials: .+$/);
    expect(message).not.toContain('\n');
  });
});

describe('retry policy', () => {
  it('doubles the delay up to the cap, jitter only shortens it', () => {
    const p = { baseDelayMs: 100, maxDelayMs: 500, jitter: 0 };
    expect([1, 2, 3, 4, 5].map((a) => backoffDelayMs(p, a, 0.9))).toEqual([100, 200, 400, 500, 500]);
    const j = backoffDelayMs({ ...p, jitter: 0.5 }, 2, 0.5);
    expect(j).toBe(150);
  });
});

describe('schedules', () => {
  const weekly = { id: 'w', schedule: '@weekly', timezone: 'UTC' };
  it('enumerates @weekly fire times in a closed range', () => {
    const t = fireTimesBetween(weekly, new Date('2024-01-07T00:00:00Z'), new Date('2024-01-28T00:00:00Z'));
    expect(t.map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2024-01-07',
      '2024-01-14',
      '2024-01-21',
      '2024-01-28',
    ]);
  });
  it('catch-up returns every missed fire time, otherwise only the latest', () => {
    const since = new Date('2024-01-07T00:00:00Z');
    const now = new Date('2024-01-30T00:00:00Z');
    expect(dueFireTimes(weekly, since, now, true)).toHaveLength(3);
    expect(dueFireTimes(weekly, since, now, false).map((d) => d.toISOString())).toEqual([
      '2024-01-28T00:00:00.000Z',
    ]);
    expect(dueFireTimes(weekly, null, now, true)).toEqual([]);
  });
});
