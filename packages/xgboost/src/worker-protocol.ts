/** Messages between {@link train} (main thread) and the training worker. */

/** What the main thread asks of the worker. */
export type ToWorker =
  | {
      readonly type: 'start';
      readonly dtrain: bigint;
      readonly evals: readonly { readonly handle: bigint; readonly name: string }[];
      readonly params: readonly (readonly [string, string])[];
      readonly featureNames: readonly string[];
      readonly featureTypes: readonly string[];
      readonly numBoostRound: number;
    }
  | { readonly type: 'next' }
  | { readonly type: 'stop' };

/** What the worker reports back. Errors carry XGBoost's message read on the worker's own thread. */
export type FromWorker =
  | { readonly type: 'iteration'; readonly iteration: number; readonly evalText: string }
  | { readonly type: 'done'; readonly model: ArrayBuffer }
  | { readonly type: 'error'; readonly message: string; readonly code: 'NATIVE' | 'WORKER' };
