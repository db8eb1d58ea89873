import type { StoredReports } from '../store/stored-reports.ts';

/** The latest drift verdict as the weekly drift check wrote it. */
export interface DriftSummary {
  readonly week: string;
  readonly championVersion: number | null;
  readonly drifted: boolean;
  readonly reason: string;
  /** Features whose drift verdict was "drifted", most changed first. */
  readonly driftedFeatures: readonly string[];
  readonly checkedAt: Date;
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
  features?: { columns?: readonly { name: string; drifted?: boolean; statistic?: number }[] };
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
      const columns = (report.features?.columns ?? [])
        .filter((c) => c.drifted === true)
        .sort((a, b) => (b.statistic ?? 0) - (a.statistic ?? 0))
        .map((c) => c.name);
      return {
        week: report.week ?? '',
        championVersion: report.championVersion ?? null,
        drifted: report.drifted === true,
        reason: report.reason ?? '',
        driftedFeatures: columns,
        checkedAt: newest.modifiedAt,
      };
    },
  };
}
