import { errorText, TrialPruned, TuneError } from '../errors.ts';
import type { Trial } from '../trial/trial.ts';
import type { Study, TellOutcome } from './study.ts';

/** The function being minimised or maximised; may be async. */
export type Objective = (trial: Trial) => number | Promise<number>;

export interface OptimizeOptions {
  /** Stop after starting this many trials in this call. Default: no limit. */
  readonly nTrials?: number;
  /** Start no new trial after this many milliseconds; running ones finish. Default: no limit. */
  readonly timeoutMs?: number;
  /** Trials in flight at once in this process (useful with async objectives). Default 1. */
  readonly concurrency?: number;
  /** Aborting starts no new trial; running ones finish. */
  readonly signal?: AbortSignal;
}

/**
 * The optimize loop: `concurrency` workers, each asking for a trial, running the objective and telling the
 * outcome, until a limit is hit. Errors from the objective fail only that trial; storage errors stop the loop.
 */
export async function runOptimize(
  study: Study,
  objective: Objective,
  options: OptimizeOptions,
): Promise<void> {
  const { nTrials, timeoutMs, signal } = options;
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new TuneError('INVALID_ARGUMENT', `concurrency must be an integer >= 1`);
  if (nTrials !== undefined && (!Number.isInteger(nTrials) || nTrials < 0))
    throw new TuneError('INVALID_ARGUMENT', `nTrials must be an integer >= 0`);
  const startedAt = Date.now();
  let started = 0;
  let broken = false;
  const shouldStop = (): boolean =>
    broken ||
    (nTrials !== undefined && started >= nTrials) ||
    (timeoutMs !== undefined && Date.now() - startedAt >= timeoutMs) ||
    signal?.aborted === true;

  const worker = async (): Promise<void> => {
    while (!shouldStop()) {
      started++;
      const trial = await study.ask();
      let outcome: TellOutcome;
      try {
        outcome = await objective(trial);
        if (typeof outcome !== 'number')
          outcome = { state: 'failed', error: `objective returned ${typeof outcome}, not a number` };
      } catch (e) {
        outcome = outcomeOfError(e);
      }
      await study.tell(trial, outcome);
    }
  };
  // A storage error stops the other workers after their current trial rather than leaving them running.
  await Promise.all(
    Array.from({ length: concurrency }, () =>
      worker().catch((e: unknown) => {
        broken = true;
        throw e;
      }),
    ),
  );
}

function outcomeOfError(e: unknown): TellOutcome {
  if (e instanceof TrialPruned) return { state: 'pruned' };
  return { state: 'failed', error: errorText(e) };
}
