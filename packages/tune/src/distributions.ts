import { TuneError } from './errors.ts';

/** A value a categorical parameter may take; kept JSON-representable so every storage can hold it. */
export type CategoricalChoice = string | number | boolean | null;

/** A parameter value as the objective sees it. */
export type ParamValue = number | CategoricalChoice;

/** Floats in [low, high]; `log` samples uniformly in log space; `step` restricts to low + k·step. */
export interface FloatDistribution {
  readonly kind: 'float';
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
  readonly step: number | null;
}

/** Integers low, low + step, …, ≤ high; `log` (step 1 only) samples uniformly in log space. */
export interface IntDistribution {
  readonly kind: 'int';
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
  readonly step: number;
}

/** One of a fixed list of choices; the internal representation is the index. */
export interface CategoricalDistribution {
  readonly kind: 'categorical';
  readonly choices: readonly CategoricalChoice[];
}

export type Distribution = FloatDistribution | IntDistribution | CategoricalDistribution;

export interface NumericOptions {
  readonly log?: boolean;
  readonly step?: number;
}

/**
 * Builds a validated float distribution. Like Optuna, `high` is moved down onto the step grid, so every value
 * the distribution contains is reachable.
 *
 * @example
 * const d = floatDistribution(0, 1, { step: 0.25 }); // {0, 0.25, 0.5, 0.75, 1}
 */
export function floatDistribution(
  low: number,
  high: number,
  options: NumericOptions = {},
): FloatDistribution {
  const log = options.log ?? false;
  const step = options.step ?? null;
  if (!Number.isFinite(low) || !Number.isFinite(high) || low > high) {
    throw new TuneError(
      'INVALID_DISTRIBUTION',
      `float distribution needs finite low <= high, got [${low}, ${high}]`,
    );
  }
  if (log && step !== null)
    throw new TuneError('INVALID_DISTRIBUTION', 'float distribution: log and step exclude each other');
  if (log && low <= 0)
    throw new TuneError('INVALID_DISTRIBUTION', `log float distribution needs low > 0, got ${low}`);
  if (step !== null && !(step > 0))
    throw new TuneError('INVALID_DISTRIBUTION', `step must be > 0, got ${step}`);
  const adjustedHigh = step === null ? high : adjustToGrid(low, high, step);
  return Object.freeze({ kind: 'float', low, high: adjustedHigh, log, step });
}

/**
 * Builds a validated integer distribution.
 *
 * @example
 * const d = intDistribution(1, 9, { step: 2 }); // {1, 3, 5, 7, 9}
 */
export function intDistribution(low: number, high: number, options: NumericOptions = {}): IntDistribution {
  const log = options.log ?? false;
  const step = options.step ?? 1;
  if (!Number.isInteger(low) || !Number.isInteger(high) || low > high) {
    throw new TuneError(
      'INVALID_DISTRIBUTION',
      `int distribution needs integer low <= high, got [${low}, ${high}]`,
    );
  }
  if (!Number.isInteger(step) || step < 1)
    throw new TuneError('INVALID_DISTRIBUTION', `int step must be an integer >= 1, got ${step}`);
  if (log && step !== 1) throw new TuneError('INVALID_DISTRIBUTION', 'log int distribution needs step 1');
  if (log && low < 1)
    throw new TuneError('INVALID_DISTRIBUTION', `log int distribution needs low >= 1, got ${low}`);
  const adjustedHigh = low + Math.floor((high - low) / step) * step;
  return Object.freeze({ kind: 'int', low, high: adjustedHigh, log, step });
}

/**
 * Builds a categorical distribution.
 *
 * @example
 * const d = categoricalDistribution(['gbtree', 'dart']);
 */
export function categoricalDistribution(choices: readonly CategoricalChoice[]): CategoricalDistribution {
  if (choices.length === 0)
    throw new TuneError('INVALID_DISTRIBUTION', 'categorical distribution needs at least one choice');
  for (const c of choices) {
    if (c !== null && !['string', 'number', 'boolean'].includes(typeof c)) {
      throw new TuneError(
        'INVALID_DISTRIBUTION',
        `categorical choices must be string, number, boolean or null`,
      );
    }
  }
  return Object.freeze({ kind: 'categorical', choices: Object.freeze([...choices]) });
}

function adjustToGrid(low: number, high: number, step: number): number {
  const k = Math.floor((high - low) / step + 1e-9);
  // Round to the grid's own precision so 0.1-steps do not drift to 0.30000000000000004.
  return Number((low + k * step).toPrecision(12));
}

/** Whether two distributions describe the same space (same kind and bounds). */
export function distributionsEqual(a: Distribution, b: Distribution): boolean {
  if (a.kind === 'categorical' || b.kind === 'categorical') {
    if (a.kind !== 'categorical' || b.kind !== 'categorical') return false;
    return a.choices.length === b.choices.length && a.choices.every((c, i) => c === b.choices[i]);
  }
  return a.kind === b.kind && a.low === b.low && a.high === b.high && a.log === b.log && a.step === b.step;
}

/** Whether the distribution has only one value, in which case no sampler is asked. */
export function isSingleValued(d: Distribution): boolean {
  if (d.kind === 'categorical') return d.choices.length === 1;
  return d.low === d.high;
}

/** The number the samplers work with: the value itself, or the index of a categorical choice. */
export function toInternal(d: Distribution, value: ParamValue): number {
  if (d.kind === 'categorical') {
    const i = d.choices.findIndex((c) => c === value || (Number.isNaN(c) && Number.isNaN(value)));
    if (i < 0)
      throw new TuneError(
        'INVALID_ARGUMENT',
        `${JSON.stringify(value)} is not a choice of ${JSON.stringify(d.choices)}`,
      );
    return i;
  }
  if (typeof value !== 'number')
    throw new TuneError('INVALID_ARGUMENT', `expected a number, got ${JSON.stringify(value)}`);
  return value;
}

/** The inverse of {@link toInternal}. */
export function toExternal(d: Distribution, internal: number): ParamValue {
  if (d.kind === 'categorical') {
    const c = d.choices[Math.round(internal)];
    if (c === undefined) throw new TuneError('INVALID_ARGUMENT', `choice index ${internal} out of range`);
    return c;
  }
  return internal;
}

/** Whether an external value lies in the distribution (bounds, grid, integrality, choice list). */
export function contains(d: Distribution, value: ParamValue): boolean {
  if (d.kind === 'categorical') return d.choices.some((c) => c === value);
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (value < d.low || value > d.high) return false;
  if (d.kind === 'int') return Number.isInteger(value) && (value - d.low) % d.step === 0;
  if (d.step !== null) {
    const k = (value - d.low) / d.step;
    return Math.abs(k - Math.round(k)) < 1e-8;
  }
  return true;
}

/** Serializes for storage; `parseDistribution` reads it back. */
export function serializeDistribution(d: Distribution): string {
  return JSON.stringify(d);
}

export function parseDistribution(json: string): Distribution {
  const raw = JSON.parse(json) as Distribution;
  switch (raw.kind) {
    case 'float':
      return Object.freeze({ kind: 'float', low: raw.low, high: raw.high, log: raw.log, step: raw.step });
    case 'int':
      return Object.freeze({ kind: 'int', low: raw.low, high: raw.high, log: raw.log, step: raw.step });
    case 'categorical':
      return Object.freeze({ kind: 'categorical', choices: Object.freeze([...raw.choices]) });
    default:
      throw new TuneError('STORAGE_ERROR', `unknown distribution ${json}`);
  }
}
