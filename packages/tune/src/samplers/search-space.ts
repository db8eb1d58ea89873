import { distributionsEqual, isSingleValued, type Distribution } from '../distributions.ts';
import type { FrozenTrial } from '../trial/frozen-trial.ts';

/**
 * The parameters every finished (complete or pruned) trial has, with the same distribution in all of them —
 * the space a multivariate sampler can model jointly. Single-valued distributions are left out: there is
 * nothing to sample.
 *
 * @example
 * const space = intersectionSearchSpace(await study.getTrials()); // { x: {kind: 'float', …}, … }
 */
export function intersectionSearchSpace(trials: readonly FrozenTrial[]): Record<string, Distribution> {
  let space: Map<string, Distribution> | null = null;
  for (const t of trials) {
    if (t.state !== 'complete' && t.state !== 'pruned') continue;
    if (space === null) {
      space = new Map(Object.entries(t.distributions));
      continue;
    }
    for (const [name, d] of space) {
      const other = t.distributions[name];
      if (!other || !distributionsEqual(d, other)) space.delete(name);
    }
  }
  const out: Record<string, Distribution> = {};
  for (const [name, d] of [...(space ?? new Map<string, Distribution>())].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )) {
    if (!isSingleValued(d)) out[name] = d;
  }
  return out;
}
