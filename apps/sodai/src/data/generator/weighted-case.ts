import { sqlString } from '../../store/duckdb.ts';

/**
 * A SQL CASE that maps a uniform draw in [0, 1) to one of the values with the given weights
 * (inverse CDF of a categorical distribution).
 */
export function weightedCase(
  uniform: string,
  options: readonly { value: string | number; weight: number }[],
): string {
  const total = options.reduce((sum, o) => sum + o.weight, 0);
  let cumulative = 0;
  const literal = (v: string | number) => (typeof v === 'number' ? String(v) : sqlString(v));
  const branches = options.slice(0, -1).map((o) => {
    cumulative += o.weight / total;
    return `WHEN ${uniform} < ${cumulative.toFixed(12)} THEN ${literal(o.value)}`;
  });
  return `(CASE ${branches.join(' ')} ELSE ${literal(options[options.length - 1]!.value)} END)`;
}
