import type { Rng } from '@sodai/random';

// Standard-normal helpers for the Parzen estimator. Everything works in log space where tails matter, so
// kernels far from a candidate contribute -large rather than -Infinity and comparisons stay meaningful.

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * log(erfc(z)) for z >= 0 via the Numerical Recipes Chebyshev form erfc(z) ≈ t·exp(-z² + P(t)) (fractional
 * error < 1.2e-7 everywhere); keeping the exponent separate means no underflow in the far tail.
 */
function logErfcNonNegative(z: number): number {
  const t = 1 / (1 + 0.5 * z);
  const p =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) - z * z + p;
}

/** Φ(x), the standard normal CDF. */
export function ndtr(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const half = 0.5 * Math.exp(logErfcNonNegative(z));
  return x < 0 ? half : 1 - half;
}

/** log Φ(x), accurate in both tails. */
export function logNdtr(x: number): number {
  if (x < 0) return Math.log(0.5) + logErfcNonNegative(-x / Math.SQRT2);
  return Math.log1p(-0.5 * Math.exp(logErfcNonNegative(x / Math.SQRT2)));
}

/** log(Φ(b) − Φ(a)) for a <= b, the probability mass a standard normal puts on [a, b]. */
export function logGaussMass(a: number, b: number): number {
  if (b <= 0) {
    const lb = logNdtr(b);
    const la = logNdtr(a);
    return lb + log1mexp(la - lb);
  }
  if (a >= 0) return logGaussMass(-b, -a);
  // The interval straddles 0: 1 − Φ(a) − Φ(−b) without cancellation.
  return Math.log1p(-ndtr(a) - ndtr(-b));
}

/** log(1 − e^x) for x <= 0. */
function log1mexp(x: number): number {
  if (x === -Infinity) return 0;
  return x > -Math.LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
}

/** Φ⁻¹(p), Acklam's rational approximation (relative error below 1.2e-9). */
export function ndtri(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  let x: number;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  } else if (p <= 1 - 0.02425) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
      (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    x =
      -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  return x;
}

/** A standard normal draw restricted to [a, b], by inverting the CDF on the side with the smaller tail. */
export function sampleTruncatedStandardNormal(rng: Rng, a: number, b: number): number {
  if (a >= 0) return -sampleTruncatedStandardNormal(rng, -b, -a);
  const pa = ndtr(a);
  const pb = ndtr(b);
  const x = ndtri(pa + rng.next() * (pb - pa));
  return Math.min(b, Math.max(a, x));
}

/** log density at x of N(mu, sigma²) truncated to [low, high]. */
export function truncatedNormalLogPdf(
  x: number,
  mu: number,
  sigma: number,
  low: number,
  high: number,
): number {
  const z = (x - mu) / sigma;
  return (
    -0.5 * z * z - LOG_SQRT_2PI - Math.log(sigma) - logGaussMass((low - mu) / sigma, (high - mu) / sigma)
  );
}
