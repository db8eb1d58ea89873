import { describe, expect, it } from 'vitest';
import { DMatrix, isXGBoostError } from '../src/index.ts';

const X = new Float32Array([1, 2, 3, 4, Number.NaN, 6]);

describe('DMatrix', () => {
  it('builds from a dense row-major Float32Array', () => {
    const m = DMatrix.fromDense(X, { ncol: 2 });
    expect([m.numRow, m.numCol]).toEqual([3, 2]);
    m.dispose();
  });

  it('stores labels, weights and base margins', () => {
    const m = DMatrix.fromDense(X, {
      ncol: 2,
      label: [0, 1, 0],
      weight: [1, 2, 3],
      baseMargin: [0.5, 0, -0.5],
    });
    expect(Array.from(m.getLabel())).toEqual([0, 1, 0]);
    expect(Array.from(m.getWeight())).toEqual([1, 2, 3]);
    expect(Array.from(m.getBaseMargin())).toEqual([0.5, 0, -0.5]);
    m.dispose();
  });

  it('stores feature names and types', () => {
    const m = DMatrix.fromDense(X, { ncol: 2, featureNames: ['a', 'b'], featureTypes: ['q', 'int'] });
    expect(m.featureNames).toEqual(['a', 'b']);
    expect(m.featureTypes).toEqual(['q', 'int']);
    m.dispose();
  });

  it('requires enableCategorical for categorical features', () => {
    expect(() => DMatrix.fromDense(X, { ncol: 2, featureTypes: ['c', 'q'] })).toThrow(/enableCategorical/);
    const m = DMatrix.fromDense(X, { ncol: 2, featureTypes: ['c', 'q'], enableCategorical: true });
    expect(m.featureTypes).toEqual(['c', 'q']);
    m.dispose();
  });

  it('slices rows with their labels and feature names', () => {
    const m = DMatrix.fromDense(X, { ncol: 2, label: [10, 20, 30], featureNames: ['a', 'b'] });
    const s = m.slice([2, 0]);
    expect(s.numRow).toBe(2);
    expect(Array.from(s.getLabel())).toEqual([30, 10]);
    expect(s.featureNames).toEqual(['a', 'b']);
    expect(() => m.slice([3])).toThrow(/out of range/);
    s.dispose();
    m.dispose();
  });

  it('rejects inconsistent shapes and lengths', () => {
    expect(() => DMatrix.fromDense(new Float32Array(5), { ncol: 2 })).toThrow(/nrow × ncol/);
    expect(() => DMatrix.fromDense(X, { ncol: 0 })).toThrow(/ncol/);
    expect(() => DMatrix.fromDense(X, { ncol: 2, label: [1] })).toThrow(/label has 1 values for 3 rows/);
    expect(() => DMatrix.fromDense(X, { ncol: 2, featureNames: ['a'] })).toThrow(/feature names/);
    expect(() => DMatrix.fromDense(X, { ncol: 2, featureNames: ['a', 'a'] })).toThrow(/unique/);
  });

  it('treats a custom missing value as missing', () => {
    const m = DMatrix.fromDense(new Float32Array([-999, 1, 2, -999]), { ncol: 2, missing: -999 });
    expect(m.numRow).toBe(2);
    m.dispose();
  });

  it('throws DISPOSED after dispose, never touching freed memory', () => {
    const m = DMatrix.fromDense(X, { ncol: 2 });
    m.dispose();
    m.dispose(); // idempotent
    expect(m.disposed).toBe(true);
    let error: unknown;
    try {
      void m.numRow;
    } catch (err) {
      error = err;
    }
    expect(isXGBoostError(error, 'DISPOSED')).toBe(true);
    expect(() => m.getLabel()).toThrow(/disposed/);
    expect(() => m.slice([0])).toThrow(/disposed/);
  });
});
