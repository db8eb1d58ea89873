import type { RunStore, TaskInstance } from '@sodai/pipeline';
import {
  GateDecisionSchema,
  RetrainDecisionSchema,
  type GateVerdict,
  type RetrainVerdict,
} from '../../contract/model-decisions.ts';
import { legacyGateVerdict } from './gate-reason.ts';
import { legacyRetrainVerdict, RETRAIN_LINE } from './retrain-reason.ts';

/** A decision as a run recorded it: its English reason and, unless that is all there is, its verdict. */
export interface RecordedDecision<V> {
  readonly reason: string;
  readonly verdict: V | undefined;
}

export interface RecordedRetrain extends RecordedDecision<RetrainVerdict> {
  readonly retrain: boolean;
}

/** Lines every task logs that say nothing about its decision. */
const ROUTINE_LINE = /^(?:ran on |champion v\d+ loaded|dataset reused)/;

/** The last line a task logged about its decision (the gate logs its reason last). */
async function decisionLine(store: RunStore, runId: string, taskId: string): Promise<string | undefined> {
  const logs = await store.taskLogs(runId, taskId);
  return logs
    .map((l) => l.message)
    .filter((m) => !ROUTINE_LINE.test(m))
    .at(-1);
}

/**
 * What a run's `should_retrain` decided and why: its task output, or, for a run recorded before the
 * task kept its decision there, the line it logged.
 */
export async function recordedRetrain(
  store: RunStore,
  runId: string,
  task: TaskInstance | undefined,
): Promise<RecordedRetrain | undefined> {
  const output = RetrainDecisionSchema.safeParse(task?.output);
  if (output.success) return output.data;
  const m = (await decisionLine(store, runId, 'should_retrain'))?.match(RETRAIN_LINE);
  if (!m) return undefined;
  return { retrain: m[1] === 'retrain', reason: m[2]!, verdict: legacyRetrainVerdict(m[2]!) };
}

/**
 * What a run's gate decided and why: its task output, or, for a run recorded before the task kept
 * its decision there (or a gate that failed before deciding), the last line it logged.
 */
export async function recordedGate(
  store: RunStore,
  runId: string,
  task: TaskInstance | undefined,
): Promise<RecordedDecision<GateVerdict> | undefined> {
  const output = GateDecisionSchema.safeParse(task?.output);
  if (output.success) return output.data;
  const line = await decisionLine(store, runId, 'gate');
  return line === undefined ? undefined : { reason: line, verdict: legacyGateVerdict(line) };
}

/** The version a run's `promote` task wrote in its output ({ version }), when it did. */
export function promotedVersionOf(promote: TaskInstance | undefined): number | undefined {
  const output = promote?.output;
  if (typeof output !== 'object' || output === null || !('version' in output)) return undefined;
  return typeof output.version === 'number' ? output.version : undefined;
}
