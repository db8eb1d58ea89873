/** Lifecycle of a run: RUNNING until it ends as one of the three terminal states. */
export type RunStatus = 'RUNNING' | 'FINISHED' | 'FAILED' | 'KILLED';

/** The states a run can end in. */
export type TerminalRunStatus = Exclude<RunStatus, 'RUNNING'>;

export const RUN_STATUSES: readonly RunStatus[] = Object.freeze(['RUNNING', 'FINISHED', 'FAILED', 'KILLED']);

/**
 * Whether a run in `status` has ended (no more params, metrics or artifacts).
 *
 * @example
 * import { isTerminal } from '@sodai/tracking';
 * isTerminal('FINISHED'); // true
 * isTerminal('RUNNING'); // false
 */
export function isTerminal(status: RunStatus): status is TerminalRunStatus {
  return status !== 'RUNNING';
}

/** Narrows an arbitrary string to a {@link RunStatus}. */
export function isRunStatus(value: string): value is RunStatus {
  return (RUN_STATUSES as readonly string[]).includes(value);
}
