/** A tiny seeded generator for test data (mulberry32) with normal deviates by Box–Muller. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
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
