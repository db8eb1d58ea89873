import type { Direction } from '../storages/storage.ts';
import type { FrozenTrial } from '../trial/frozen-trial.ts';

/** What a pruner may look at. */
export interface PrunerContext {
  readonly direction: Direction;
  /** The study's other trials, as recently as this process knows them (refreshed at every ask and tell). */
  readonly trials: readonly FrozenTrial[];
}

/**
 * Decides whether a running trial should stop early. `prune` is synchronous and pure — it sees the trial with
 * every value reported so far — so it can be called from a training loop's per-iteration callback. Pruners keep
 * no state: everything they need is derived from the trials' intermediate values.
 */
export interface Pruner {
  prune(context: PrunerContext, trial: FrozenTrial): boolean;
}

/**
 * Never prunes; the default.
 *
 * @example
 * const study = await createStudy({ pruner: new NopPruner() });
 */
export class NopPruner implements Pruner {
  prune(): boolean {
    return false;
  }
}
