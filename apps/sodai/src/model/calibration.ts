/**
 * Platt scaling on the model's log-odds: p' = σ(a·logit(p) + b), fitted by Newton's method on
 * validation weeks the booster never trained on. Two parameters cannot overfit a few hundred
 * thousand rows, and a monotone map keeps the ranking (so PR-AUC and NDCG are unchanged) while
 * making the probabilities sum to the week's expected purchase count, which the decision rule needs.
 */
export interface PlattCalibration {
  readonly a: number;
  readonly b: number;
}

export const IDENTITY_CALIBRATION: PlattCalibration = Object.freeze({ a: 1, b: 0 });

const EPS = 1e-7;
const logit = (p: number) => {
  const q = Math.min(1 - EPS, Math.max(EPS, p));
  return Math.log(q / (1 - q));
};
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function fitPlatt(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  iterations = 50,
): PlattCalibration {
  let a = 1;
  let b = 0;
  const z = Float64Array.from({ length: scores.length }, (_, i) => logit(scores[i]!));
  for (let it = 0; it < iterations; it++) {
    // Gradient and Hessian of the mean log-loss in (a, b).
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hab = 0;
    let hbb = 0;
    for (let i = 0; i < z.length; i++) {
      const p = sigmoid(a * z[i]! + b);
      const r = p - (labels[i]! > 0.5 ? 1 : 0);
      const w = Math.max(p * (1 - p), 1e-12);
      ga += r * z[i]!;
      gb += r;
      haa += w * z[i]! * z[i]!;
      hab += w * z[i]!;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(det) > 1e-12)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}

export function calibrate(scores: ArrayLike<number>, calibration: PlattCalibration): Float32Array {
  const out = new Float32Array(scores.length);
  for (let i = 0; i < scores.length; i++) out[i] = sigmoid(calibration.a * logit(scores[i]!) + calibration.b);
  return out;
}

/**
 * Expected calibration error: the row-weighted mean |mean predicted − observed rate| over equal-width
 * probability bins. 0 is perfect; a model that says 0.3 where 10% buy scores about 0.2 there.
 */
export function expectedCalibrationError(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  bins = 10,
): number {
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    const k = Math.min(bins - 1, Math.floor(p * bins));
    sumP[k]! += p;
    sumY[k]! += labels[i]! > 0.5 ? 1 : 0;
    count[k]!++;
  }
  let total = 0;
  for (let k = 0; k < bins; k++) total += Math.abs(sumP[k]! - sumY[k]!);
  return probabilities.length === 0 ? 0 : total / probabilities.length;
}
