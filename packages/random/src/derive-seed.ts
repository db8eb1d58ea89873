/**
 * Derives an independent 32-bit seed from a base seed and labels (trial number, parameter name), so that each
 * trial's draws do not depend on how many draws other trials made before it — concurrency and resumption then
 * leave per-trial randomness unchanged.
 *
 * @example
 * import { deriveSeed, Rng } from '@sodai/random';
 * const rng = new Rng(deriveSeed(42, 7, 'learning_rate'));
 */
export function deriveSeed(seed: number, ...labels: readonly (number | string)[]): number {
  let h = fmix32((seed >>> 0) ^ 0x2545f491);
  for (const label of labels) {
    if (typeof label === 'number') {
      h = fmix32(h ^ fmix32(label >>> 0) ^ Math.imul(Math.floor(label / 4294967296), 0x27d4eb2f));
    } else {
      // FNV-1a over UTF-16 code units, folded into the running hash.
      let f = 0x811c9dc5;
      for (let i = 0; i < label.length; i++) f = Math.imul(f ^ label.charCodeAt(i), 0x01000193);
      h = fmix32(h ^ (f >>> 0) ^ 0x9e3779b9);
    }
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finalizer: every input bit affects every output bit. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
