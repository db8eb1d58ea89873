import type { StoredReports } from '../store/stored-reports.ts';

/** The latest drift verdict as the weekly drift check wrote it. */
export interface DriftSummary {
  readonly week: string;
  readonly championVersion: number | null;
  readonly drifted: boolean;
  readonly reason: string;
  /** Features whose drift verdict was "drifted", most changed first. */
  readonly driftedFeatures: readonly string[];
  /** The same features with how far each moved: its statistic against its threshold. */
  readonly moved: readonly MovedFeature[];
  /** How many features the check compared (0 when the report does not list them). */
  readonly featuresChecked: number;
  /** The share of features that must move for the week to count as drifted, when the report says. */
  readonly shareThreshold?: number;
  readonly checkedAt: Date;
}

/** A feature the drift check found moved: how far (`statistic`, by `method`) against how far it may. */
export interface MovedFeature {
  readonly name: string;
  readonly method?: string;
  readonly statistic?: number;
  readonly threshold?: number;
}

/** Where drift verdicts come from. */
export interface DriftSource {
  latest(): Promise<DriftSummary | undefined>;
}

interface ReportFile {
  week?: string;
  championVersion?: number;
  drifted?: boolean;
  reason?: string;
  features?: {
    columns?: readonly {
      name: string;
      drifted?: boolean;
      statistic?: number;
      threshold?: number;
      method?: string;
    }[];
    shareThreshold?: number;
  };
}

/**
 * Drift verdicts from the reports the weekly drift check writes (the newest by modification time),
 * wherever the check ran: see `storedReports`.
 */
export function storedDriftSource(reports: StoredReports): DriftSource {
  return {
    async latest() {
      const newest = (await reports.list('drift'))[0];
      const text = newest && (await reports.read('drift', newest.name));
      if (!newest || text === undefined) return undefined;
      const report = JSON.parse(text) as ReportFile;
      const all = report.features?.columns ?? [];
      const moved = all
        .filter((c) => c.drifted === true)
        .sort((a, b) => (b.statistic ?? 0) - (a.statistic ?? 0))
        .map((c) => ({
          name: c.name,
          ...(c.method !== undefined ? { method: c.method } : {}),
          ...(c.statistic !== undefined ? { statistic: c.statistic } : {}),
          ...(c.threshold !== undefined ? { threshold: c.threshold } : {}),
        }));
      const shareThreshold = report.features?.shareThreshold;
      return {
        week: report.week ?? '',
        championVersion: report.championVersion ?? null,
        drifted: report.drifted === true,
        reason: report.reason ?? '',
        driftedFeatures: moved.map((c) => c.name),
        moved,
        featuresChecked: all.length,
        ...(shareThreshold !== undefined ? { shareThreshold } : {}),
        checkedAt: newest.modifiedAt,
      };
    },
  };
}
