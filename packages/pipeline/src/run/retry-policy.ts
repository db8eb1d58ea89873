import { isPipelineError } from '../errors.ts';

/** How a task retries. Delays grow as `min(maxDelayMs, baseDelayMs × 2^(attempt-1))`, minus jitter. */
export interface RetryPolicy {
  /** Retries after the first attempt (0 = one attempt in total). */
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Fraction of the delay removed at random (0 = none, 0.2 = up to 20 % shorter), so retries spread. */
  readonly jitter: number;
  /** Whether a thrown value deserves another attempt. `UnrecoverableTaskError` never does. */
  readonly retryable: (error: unknown) => boolean;
}

/** Retries everything except `UnrecoverableTaskError` (timeouts included, as in Airflow). */
export const defaultRetryable = (error: unknown): boolean => !isPipelineError(error, 'TASK_UNRECOVERABLE');

/**
 * The wait before attempt `failedAttempt + 1`, given the 1-based attempt that just failed and a
 * uniform draw in [0, 1) from a seeded generator (no `Math.random`: a replay waits the same).
 *
 * @example
 * import { backoffDelayMs } from '@sodai/pipeline';
 * backoffDelayMs({ baseDelayMs: 100, maxDelayMs: 1000, jitter: 0 }, 3, 0.5); // 400
 */
export function backoffDelayMs(
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'jitter'>,
  failedAttempt: number,
  uniform: number,
): number {
  const raw = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempt - 1));
  return Math.max(0, Math.round(raw * (1 - policy.jitter * uniform)));
}

/**
 * Whether a failure at 1-based `attempt` leads to another attempt.
 *
 * @example
 * import { shouldRetry, defaultRetryable } from '@sodai/pipeline';
 * shouldRetry({ retries: 2, retryable: defaultRetryable }, 2, new Error('flaky')); // true
 */
export function shouldRetry(
  policy: Pick<RetryPolicy, 'retries' | 'retryable'>,
  attempt: number,
  error: unknown,
): boolean {
  return attempt <= policy.retries && policy.retryable(error);
}
