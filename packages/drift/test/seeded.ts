import { Rng } from '@sodai/random';

/** Test data from the shared seeded generator: normal samples and weighted categories. */
export class SeededRandom {
  private readonly rng: Rng;

  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  next(): number {
    return this.rng.next();
  }

  normal(mean = 0, sd = 1): number {
    return mean + sd * this.rng.normal();
  }

  normals(n: number, mean = 0, sd = 1): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.normal(mean, sd);
    return out;
  }

  /** n draws from categories with the given weights. */
  categories(n: number, names: readonly string[], weights: readonly number[]): string[] {
    const total = weights.reduce((a, b) => a + b, 0);
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      let u = this.next() * total;
      let k = 0;
      while (k < names.length - 1 && u >= weights[k]!) u -= weights[k++]!;
      out.push(names[k]!);
    }
    return out;
  }
}
