/**
 * The survival function of the limiting Kolmogorov distribution, P(K > λ) (scipy's `special.kolmogorov`).
 * Two series are used, each where it converges in a handful of terms.
 *
 * @example
 * kolmogorovSurvival(1); // ≈ 0.26999967
 */
export function kolmogorovSurvival(lambda: number): number {
  if (Number.isNaN(lambda)) return Number.NaN;
  if (lambda <= 0) return 1;
  if (lambda < 1.18) {
    // Jacobi-theta form of the CDF; the alternating series below converges badly for small λ.
    const c = (Math.PI * Math.PI) / (8 * lambda * lambda);
    let sum = 0;
    for (let k = 1; k <= 20; k++) {
      const term = Math.exp(-(2 * k - 1) * (2 * k - 1) * c);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * sum));
  }
  let sum = 0;
  let sign = 1;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += sign * term;
    if (term < 1e-17) break;
    sign = -sign;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/**
 * The asymptotic p-value of the two-sample Kolmogorov–Smirnov statistic `d` for samples of sizes `n` and `m`,
 * with Stephens' small-sample correction of λ (Numerical Recipes §14.3). Used for large samples where the
 * exact lattice-path count would cost n·m steps.
 *
 * @example
 * ksAsymptoticPValue(0.1, 1000, 1000); // ≈ 8.1e-5 (scipy's asymptotic: 8.3e-5)
 */
export function ksAsymptoticPValue(d: number, n: number, m: number): number {
  const en = Math.sqrt((n * m) / (n + m));
  return kolmogorovSurvival((en + 0.12 + 0.11 / en) * d);
}

/**
 * The exact two-sided p-value P(D ≥ d) of the two-sample KS statistic under the null hypothesis, for
 * continuous data (no ties), by counting lattice paths that stay strictly inside the band |i/n − j/m| < d.
 * The recursion works on path probabilities rather than counts so nothing overflows; cost is n·m steps.
 *
 * @example
 * ksExactPValue(0.5, 10, 10); // ≈ 0.1678
 */
export function ksExactPValue(d: number, n: number, m: number): number {
  if (d <= 0) return 1;
  // D·n·m is an integer for statistics computed from the samples; compare in integers to avoid rounding.
  const bound = Math.round(d * n * m);
  const w = new Float64Array(m + 1);
  w[0] = 1;
  for (let j = 1; j <= m; j++) w[j] = Math.abs(-j * n) < bound ? w[j - 1]! : 0;
  for (let i = 1; i <= n; i++) {
    w[0] = Math.abs(i * m) < bound ? w[0]! : 0;
    for (let j = 1; j <= m; j++) {
      w[j] = Math.abs(i * m - j * n) < bound ? (w[j]! * i + w[j - 1]! * j) / (i + j) : 0;
    }
  }
  return Math.min(1, Math.max(0, 1 - w[m]!));
}
