import type { RealizedResponse } from '../../api/contract.ts';

/** One point per week: each serving version's realized F1 under `v<n>`, the best rule's under `rule`. */
export type RealizedPoint = { readonly week: string } & Readonly<Record<string, number | string | null>>;

export interface RealizedSeries {
  readonly points: readonly RealizedPoint[];
  /** Keys of the serving versions' lines (`v3`, `v4` …; `v0` a rule that served), oldest first. */
  readonly versions: readonly string[];
}

/**
 * The chart's rows from the API's weeks: a version's line only where it predicted the week (null
 * elsewhere, so the line breaks instead of inventing values), the best rule on every week.
 */
export function realizedSeries(weeks: RealizedResponse['weeks']): RealizedSeries {
  const versions = [...new Set(weeks.flatMap((w) => w.served.map((s) => s.version)))].sort((a, b) => a - b);
  const keys = versions.map((v) => `v${v}`);
  const points = weeks.map((w) => {
    const point: Record<string, number | string | null> = {
      week: w.week,
      rule: w.best_rule?.metrics.f1 ?? null,
    };
    for (const v of versions) point[`v${v}`] = w.served.find((s) => s.version === v)?.metrics.f1 ?? null;
    return point as RealizedPoint;
  });
  return { points, versions: keys };
}
