import { Rng } from './rng.ts';

/**
 * A seeded source of uniforms in [0, 1) as a plain function, for APIs that take `() => number`
 * (retry jitter, shuffles, test data).
 *
 * @example
 * import { seededRandom } from '@sodai/random';
 * const random = seededRandom(42);
 * random() === seededRandom(42)(); // true
 */
export function seededRandom(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}
