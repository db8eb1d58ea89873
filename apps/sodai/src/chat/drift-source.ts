import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

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
 * Drift verdicts from the JSON reports the weekly drift check writes under `<reportsDir>/drift`
 * (newest file by modification time).
 */
export function reportFolderDriftSource(dir: string): DriftSource {
  return {
    async latest() {
      const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
      if (names.length === 0) return undefined;
      const dated = await Promise.all(
        names.map(async (name) => ({ name, at: (await stat(path.join(dir, name))).mtime })),
      );
      dated.sort((a, b) => b.at.getTime() - a.at.getTime() || b.name.localeCompare(a.name));
      const newest = dated[0]!;
      const report = JSON.parse(await readFile(path.join(dir, newest.name), 'utf8')) as ReportFile;
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
        checkedAt: newest.at,
      };
    },
  };
}
