import { describe, expect, it } from 'vitest';
import { evaluateTriggerRule, type TriggerDecision, type TriggerRule } from '../src/dag/trigger-rules.ts';
import type { TaskState } from '../src/run/states.ts';

const cases: [TriggerRule, TaskState[], TriggerDecision][] = [
  ['all_success', [], 'run'],
  ['all_success', ['success', 'success'], 'run'],
  ['all_success', ['success', 'running'], 'wait'],
  ['all_success', ['success', 'skipped'], 'skip'],
  ['all_success', ['skipped', 'failed'], 'upstream_failed'],
  ['all_success', ['upstream_failed', 'pending'], 'upstream_failed'],
  ['all_done', ['failed', 'skipped', 'success'], 'run'],
  ['all_done', ['failed', 'up_for_retry'], 'wait'],
  ['one_success', ['success', 'running'], 'run'],
  ['one_success', ['failed', 'running'], 'wait'],
  ['one_success', ['skipped', 'skipped'], 'skip'],
  ['one_success', ['skipped', 'failed'], 'upstream_failed'],
  ['none_failed_min_one_success', ['success', 'skipped'], 'run'],
  ['none_failed_min_one_success', ['skipped', 'skipped'], 'skip'],
  ['none_failed_min_one_success', ['success', 'failed'], 'upstream_failed'],
  ['none_failed_min_one_success', ['success', 'pending'], 'wait'],
];

describe('evaluateTriggerRule', () => {
  it.each(cases)('%s over %j → %s', (rule, upstream, expected) => {
    expect(evaluateTriggerRule(rule, upstream)).toBe(expected);
  });
});
