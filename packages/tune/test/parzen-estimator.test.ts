import { Rng } from '@sodai/random';
import { describe, expect, it } from 'vitest';
import {
  defaultWeights,
  floatDistribution,
  intDistribution,
  ParzenEstimator,
  type ParzenEstimatorParameters,
} from '../src/index.ts';

// Reference log-densities computed once with Optuna 3.1's _ParzenEstimator (Debian python3-optuna) on the same
// observations, to pin the estimator to the reference implementation.
const OBSERVATIONS = [
  3.232202558909872, 5.7278404955862925, 4.041450641074658, 3.1732477449534535, 1.354821990083571,
  4.688411695999841, 1.5638081689403878, 8.376595011731197, 9.45494140751544, 0.7516227823866659,
  6.87587557123997, 2.9334237962935674, 3.5206684164089843, 8.883949574389916, -3.9344591270316958,
  -3.6930605044768896, -4.696724038395114, 7.489297683219069, 6.672351264247757, 8.050182223702288,
  9.67927513349146, 6.987378463250854, 1.9221904337939772, 6.707937644296832, -3.225883611966002,
  4.598815319912857, -2.8497006888643037, 9.17003375574376, 2.8277248262510755, 1.219929099857854,
];
const POINTS = [-5.0, -2.5, 0.0, 2.5, 5.0, 7.5, 10.0];
const OPTUNA_UNIVARIATE = [
  -2.5491863998166067, -2.6421483533378614, -2.7278795368408097, -2.3522254697889955, -2.562643101994863,
  -2.3903044638831332, -2.814476621293206,
];
const OPTUNA_MULTIVARIATE = [
  -2.34573264892403, -2.305240445810273, -2.3473989203919654, -1.8780504003439695, -1.9764725860009558,
  -1.727608687501584, -2.01654813444016,
];
const OPTUNA_INT = [
  -1.9651225213634214, -1.8702706756590755, -1.9123071750400404, -2.062617248476908, -2.270820223523158,
  -2.469463798552716, -2.6149147127321317, -2.727143138059157, -2.8606163800511126, -3.0523387519067544,
];
const OPTUNA_LOG = [-1.313786602865002, -0.681241800726403, -1.2743941490611037];

const params = (over: Partial<ParzenEstimatorParameters> = {}): ParzenEstimatorParameters => ({
  considerPrior: true,
  priorWeight: 1,
  considerMagicClip: true,
  considerEndpoints: false,
  weights: defaultWeights,
  multivariate: false,
  kernelScoring: 'height',
  ...over,
});

describe('ParzenEstimator', () => {
  it('matches Optuna 3.1 log densities (univariate and multivariate bandwidths, int grid, log scale)', () => {
    const x = floatDistribution(-5, 10);
    const uni = new ParzenEstimator({ x: Float64Array.from(OBSERVATIONS) }, { x }, params());
    const multi = new ParzenEstimator(
      { x: Float64Array.from(OBSERVATIONS) },
      { x },
      params({ multivariate: true }),
    );
    Array.from(uni.logPdf({ x: Float64Array.from(POINTS) })).forEach((v, i) =>
      expect(v).toBeCloseTo(OPTUNA_UNIVARIATE[i]!, 5),
    );
    Array.from(multi.logPdf({ x: Float64Array.from(POINTS) })).forEach((v, i) =>
      expect(v).toBeCloseTo(OPTUNA_MULTIVARIATE[i]!, 5),
    );
    const n = new ParzenEstimator(
      { n: Float64Array.of(1, 3, 3, 8) },
      { n: intDistribution(1, 10) },
      params(),
    );
    Array.from(n.logPdf({ n: Float64Array.from({ length: 10 }, (_, i) => i + 1) })).forEach((v, i) =>
      expect(v).toBeCloseTo(OPTUNA_INT[i]!, 5),
    );
    const l = new ParzenEstimator(
      { l: Float64Array.of(1e-3, 2e-2, 5e-4) },
      { l: floatDistribution(1e-5, 1, { log: true }) },
      params(),
    );
    Array.from(l.logPdf({ l: Float64Array.of(1e-5, 1e-3, 0.5) })).forEach((v, i) =>
      expect(v).toBeCloseTo(OPTUNA_LOG[i]!, 5),
    );
  });

  it("'density' scoring is a normalised density and the int pmf sums to 1", () => {
    const x = floatDistribution(-5, 10);
    const pe = new ParzenEstimator(
      { x: Float64Array.from(OBSERVATIONS.slice(0, 8)) },
      { x },
      params({ kernelScoring: 'density' }),
    );
    const grid = Float64Array.from({ length: 3001 }, (_, i) => -5 + (15 * i) / 3000);
    const dens = pe.logPdf({ x: grid }).map(Math.exp);
    let integral = 0;
    for (let i = 1; i < grid.length; i++) integral += ((dens[i - 1]! + dens[i]!) / 2) * (15 / 3000);
    expect(integral).toBeCloseTo(1, 3);
    const n = new ParzenEstimator({ n: Float64Array.of(2, 2, 9) }, { n: intDistribution(1, 10) }, params());
    const pmf = n.logPdf({ n: Float64Array.from({ length: 10 }, (_, i) => i + 1) }).map(Math.exp);
    expect(pmf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('samples inside the domain, on the grid, and near the observations', () => {
    const pe = new ParzenEstimator(
      { n: Float64Array.of(3, 3, 3, 3) },
      { n: intDistribution(1, 21, { step: 2 }) },
      params(),
    );
    const s = pe.sample(new Rng(1), 500).n!;
    expect(Array.from(s).every((v) => v >= 1 && v <= 21 && (v - 1) % 2 === 0)).toBe(true);
    // Uniform sampling would give 3 about 45 times in 500 draws.
    expect(Array.from(s).filter((v) => v === 3).length).toBeGreaterThan(90);
  });
});
