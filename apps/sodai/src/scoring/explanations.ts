import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Booster } from '@sodai/xgboost';
import type { Contribution, Lang } from '../contract/api.ts';
import { FEATURES } from '../contract/feature-vector.ts';
import { scoreRows } from '../features/xgb-matrix.ts';

/** How many contributions an answer lists (the largest by magnitude). */
export const TOP_CONTRIBUTIONS = 5;

/**
 * Rows per native call while precomputing, so the event loop keeps answering between chunks (about
 * 20 ms each for the 2024 champion).
 */
export const CHUNK_ROWS = 256;

/**
 * `approx`: XGBoost's per-tree path attributions (Saabas; `approx_contribs`), which like SHAP add
 * up to the model's margin; ~70 µs a row for the 2024 champion. `exact`: TreeSHAP; ~20 ms a row
 * for that champion (169 trees of depth up to 9), too slow to precompute for 45 k pairs or to run
 * on every request, so it is computed on demand (`?shap=exact`).
 */
export type ShapMethod = 'approx' | 'exact';

/**
 * The top SHAP contributions of every row, kept as feature indices and values (two typed arrays,
 * `TOP_CONTRIBUTIONS` slots per row, index -1 for an unused slot) rather than objects.
 */
export interface TopContributions {
  readonly index: Int8Array;
  readonly value: Float32Array;
}

function shap(booster: Booster, rows: Float32Array, nrow: number, method: ShapMethod): Float32Array {
  return scoreRows(booster, rows, nrow, method === 'exact' ? 'contributions' : 'approxContributions');
}

/** Writes the top contributions of each of `nrow` rows of SHAP output (F + 1 columns, the last the bias). */
function keepTop(values: Float32Array, nrow: number, out: TopContributions, firstRow: number): void {
  const F = FEATURES.length;
  const K = TOP_CONTRIBUTIONS;
  for (let r = 0; r < nrow; r++) {
    const base = (firstRow + r) * K;
    out.index.fill(-1, base, base + K);
    for (let j = 0; j < F; j++) {
      const v = values[r * (F + 1) + j]!;
      if (v === 0) continue;
      // Insertion into a K-slot list ordered by |value| (K is tiny).
      let slot = K;
      while (slot > 0) {
        const prev = out.index[base + slot - 1]!;
        if (prev >= 0 && Math.abs(out.value[base + slot - 1]!) >= Math.abs(v)) break;
        slot--;
      }
      if (slot >= K) continue;
      for (let s = K - 1; s > slot; s--) {
        out.index[base + s] = out.index[base + s - 1]!;
        out.value[base + s] = out.value[base + s - 1]!;
      }
      out.index[base + slot] = j;
      out.value[base + slot] = v;
    }
  }
}

/**
 * Approximate contributions of every row of a feature matrix, in chunks that yield to the event
 * loop so a server building its next snapshot keeps answering with the current one.
 *
 * @example
 * const top = await precomputeTopContributions(booster, matrix.features, matrix.rows);
 * describeContributions(top, 0, (j) => matrix.features[j]!, 'es'); // row 0's top 5
 */
export async function precomputeTopContributions(
  booster: Booster,
  features: Float32Array,
  rows: number,
): Promise<TopContributions> {
  const F = FEATURES.length;
  const out: TopContributions = {
    index: new Int8Array(rows * TOP_CONTRIBUTIONS),
    value: new Float32Array(rows * TOP_CONTRIBUTIONS),
  };
  for (let start = 0; start < rows; start += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, rows - start);
    const values = shap(booster, features.subarray(start * F, (start + n) * F), n, 'approx');
    keepTop(values, n, out, start);
    await yieldToEventLoop();
  }
  return out;
}

/**
 * Top contributions of `nrow` rows computed now (pairs scored on the fly, or exact SHAP on demand),
 * in one native call: building the native matrix costs more than explaining a row, so a batch of
 * rows is much cheaper than one call per row.
 */
export function topContributionsOf(
  booster: Booster,
  rows: Float32Array,
  method: ShapMethod,
  nrow = 1,
): TopContributions {
  const out: TopContributions = {
    index: new Int8Array(nrow * TOP_CONTRIBUTIONS),
    value: new Float32Array(nrow * TOP_CONTRIBUTIONS),
  };
  keepTop(shap(booster, rows.subarray(0, nrow * FEATURES.length), nrow, method), nrow, out, 0);
  return out;
}

/**
 * The readable form of a row's top contributions: feature name, its label in the answer's language,
 * the pair's value and the SHAP value. A categorical's label names its category ("envase: LATA")
 * because its value is only a code.
 */
export function describeContributions(
  top: TopContributions,
  slotRow: number,
  featureValue: (j: number) => number,
  lang: Lang,
): Contribution[] {
  const out: Contribution[] = [];
  const base = slotRow * TOP_CONTRIBUTIONS;
  for (let s = 0; s < TOP_CONTRIBUTIONS; s++) {
    const j = top.index[base + s]!;
    if (j < 0) break;
    const spec = FEATURES[j]!;
    const raw = featureValue(j);
    const category = spec.categories && !Number.isNaN(raw) ? spec.categories[raw] : undefined;
    out.push({
      feature: spec.name,
      label: category === undefined ? spec.label[lang] : `${spec.label[lang]}: ${category}`,
      value: Number.isNaN(raw) ? null : raw,
      unit: spec.unit,
      contribution: top.value[base + s]!,
    });
  }
  return out;
}
