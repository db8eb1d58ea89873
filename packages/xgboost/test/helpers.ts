import { seededRandom } from '@sodai/random';

/** A binary classification problem: the label depends on the first two features plus noise. */
export function binaryData(rows: number, cols: number, seed = 42): { X: Float32Array; y: Float32Array } {
  const rand = seededRandom(seed);
  const X = new Float32Array(rows * cols);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) X[i * cols + j] = rand();
    const x0 = X[i * cols] ?? 0;
    const x1 = cols > 1 ? (X[i * cols + 1] ?? 0) : 0;
    y[i] = x0 + x1 + 0.6 * rand() > 1.3 ? 1 : 0;
  }
  return { X, y };
}
