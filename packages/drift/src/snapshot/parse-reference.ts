import { deepFreeze } from '../deep-freeze.ts';
import { DEFAULT_THRESHOLDS } from '../drift/methods.ts';
import { DriftError } from '../errors.ts';
import type { ReferenceSnapshot } from './reference-snapshot.ts';

function fail(what: string): never {
  throw new DriftError('INVALID_SNAPSHOT', `reference snapshot: ${what}`);
}

function isNumberArray(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}

function checkColumn(c: unknown, where: string): void {
  if (typeof c !== 'object' || c === null) fail(`${where} is not an object`);
  const col = c as Record<string, unknown>;
  if (typeof col.name !== 'string') fail(`${where} has no name`);
  for (const k of ['count', 'missing', 'missingShare']) {
    if (typeof col[k] !== 'number') fail(`${where} (${col.name}) lacks ${k}`);
  }
  const h = col.histogram as Record<string, unknown> | undefined;
  if (typeof h !== 'object' || h === null || !isNumberArray(h.counts))
    fail(`${where} (${col.name}) lacks a histogram`);
  if (col.kind === 'numeric') {
    const q = col.quantiles as Record<string, unknown> | undefined;
    if (typeof q !== 'object' || q === null || !isNumberArray(q.probs) || !isNumberArray(q.values)) {
      fail(`${where} (${col.name}) lacks quantiles`);
    }
    if (!isNumberArray(h.edges)) fail(`${where} (${col.name}) lacks histogram edges`);
    for (const k of ['mean', 'std', 'min', 'max'])
      if (typeof col[k] !== 'number') fail(`${where} (${col.name}) lacks ${k}`);
    const t = col.exact as Record<string, unknown> | undefined;
    if (
      t !== undefined &&
      (typeof t !== 'object' || t === null || !isNumberArray(t.values) || !isNumberArray(t.counts))
    ) {
      fail(`${where} (${col.name}) has a bad value table`);
    }
  } else if (col.kind === 'categorical') {
    if (!Array.isArray(h.categories) || !h.categories.every((x) => typeof x === 'string')) {
      fail(`${where} (${col.name}) lacks categories`);
    }
  } else {
    fail(`${where} has unknown kind ${String(col.kind)}`);
  }
}

const METHODS: ReadonlySet<unknown> = new Set(Object.keys(DEFAULT_THRESHOLDS));
const CALIBRATION_NUMBERS = [
  'threshold',
  'floor',
  'quantile',
  'margin',
  'maxLag',
  'pairs',
  'observedQuantile',
  'observedMax',
] as const;

function checkThresholds(t: unknown): void {
  if (typeof t !== 'object' || t === null || Array.isArray(t)) fail('thresholds is not an object');
  for (const [name, c] of Object.entries(t)) {
    if (typeof c !== 'object' || c === null) fail(`threshold of ${name} is not an object`);
    const entry = c as Record<string, unknown>;
    if (!METHODS.has(entry.method)) fail(`threshold of ${name} has unknown method ${String(entry.method)}`);
    if (!isNumberArray(entry.byLag) || entry.byLag.length === 0) fail(`threshold of ${name} lacks byLag`);
    for (const k of CALIBRATION_NUMBERS) {
      const v = entry[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(`threshold of ${name} lacks ${k}`);
    }
  }
}

/**
 * Checks a parsed JSON value (e.g. a snapshot read back from a model's artifacts) and returns it as a frozen
 * {@link ReferenceSnapshot}; throws `INVALID_SNAPSHOT` saying what is wrong.
 *
 * @example
 * const snapshot = parseReference(JSON.parse(await readFile('reference.json', 'utf8')));
 */
export function parseReference(json: unknown): ReferenceSnapshot {
  if (typeof json !== 'object' || json === null) fail('not an object');
  const s = json as Record<string, unknown>;
  if (s.format !== 'sodai-drift-reference') fail(`format is ${String(s.format)}`);
  if (s.version !== 1) fail(`unsupported version ${String(s.version)}`);
  if (!Array.isArray(s.columns)) fail('columns is not an array');
  s.columns.forEach((c, i) => checkColumn(c, `column ${i}`));
  if (s.predictions !== undefined) checkColumn(s.predictions, 'predictions');
  // Optional since calibration was added: snapshots saved before it read as before, with default thresholds.
  if (s.thresholds !== undefined) checkThresholds(s.thresholds);
  return deepFreeze(json as ReferenceSnapshot);
}
