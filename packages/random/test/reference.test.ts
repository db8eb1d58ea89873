import { describe, expect, it } from 'vitest';
import { Rng, seededRandom } from '../src/index.ts';

// An independent xoshiro128** in BigInt arithmetic, written from the published algorithm (Blackman &
// Vigna), with the same splitmix32-style seeding: the fast 32-bit version must agree with it bit for bit.
const M32 = 0xffffffffn;
const mul = (a: bigint, b: bigint) => (a * b) & M32;
const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & M32;

function referenceStream(seed: number, n: number): number[] {
  let x = BigInt(seed >>> 0);
  const split = (): bigint => {
    x = (x + 0x9e3779b9n) & M32;
    let z = x;
    z = mul(z ^ (z >> 16n), 0x85ebca6bn);
    z = mul(z ^ (z >> 13n), 0xc2b2ae35n);
    return z ^ (z >> 16n);
  };
  const s = [split(), split(), split(), split()] as [bigint, bigint, bigint, bigint];
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(Number(mul(rotl(mul(s[1], 5n), 7n), 9n)));
    const t = (s[1] << 9n) & M32;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11n);
  }
  return out;
}

describe('xoshiro128**', () => {
  it('matches a BigInt reference implementation for several seeds', () => {
    for (const seed of [0, 1, 42, 0xdeadbeef, 2 ** 32 - 1]) {
      const rng = new Rng(seed);
      const fast = Array.from({ length: 1000 }, () => rng.nextUint32());
      expect(fast).toEqual(referenceStream(seed, 1000));
    }
  });
});

describe('seededRandom', () => {
  it('is the Rng uniform stream as a function, replayable by seed', () => {
    const rng = new Rng(9);
    const random = seededRandom(9);
    const xs = Array.from({ length: 100 }, () => random());
    expect(xs).toEqual(Array.from({ length: 100 }, () => rng.next()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(100);
  });
});
