import type { PipelineRun, TaskState } from '../../api/pipeline-types.ts';

/** The message key naming a task state (or "not run" when the run has no such task yet). */
export const taskStateKey = (state: TaskState | 'none') => `pipeline.state.${state}` as const;

/** The message key naming a run state. */
export const runStateKey = (state: PipelineRun['state']) => `pipeline.runState.${state}` as const;
